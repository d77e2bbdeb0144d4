/**
 * The floor the catalog's wall time is compared with: the same browser work
 * with nothing of cors-lab in it. A fresh plain Node process (no tsx, no lab
 * code) starts a bare `node:http` server, launches one Chromium with 3
 * contexts, and performs `fetches` fetches from a page on one origin to
 * another, each to a fresh URL, every other one preflighted (PUT with a
 * custom header), one `page.evaluate` per fetch as the runner does per step.
 * The time includes Node's start and the browser launch.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../../runner/find-browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The floor's server, shared by every engine's floor (engine-bench.ts): the page, and CORS answers that let
 * every fetch through, preflight included, with no lab logic. Plain JavaScript for a child process.
 */
export const FLOOR_SERVER = `const server = createServer((req, res) => {
  if (req.url === '/page') { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end('<link rel="icon" href="data:,">'); return; }
  const cors = { 'Access-Control-Allow-Origin': req.headers.origin ?? '*' };
  if (req.method === 'OPTIONS') { res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-floor' }); res.end(); return; }
  res.writeHead(200, cors); res.end('ok');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = server.address().port;
`;

/** Plain JavaScript, so the child needs nothing but Node and playwright-core. */
const SCRIPT = `
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
const [executablePath, argsJson, fetchesText] = process.argv.slice(1);
const fetches = Number(fetchesText);
${FLOOR_SERVER}const browser = await chromium.launch({ executablePath, headless: true, args: JSON.parse(argsJson) });
let next = 0;
await Promise.all([0, 1, 2].map(async () => {
  const context = await browser.newContext();
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

/** Runs the floor as its own process; returns its wall time in milliseconds. */
export function floorMs(fetches: number): number {
  const started = performance.now();
  execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT, findChromium(), JSON.stringify(CHROMIUM_ARGS), String(fetches)], { cwd: ROOT, stdio: 'inherit' });
  return performance.now() - started;
}
