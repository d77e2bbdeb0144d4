/**
 * `npm run bench`: the figures the issues set targets for, printed side by
 * side. Not a test: it measures, it does not judge.
 *   - the whole catalog in headless Chromium (lab start + browser launch + run + close)
 *   - the floor: browser launch + one page + one fetch
 *   - the catalog beside a bare Playwright floor doing the same browser work, step by step (floor.ts), with their ratio
 *   - the whole `cors-lab run` process, as a user types it
 *   - each engine's catalog beside a bare floor for that engine (engine-bench.ts)
 *   - start-up: every `--help` beside `node -e 0`, and `import('cors-lab/model')` (startup.ts)
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { catalog } from '../../experiments/catalog/index.ts';
import { launchChromium } from '../../runner/launch.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { startLab } from '../../servers/lab.ts';
import { encodePlan, plannedPath } from '../../plan/plan-url.ts';
import { floorMs } from './floor.ts';

const ROUNDS = 3;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function catalogRun(): Promise<{ ms: number; passed: number }> {
  const started = performance.now();
  // The lab first: the browser must know the public origin's port (Local Network Access).
  const lab = await startLab({ clientDir: null });
  const browser = await launchChromium(lab.origins);
  const report = await runExperiments(catalog, lab, browser, { browserKnowsPublic: true });
  await Promise.all([browser.close(), lab.close()]);
  return { ms: performance.now() - started, passed: report.summary.passed };
}

async function floor(): Promise<number> {
  const lab = await startLab({ clientDir: null });
  const started = performance.now();
  const browser = await launchChromium();
  const page = await browser.newPage();
  const api = lab.origins.find((o) => o.name === 'api')!.url;
  await page.goto(`${lab.origins[0]!.url}/__runner`, { waitUntil: 'domcontentloaded' });
  const url = `${api}${plannedPath('bench', 0, encodePlan({ page: 'app', server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } }), '/')}`;
  await page.evaluate((u) => fetch(u).then((r) => r.text()), url);
  const ms = performance.now() - started;
  await browser.close();
  await lab.close();
  return ms;
}

// Catalog and bare floor alternate, so both see the same machine load.
const steps = catalog.reduce((sum, e) => sum + 1 + (e.then?.length ?? 0), 0);
const runs: number[] = [];
const bareFloors: number[] = [];
let passed = 0;
for (let i = 0; i < ROUNDS; i++) {
  const run = await catalogRun();
  runs.push(run.ms);
  passed = run.passed;
  bareFloors.push(floorMs('chromium', catalog));
}
const floors: number[] = [];
for (let i = 0; i < ROUNDS; i++) floors.push(await floor());

const bin = fileURLToPath(new URL('../../bin/cors-lab.js', import.meta.url));
const processStarted = performance.now();
execFileSync(process.execPath, [bin, 'run'], { stdio: 'ignore' });
const processMs = performance.now() - processStarted;

console.log(`catalog: ${catalog.length} experiments, ${passed} passed (median of ${ROUNDS} rounds)`);
console.log(`  whole catalog, headless, incl. browser launch : ${seconds(median(runs))}   (rounds: ${runs.map(seconds).join(', ')})`);
console.log(`  floor: browser launch + one page + one fetch  : ${seconds(median(floors))}`);
console.log(`  bare floor: Node + node:http + Chromium, the same ${steps} steps, each api's own work: ${seconds(median(bareFloors))}   (rounds: ${bareFloors.map(seconds).join(', ')})`);
console.log(`  catalog / bare floor                          : ${(median(runs) / median(bareFloors)).toFixed(2)}x   (target <= 1.6x)`);
console.log(`  \`cors-lab run\` as a process (Node start too)   : ${seconds(processMs)}`);

// Each engine's catalog beside a bare floor for that engine, in this same run (engine-bench.ts; an engine not installed is named).
const { engineBench } = await import('./engine-bench.ts');
const { ENGINES } = await import('../../engines/engine.ts');
console.log('engines: each catalog beside its bare floor:');
for (const line of await engineBench(ENGINES, Number.MAX_SAFE_INTEGER, ROUNDS)) console.log(line);

// The model over the whole catalog, every step (issue target: under 50 ms in total).
const { predictExperimentAsync } = await import('../../experiments/model/predict.ts');
const { originMap, originsAtPortBase } = await import('../../plan/origins.ts');
const origins = originMap(originsAtPortBase(5310));
const coldStarted = performance.now();
for (const e of catalog) await predictExperimentAsync(e, origins);
const coldMs = performance.now() - coldStarted;
const modelRounds: number[] = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  for (const e of catalog) await predictExperimentAsync(e, origins);
  modelRounds.push(performance.now() - started);
}
console.log(`  model: whole catalog predicted (every step)  : ${median(modelRounds).toFixed(1)} ms warm, ${coldMs.toFixed(1)} ms cold`);

// Start-up of the built package: every --help beside node -e 0, and the model entry (issue 17).
const { startupReport, startupTimes } = await import('./startup.ts');
console.log('start-up (best of 5):');
console.log(startupReport(startupTimes()));

// The playground's JavaScript as a browser receives it on a first visit (issue 16 target: <= 90 kB on the wire),
// real Chromium reading its script responses over CDP until the page is ready. Built by `npm run build`.
const { staleBecause, CLIENT_BUILD, PACKAGE_BUILD } = await import('../../scripts/build-stamp.ts');
const root = fileURLToPath(new URL('../..', import.meta.url));
const clientStale = await staleBecause(root, CLIENT_BUILD);
if (clientStale === null) {
  const { initialJavaScript } = await import('./initial-javascript.ts');
  const lab = await startLab();
  const browser = await launchChromium(lab.origins);
  const app = lab.origins.find((o) => o.name === 'app')!.url;
  const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
  // Ready: the lab answers, and a lesson page shows its lesson (downloaded after the first paint, so counted).
  const ready = (heading: RegExp) => async (p: Page): Promise<void> => {
    const status = p.getByRole('status', { name: /lab status|实验室状态/ });
    await status.filter({ hasText: /^(ready|就绪)$/ }).waitFor();
    await p.getByRole('heading', { name: heading }).first().waitFor();
  };
  for (const [what, query, heading] of [
    ['English playground', '', /group simple$/],
    ['English lesson page', '?lesson=the-preflight', /^Lesson 4: The preflight$/],
    ['Chinese playground', '?lang=zh-CN', /分组 简单请求$/],
    ['Chinese lesson page', '?lang=zh-CN&lesson=the-preflight', /^第 4 课：预检请求$/],
  ] as const) {
    const page = await browser.newPage();
    const js = await initialJavaScript(page, `${app}/${query}`, ready(heading));
    console.log(`  initial JS, ${what.padEnd(20)}: ${kB(js.wire)} on the wire, ${kB(js.decoded)} uncompressed (${js.files.length} files; target <= 90 kB)`);
    await page.close();
  }
  await Promise.all([browser.close(), lab.close()]);
} else {
  console.log(`  initial JS: the client is not current (${clientStale}): run npm run build`);
}

// npm start on a built tree (target <= 3 s to the URLs) beside the compiled `cors-lab serve` alone, on free ports.
const { timeToUrls } = await import('./start-time.ts');
if (clientStale === null && (await staleBecause(root, PACKAGE_BUILD)) === null) {
  const npm = await timeToUrls(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['start', '--', '--port-base', '5410']);
  const serve = await timeToUrls(process.execPath, [bin, 'serve', '--port-base', '5420']);
  const built = npm.before.includes('Building') ? ' (it built the client: not a built tree)' : '';
  console.log(`  npm start to URLs, built tree                 : ${seconds(npm.ms)}${built} beside cors-lab serve alone: ${seconds(serve.ms)} (target <= 3 s)`);
} else {
  console.log('  npm start: the client or lib/ is not current: run npm run build');
}

// The origins against a bare Hono app with hono/cors, 100 connections, side by side (issue 7 target: ratio >= 0.9).
const { originsVersusHono } = await import('./origins-rps.ts');
const rps = await originsVersusHono();
console.log(`  origins vs bare hono/cors, 100 connections   : ${rps.lab.toFixed(0)} vs ${rps.hono.toFixed(0)} rps, ratio ${rps.ratio.toFixed(2)} (target >= 0.9)`);

// A room on one class-mode lab (issue 11): 60 attendees replaying the whole catalog's requests at once, the lab in its own process.
const { classLoadBench } = await import('./class-load.ts');
const room = await classLoadBench();
console.log(
  `  class: ${room.attendees} attendees x ${catalog.length} experiments at once: ${room.steps} steps, ${room.requests} requests in ${seconds(room.ms)}, ` +
    `${room.failures.length} failed; a step p50 ${room.stepMs.p50.toFixed(0)} ms, p99 ${room.stepMs.p99.toFixed(0)} ms`,
);
for (const failure of room.failures.slice(0, 5)) console.log(`    failed: ${failure}`);
