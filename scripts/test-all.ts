/**
 * `npm test`: every test, in two stages (scripts/run-jobs.ts); the second starts once every job of the first passed.
 *
 * 1. Types (tsc), layering (dependency-cruiser) and the build where a source changed (build-if-stale.ts), side by
 *    side.
 * 2. Unit tests (Vitest), browser tests (Playwright) and the published package (test/package/run-example.sh), side
 *    by side.
 *
 * The suite is bound by CPU on a 2-core machine (cores sampled from /proc), so what decides is how much of it is
 * left idle. Measured on this machine, quiet, Chromium launched as the lab launches it (runner/chromium-features.ts):
 * Vitest alone 158 s with the cores at 68%, Playwright alone 491 s at 79% (it waits through the holds of its
 * late-request tests); side by side both ended after 577 s, the cores at 86%: 72 s sooner than one after the other.
 * (Before the lab's Chromium dropped its address-bar popup page and spare renderer, Playwright alone kept the cores
 * busy, and side by side was the slower.) Each job starts its own servers on free ports and its own browsers;
 * Vitest and Playwright keep the secure origin's test CA in a folder each (tmp/test-config/unit,
 * tmp/test-config/browser). Playwright writes as it goes; the others when they end. The exit code is 1 if any job
 * failed; 130 (143) after Ctrl-C (SIGTERM), which stops every job.
 * Run: node --import tsx scripts/test-all.ts
 */
import { fileURLToPath } from 'node:url';
import { JobRunner, type Job } from './run-jobs.ts';

const TSX = ['--import', 'tsx'];

const STAGES: Job[][] = [
  [
    { name: 'types', command: 'npx', args: ['tsc', '--noEmit', '-p', '.'] },
    { name: 'layering', command: 'npx', args: ['depcruise', '--config', '.dependency-cruiser.mjs', '.'] },
    { name: 'build', command: process.execPath, args: [...TSX, 'scripts/build-if-stale.ts'] },
  ],
  [
    { name: 'unit tests (Vitest)', command: 'npx', args: ['vitest', 'run'] },
    { name: 'browser tests (Playwright)', command: 'npx', args: ['playwright', 'test'], live: true },
    { name: 'package', command: 'bash', args: ['test/package/run-example.sh'] },
  ],
];

const runner = new JobRunner({
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  write: (text) => process.stdout.write(text),
});
// The shell's convention: 128 + the signal's number.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    runner.stop(signal);
    process.exitCode = code;
  });
}
const passed = await runner.runStages(STAGES);
if (process.exitCode === undefined) process.exitCode = passed ? 0 : 1;
