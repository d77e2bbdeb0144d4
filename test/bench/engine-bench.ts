/**
 * Each engine's catalog time (`run --browser <engine>`'s work: lab start, browser launch, every experiment
 * that applies, close) beside a bare floor for that engine in the same run, with nothing of cors-lab in it:
 * for Chromium every step's own browser work, api by api, with the isolation the experiments need (floor.ts); for
 * Firefox and WebKit as many fetches as steps, for now (for Firefox a plain Node process with
 * puppeteer-core, a bare `node:http` server and as many contexts as the driver runs at once; for WebKit
 * the same with Xvfb, WebKitWebDriver and its browser, as many sessions as the driver runs at once, each
 * fetch one WebDriver command, none of the driver's console markers). Catalog and floor alternate, so
 * both see the same machine load. It measures, it does not judge.
 *
 *   tsx test/bench/engine-bench.ts [--engine chromium|firefox|webkit]... [--every N] [--limit N] [--rounds N]
 *
 * `--every N` takes every Nth experiment that applies (the first, the N+1th, ...: a sample of every group), then
 * `--limit N` the first N of those (a small run on a shared machine); run-bench.ts runs every engine over the whole
 * catalog.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ENGINES, type EngineName } from '../../engines/engine.ts';
import { findFirefox } from '../../engines/firefox/find-firefox.ts';
import { findWebKit, HOST_SCRIPT, WEBKIT_SESSIONS } from '../../engines/webkit/webkit-browser.ts';
import { catalog } from '../../experiments/catalog/index.ts';
import { appliesTo, type Experiment } from '../../format/schema.ts';
import { missingEngine } from '../../runner/engine-launchers.ts';
import { launchChromium } from '../../runner/launch.ts';
import { runInBrowsers } from '../../runner/run-browsers.ts';
import { startLab } from '../../servers/lab.ts';
import { FLOOR_SERVER, floorMs } from './floor.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Firefox's floor: plain JavaScript, so the child needs nothing but Node and puppeteer-core. */
const FIREFOX_FLOOR = `
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';
const [executablePath, fetchesText, contextsText] = process.argv.slice(1);
const fetches = Number(fetchesText);
${FLOOR_SERVER}const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
let next = 0;
await Promise.all(Array.from({ length: Number(contextsText) }, async () => {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto('http://localhost:' + port + '/page');
  while (next < fetches) {
    const i = next++;
    const preflighted = i % 2 === 0;
    await page.evaluate(([url, preflighted]) => fetch(url, preflighted ? { method: 'PUT', headers: { 'X-Floor': '1' } } : {}).then((r) => r.text()), ['http://127.0.0.1:' + port + '/f' + i, preflighted]);
  }
  await context.close();
}));
await browser.close();
server.close();
`;

/**
 * WebKit's floor: plain JavaScript. Xvfb on a display it picks, one WebKitWebDriver per session with the driver's
 * browser (automation-host.py, the smallest WebKitGTK browser that automation can start here), each session on the
 * floor page running fetches by classic WebDriver's Execute Async Script; every process it started is killed with
 * its process group at the end.
 */
const WEBKIT_FLOOR = `
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as netServer } from 'node:net';
const [driver, xvfb, python, host, fetchesText, sessionsText] = process.argv.slice(1);
const fetches = Number(fetchesText);
${FLOOR_SERVER}const started = [];
const group = (command, args, options) => {
  const child = spawn(command, args, { ...options, detached: true });
  started.push(child);
  return child;
};
const screen = ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'];
const x = group(xvfb, screen, { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
const display = await new Promise((resolve) => {
  let text = '';
  x.stdio[3].on('data', (chunk) => { text += chunk; if (text.includes('\\n')) resolve(':' + text.trim()); });
});
const freePort = () => new Promise((resolve) => {
  const probe = netServer();
  probe.listen(0, '127.0.0.1', () => { const free = probe.address().port; probe.close(() => resolve(free)); });
});
const command = async (base, method, path, body) => {
  const init = { method, signal: AbortSignal.timeout(60000) };
  if (body) Object.assign(init, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await fetch(base + path, init);
  const parsed = await answer.json();
  if (!answer.ok) throw new Error(method + ' ' + path + ': ' + JSON.stringify(parsed));
  return parsed.value;
};
const FETCH = 'const [url, preflighted, done] = arguments;' +
  ' fetch(url, preflighted ? { method: "PUT", headers: { "X-Floor": "1" } } : {})' +
  '.then((r) => r.text()).then(done, (e) => done(String(e)));';
let next = 0;
try {
  await Promise.all(Array.from({ length: Number(sessionsText) }, async () => {
    const driverPort = await freePort();
    const env = { ...process.env, DISPLAY: display, GDK_BACKEND: 'x11' };
    group(driver, ['--port=' + driverPort, '--host=127.0.0.1'], { env, stdio: 'ignore' });
    const base = 'http://127.0.0.1:' + driverPort;
    for (let i = 0; i < 600; i++) {
      try { await command(base, 'GET', '/status'); break; } catch { await new Promise((r) => setTimeout(r, 50)); }
    }
    const options = { binary: python, args: [host] };
    const capabilities = { alwaysMatch: { 'webkitgtk:browserOptions': options } };
    const { sessionId } = await command(base, 'POST', '/session', { capabilities });
    const session = '/session/' + sessionId;
    await command(base, 'POST', session + '/url', { url: 'http://localhost:' + port + '/page' });
    while (next < fetches) {
      const i = next++;
      const args = ['http://127.0.0.1:' + port + '/f' + i, i % 2 === 0];
      await command(base, 'POST', session + '/execute/async', { script: FETCH, args });
    }
    await command(base, 'DELETE', session).catch(() => undefined);
  }));
} finally {
  for (const child of started.reverse()) { try { process.kill(-child.pid, 'SIGKILL'); } catch {} }
  server.close();
}
`;

/** The Firefox driver's contexts at once (engines/firefox/firefox-browser.ts). */
const FIREFOX_CONTEXTS = 3;

/** One fetch per step: Firefox's and WebKit's floors count steps, whatever their api (Chromium's does each api). */
const fetchesOf = (experiments: readonly Experiment[]): number =>
  experiments.reduce((sum, e) => sum + 1 + (e.then?.length ?? 0), 0);

const FLOORS: Partial<Record<EngineName, (experiments: readonly Experiment[]) => number>> = {
  chromium: floorMs,
  firefox: (experiments) => {
    const fetches = fetchesOf(experiments);
    const started = performance.now();
    const args = [findFirefox(), String(fetches), String(FIREFOX_CONTEXTS)];
    execFileSync(process.execPath, ['--input-type=module', '-e', FIREFOX_FLOOR, ...args], { cwd: ROOT, stdio: 'inherit' });
    return performance.now() - started;
  },
  webkit: (experiments) => {
    const fetches = fetchesOf(experiments);
    const started = performance.now();
    const { driver, xvfb, python } = findWebKit();
    const args = [driver, xvfb, python, HOST_SCRIPT, String(fetches), String(WEBKIT_SESSIONS)];
    const child = ['--input-type=module', '-e', WEBKIT_FLOOR, ...args];
    execFileSync(process.execPath, child, { cwd: ROOT, stdio: 'inherit' });
    return performance.now() - started;
  },
};

async function catalogRun(
  engine: EngineName,
  experiments: readonly Experiment[],
): Promise<{ ms: number; passed: number }> {
  const started = performance.now();
  const lab = await startLab({ clientDir: null });
  const chromium = engine === 'chromium' ? await launchChromium(lab.origins) : undefined;
  try {
    const report = await runInBrowsers([engine], experiments, lab, chromium ? { chromium } : {});
    return { ms: performance.now() - started, passed: report.summary.passed };
  } finally {
    await Promise.all([chromium?.close(), lab.close()]);
  }
}

export async function engineBench(
  engines: readonly EngineName[], limit: number, rounds: number, every = 1,
): Promise<string[]> {
  const lines: string[] = [];
  for (const engine of engines) {
    const missing = missingEngine(engine);
    if (missing !== null) {
      lines.push(`  ${engine}: skipped, ${missing.split('\n')[0]}`);
      continue;
    }
    const experiments = catalog.filter((e) => appliesTo(e, engine)).filter((_, i) => i % every === 0).slice(0, limit);
    const fetches = fetchesOf(experiments);
    const floor = FLOORS[engine];
    const runs: number[] = [];
    const floors: number[] = [];
    let passed = 0;
    for (let i = 0; i < rounds; i++) {
      const run = await catalogRun(engine, experiments);
      runs.push(run.ms);
      passed = run.passed;
      if (floor) floors.push(floor(experiments));
    }
    const ratio = floors.length ? `${(median(runs) / median(floors)).toFixed(2)}x` : 'no floor for this engine yet';
    lines.push(
      `  ${engine}: ${experiments.length} experiments (${fetches} steps), ${passed} passed: ${seconds(median(runs))}` +
        ` beside its bare floor ${floors.length ? seconds(median(floors)) : '-'}: ${ratio}` +
        `${engine === 'chromium' ? ' (target <= 1.5x)' : ''}   (rounds: ${runs.map(seconds).join(', ')})`,
    );
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', multiple: true },
      every: { type: 'string' },
      limit: { type: 'string' },
      rounds: { type: 'string' },
    },
  });
  const engines = (values.engine ?? [...ENGINES]).map((name) => {
    if (!(ENGINES as readonly string[]).includes(name)) {
      throw new Error(`--engine: unknown engine ${JSON.stringify(name)}; engines: ${ENGINES.join(', ')}`);
    }
    return name as EngineName;
  });
  const whole = (flag: string, text: string | undefined, fallback: number): number => {
    if (text === undefined) return fallback;
    if (!/^[1-9]\d*$/.test(text)) {
      throw new Error(`${flag}: expected a whole number from 1, got ${JSON.stringify(text)}`);
    }
    return Number(text);
  };
  const limit = whole('--limit', values.limit, Number.MAX_SAFE_INTEGER);
  const rounds = whole('--rounds', values.rounds, 3);
  const every = whole('--every', values.every, 1);
  console.log(`engines: catalog beside a bare floor per engine (median of ${rounds} rounds):`);
  for (const line of await engineBench(engines, limit, rounds, every)) console.log(line);
}
