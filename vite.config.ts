import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { lessonIndexPlugin, lessonSourceFiles } from './lessons/index-plugin.ts';
import { CLIENT_BUILD, writeStamp } from './scripts/build-stamp.ts';
import { browserModelMessagesPlugin } from './scripts/browser-model-messages-plugin.ts';
import { firstLoadChunks } from './scripts/first-load-chunks.ts';
import { catalogInBrowserPlugin, catalogSourceFiles } from './scripts/catalog-in-browser-plugin.ts';
import { catalogProsePlugin } from './scripts/catalog-prose-plugin.ts';
import { precompressFolder } from './scripts/precompress.ts';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const OUT = fileURLToPath(new URL('dist/client', import.meta.url));
const FIRST_LOAD = firstLoadChunks(ROOT);

/**
 * After the bundle is written: `.br` and `.gz` beside each file (the app origin sends them by
 * Accept-Encoding), then the record of what was bundled, which lets `npm start` skip a build.
 */
function precompressAndStamp(): Plugin {
  let moduleIds: string[] = [];
  return {
    name: 'cors-lab-precompress-and-stamp',
    apply: 'build',
    buildEnd() {
      // The lessons and the catalog are read by plugins in Node, not bundled as they are: their files too.
      moduleIds = [...this.getModuleIds(), ...lessonSourceFiles(ROOT), ...catalogSourceFiles()];
    },
    async closeBundle() {
      await precompressFolder(OUT);
      await writeStamp(ROOT, CLIENT_BUILD, moduleIds);
    },
  };
}

/** The playground client: built into dist/client, served by the app origin. */
export default defineConfig({
  root: 'client',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    // zod, and the experiment schema built with it, in chunks of their own: left to itself the bundler
    // merges them with small shared modules the first load needs (the reasons list, the request modes),
    // and the first load has no use for zod (issue 16). https://rolldown.rs/in-depth/manual-code-splitting
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/, priority: 100 },
            { name: 'request-modes', test: /[\\/]format[\\/]request-modes\.ts$/ },
            // Lit, its directives and @lit/localize in one chunk: every page needs them, and each file of its
            // own costs its response headers on the wire too (the first load counts them: issue 16).
            { name: 'lit', test: /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/, priority: 100 },
            // What a page runs before it is usable, in one chunk per set of pages (scripts/first-load-chunks.ts).
            ...FIRST_LOAD.groups,
          ],
        },
      },
    },
  },
  plugins: [
    lessonIndexPlugin(ROOT), catalogInBrowserPlugin(), catalogProsePlugin(), browserModelMessagesPlugin(),
    FIRST_LOAD.plugin, precompressAndStamp(),
  ],
  logLevel: 'warn',
});
