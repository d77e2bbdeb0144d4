/**
 * `npm test`: every test, in two stages whose jobs run side by side (scripts/run-jobs.ts).
 *
 * 1. Types (tsc), layering (dependency-cruiser) and the build where a source changed (build-if-stale.ts).
 * 2. Once all three pass: browser tests (Playwright), unit tests (Vitest) and the published package
 *    (test/package/run-example.sh).
 *
 * Why side by side: one after another they took about 12.5 minutes on a 2-core machine, and the jobs waited much of
 * that time (`time` counted Playwright's processes at under half of both cores; Vitest's longest file, the catalog in
 * Firefox and WebKit, ran alone at its end; the package check waits on the registry). Side by side the cores stay
 * busy (98% of both, sampled from /proc/stat over a run). The jobs share nothing but the machine: each starts its own servers on
 * free ports and its own browsers, and keeps the secure origin's test CA in a folder of its own (tmp/test-config/unit,
 * tmp/test-config/browser). Playwright, the longest, writes as it goes; the others when they end. The exit code is 1
 * if any job failed; 130 (143) after Ctrl-C (SIGTERM), which stops every job.
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
    { name: 'browser tests (Playwright)', command: 'npx', args: ['playwright', 'test'], live: true },
    { name: 'unit tests (Vitest)', command: 'npx', args: ['vitest', 'run'] },
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
