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
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
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
    { name: 'package', command: 'bash', args: ['test/package/run-example.sh'] },
  ],
  [{ name: 'browser tests (Playwright)', command: 'npx', args: ['playwright', 'test'], live: true }],
];

// Every job's temporary folders (the tests' own, the browsers' profiles) go in one scratch folder of the run, removed
// when the run ends: a run left some 20 folders in the system's temp folder, and a killed browser its profile. The
// scratch folder is short and in the system's temp folder, so socket paths under it stay within their limit (the
// longest, Chromium's SingletonSocket in a test's profile, is some 93 bytes of 108). The transform caches of tsx
// and Playwright stay where they were, linked in: a cold cache would cost every run CPU.
const scratch = mkdtempSync(join(tmpdir(), 'cors-lab-test-'));
const user = process.geteuid?.() ?? userInfo().username;
for (const cache of [`tsx-${user}`, `playwright-transform-cache-${user}`]) {
  mkdirSync(join(tmpdir(), cache), { recursive: true });
  symlinkSync(join(tmpdir(), cache), join(scratch, cache));
}
/** Removes the scratch folder (its links, not what they point to); a process still writing there is only said. */
function removeScratch(): void {
  try {
    rmSync(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch (error) {
    process.stdout.write(`Could not remove ${scratch}: ${String(error)}\n`);
  }
}
const runner = new JobRunner({
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  write: (text) => process.stdout.write(text),
  env: { ...process.env, TMPDIR: scratch },
});
// The shell's convention: 128 + the signal's number.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    runner.stop(signal);
    process.exitCode = code;
  });
}
const passed = await runner.runStages(STAGES).finally(removeScratch);
if (process.exitCode === undefined) process.exitCode = passed ? 0 : 1;
