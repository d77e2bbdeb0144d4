import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { lessonIndexPlugin } from './lessons/index-plugin.ts';
import { catalogProsePlugin } from './scripts/catalog-prose-plugin.ts';
import { paced } from './test/pace/machine-pace.ts';
import { CONFIG_DIR_ENV } from './servers/config-folder.ts';

// The secure origin's CA for tests: in the work tree's git-ignored tmp/, never the user's config folder.
process.env[CONFIG_DIR_ENV] = fileURLToPath(new URL('./tmp/test-config/', import.meta.url));

export default defineConfig({
  plugins: [lessonIndexPlugin(fileURLToPath(new URL('.', import.meta.url))), catalogProsePlugin()],
  test: {
    testTimeout: paced(5_000),
    hookTimeout: paced(10_000),
    // Every unit test, wherever it sits beside its code; the built outputs and the packaged example are not sources.
    include: ['**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'lib/**', 'examples/**'],
  },
});
