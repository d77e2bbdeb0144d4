import { defineConfig } from 'vite';

/** The playground client: built into dist/client, served by the app origin. */
export default defineConfig({
  root: 'client',
  build: { outDir: '../dist/client', emptyOutDir: true, target: 'es2022' },
  logLevel: 'warn',
});
