import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['servers/**/*.test.ts', 'experiments/**/*.test.ts', 'cli/**/*.test.ts', 'runner/**/*.test.ts', 'client/**/*.test.ts', 'lessons/**/*.test.ts'],
  },
});
