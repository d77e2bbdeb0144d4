import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { lessonIndexPlugin } from './lessons/index-plugin.ts';
import { catalogProsePlugin } from './scripts/catalog-prose-plugin.ts';
import { paced } from './test/pace/machine-pace.ts';
import { CONFIG_DIR_ENV } from './servers/config-folder.ts';

// The secure origin's CA for tests: in the work tree's git-ignored tmp/, never the user's config folder; a folder
// of its own for each runner, so that the two may run at once (npm run test:unit beside npm run test:e2e).
process.env[CONFIG_DIR_ENV] = fileURLToPath(new URL('./tmp/test-config/unit/', import.meta.url));

export default defineConfig({
  plugins: [lessonIndexPlugin(fileURLToPath(new URL('.', import.meta.url))), catalogProsePlugin()],
  test: {
    // A limit on a hang, never a verdict: generous, since a test that spawns a process or merges 100 000 names takes
    // several seconds on a 2-core machine under a class's load.
    testTimeout: paced(20_000),
    // Vitest's default is one worker less than the cores: one worker on a 2-core machine, which then waits through
    // every browser launch, child process and server delay in turn. Many files mostly wait, so one per core.
    maxWorkers: Math.max(2, availableParallelism()),
    hookTimeout: paced(10_000),
    // Every unit test, wherever it sits beside its code; the built outputs and the packaged example are not sources.
    include: ['**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'lib/**', 'examples/**'],
  },
});
