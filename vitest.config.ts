import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { lessonIndexPlugin } from './lessons/index-plugin.ts';
import { catalogProsePlugin } from './scripts/catalog-prose-plugin.ts';
import { paced } from './test/pace/machine-pace.ts';

export default defineConfig({
  plugins: [lessonIndexPlugin(fileURLToPath(new URL('.', import.meta.url))), catalogProsePlugin()],
  test: {
    testTimeout: paced(5_000),
    hookTimeout: paced(10_000),
    include: ['servers/**/*.test.ts', 'test/fuzz/**/*.test.ts', 'experiments/**/*.test.ts', 'cli/**/*.test.ts', 'runner/**/*.test.ts', 'client/**/*.test.ts', 'probe/**/*.test.ts', 'api/**/*.test.ts', 'lessons/**/*.test.ts', 'test/probes/**/*.test.ts', 'test/bench/**/*.test.ts', 'test/pace/**/*.test.ts', 'scripts/**/*.test.ts'],
  },
});
