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

/**
 * The test files that get modules of their own (Vitest's default, isolate: true): they mock a module, reset the
 * module registry, check what a module holds before something loads or registers into it (a language's words, a
 * group's prose, the catalog's plans), or check what the lab does when another server loaded first. Every other file
 * shares its worker's modules with the files before it (isolate: false), which spares a fresh process and a fresh
 * import of the lab's modules per file. Measured side by side on this 2-core machine, `CI=true npx vitest run` in a
 * cgroup of its own (CPU seconds from cpuacct): every file isolated 310 s and 555 CPU s; 7 of these isolated 242 s and
 * 451 CPU s; none 204 s and 374 CPU s (4 tests fail); all 40 of client/'s files isolated as well 286 s and 517 CPU s.
 * A file that passes alone and fails among others belongs here: `npx vitest run --sequence.shuffle.files
 * --sequence.seed=N` finds it (projects ignore --maxWorkers; VITEST_MAX_WORKERS=1 puts every file in one process);
 * a seed of 5 found servers/origin-app.ts's ALREADY_SENT. vitest-config.test.ts checks each entry is a file.
 */
export const ISOLATED_TESTS = [
  'client/i18n/localize.test.ts',
  'client/lab/catalog-explain.test.ts',
  'client/lab/catalog-plans-failure.test.ts',
  'client/lab/catalog-plans.test.ts',
  'client/lab/editor-draft-zh.test.ts',
  'client/lab/prose-view.test.ts',
  'experiments/model/messages/tables.test.ts',
  'format/problems/limit-words.test.ts',
  'servers/already-sent.test.ts',
];

const EXCLUDE = [...configDefaults.exclude, 'lib/**', 'examples/**'];

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
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['**/*.test.ts'], exclude: [...EXCLUDE, ...ISOLATED_TESTS], isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED_TESTS, exclude: EXCLUDE, isolate: true } },
    ],
  },
});
