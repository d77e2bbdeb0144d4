/**
 * `npm test`: every test, in three stages (scripts/run-jobs.ts); a stage starts once every job before it passed.
 *
 * 1. Types (tsc), layering (dependency-cruiser) and the build where a source changed (build-if-stale.ts), side by
 *    side.
 * 2. Unit tests (Vitest) beside the published package (test/package/run-example.sh), which mostly waits on the
 *    registry and npm.
 * 3. Browser tests (Playwright), alone: they keep both cores of a 2-core machine busy by themselves.
 *
 * The suite is bound by CPU on a 2-core machine (cores sampled from /proc), so what decides is the CPU it needs and
 * how much of the cores it leaves idle. Measured on an earlier machine, quiet, with Chromium launched as the lab
 * launches it (runner/chromium-features.ts), `CI=true npm test`: these stages 10 min 41 s (Vitest 203 s beside the
 * package 92 s, then Playwright 433 s); Vitest, Playwright and the package all side by side 10 min 54 s to 11 min
 * 9 s (two runs), the cores at 91%. On today's machine (2026-12-08), with the suite grown by the three engines' WPT
 * tables: Vitest 298 s beside the package 208 s, then Playwright 853 s, the cores busy 89% on average (sampled every
 * 5 s from /proc/stat, median 98%): no idle core left to give to another worker. Each job starts its own servers on free ports and its own browsers; Vitest and Playwright
 * keep the secure origin's test CA in a folder each (tmp/test-config/unit, tmp/test-config/browser). Playwright
 * writes as it goes; the others when they end. The exit code is 1 if any job failed; 130 (143) after Ctrl-C
 * (SIGTERM), which stops every job.
 * Run: node --import tsx scripts/test-all.ts
 */
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { JobRunner, type Job } from './run-jobs.ts';
import { makeScratch } from './scratch-temp.ts';

const TSX = ['--import', 'tsx'];

const STAGES: Job[][] = [
  [
    { name: 'types', command: 'npx', args: ['tsc', '--noEmit', '-p', '.'] },
    { name: 'layering', command: 'npx', args: ['depcruise', '--config', '.dependency-cruiser.mjs', '.'] },
    { name: 'build', command: process.execPath, args: [...TSX, 'scripts/build-if-stale.ts'] },
  ],
  [
    { name: 'unit tests (Vitest)', command: 'npx', args: ['vitest', 'run'] },
    { name: 'package', command: 'bash', args: ['test/package/run-example.sh'] },
  ],
  [{ name: 'browser tests (Playwright)', command: 'npx', args: ['playwright', 'test'], live: true }],
];

// Every job's temporary folders go in one scratch folder of the run, removed when the run ends (scratch-temp.ts).
const scratch = makeScratch(tmpdir());
const runner = new JobRunner({
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  write: (text) => process.stdout.write(text),
  env: { ...process.env, TMPDIR: scratch.dir },
});
// The shell's convention: 128 + the signal's number.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    runner.stop(signal);
    process.exitCode = code;
  });
}
const passed = await runner.runStages(STAGES).finally(() => scratch.remove((text) => process.stdout.write(text)));
if (process.exitCode === undefined) process.exitCode = passed ? 0 : 1;
