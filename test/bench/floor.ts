/**
 * The floor the catalog's wall time is compared with in Chromium: the same browser work with nothing of cors-lab in
 * it (issue 18: "the same fetches, no lab logic"). A fresh plain Node process (chromium-floor.mjs: no tsx, no lab
 * code) starts one bare `node:http` server per lab origin (the same hosts, so the same sites and renderer
 * processes), launches Chromium with the lab's flags and as many contexts as the runner's slots, and runs every
 * step of every experiment (floor-steps.ts derives them from the catalog's own steps) as plainly as a page does:
 *   - fetch and XHR with the step's method, headers, body, mode and credentials (so the same preflights);
 *   - an `<img>`, `<script>` or `<link rel=stylesheet>` with its `crossorigin`, awaited to load or error;
 *   - an `<iframe>` awaited to load; postMessage into it and its answer; `window.open` (with `noopener` when the
 *     step has it) awaited until the popup has loaded, then closed; postMessage to a popup once it says it runs;
 *   - a form posted into a popup, awaited until the answer is in it; `sendBeacon`, awaited until it was sent;
 *   - a WebSocket to its first message; an EventSource to its first event;
 * each step one `page.evaluate`, as the runner's are. Each experiment's steps ask one fresh URL (no cache entry of
 * another experiment applies; its own steps share it, as the lab's do). What the experiments' semantics need of the
 * browser is done too: a page of its own navigated to for an experiment with page headers (served with them), the
 * sandboxed page for the opaque origin, the cookie jar cleared after an experiment that sets cookies, the Local
 * Network Access permission granted or withdrawn, the public origin's address-space flag, and a second browser with
 * a profile allowing third-party cookies for the experiments that need one (started once each main context has run
 * its first experiment, as the runner starts it: two launches at once on 2 cores slow both).
 * That is the browser's own work for the catalog: the floor's server answers every request at once and
 * permissively, so nothing of the lab is in it: no plan decoding, no redirects, no journal, no CDP watch, no model,
 * no schedule beyond taking experiments in the order of their first page. Plain Playwright as a careful script would
 * use it: a page per runner URL stays open in its context (a cross-site navigation costs a renderer process), as the
 * runner keeps a tab per page origin. Not in it, so the floor is if anything low: TLS (the secure origin is plain
 * http here), redirect hops, the lab's answers that fail a check, and `delayMs` waits (the runner's slot does other
 * work meanwhile).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Experiment } from '../../format/schema.ts';
import { ORIGINS } from '../../plan/origins.ts';
import { DEFAULT_CONCURRENCY } from '../../runner/concurrency.ts';
import { CHROMIUM_ARGS, findChromium } from '../../runner/find-browser.ts';
import { floorExperiments } from './floor-steps.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./chromium-floor.mjs', import.meta.url));

/**
 * The server of Firefox's and WebKit's floors (engine-bench.ts; they count fetches only, one per step, for now): the
 * page, and CORS answers that let every fetch through, preflight included, with no lab logic. Plain JavaScript for a
 * child process.
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

/**
 * Runs Chromium's floor (chromium-floor.mjs) for `experiments` as its own process; returns its wall time in
 * milliseconds from its servers' start to its close, the browser launch included, as the catalog's time runs from
 * the lab's start to its close (Node's start and module imports are in neither).
 * `profile`: the floor prints its steps' time per api too (catalog-profile.ts, beside the catalog's).
 */
export function floorMs(experiments: readonly Experiment[], options: { profile?: boolean } = {}): number {
  const work = {
    profile: options.profile ?? false,
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    concurrency: DEFAULT_CONCURRENCY,
    origins: ORIGINS.map(({ name, host, addressSpace }) => ({ name, host, addressSpace })),
    experiments: floorExperiments(experiments),
  };
  const input = JSON.stringify(work);
  const output = execFileSync(process.execPath, [CHILD], { cwd: ROOT, input, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = output.toString().trimEnd().split('\n');
  const last = JSON.parse(lines.pop() ?? '{}') as { floorMs?: unknown };
  if (typeof last.floorMs !== 'number') throw new Error(`chromium-floor.mjs: no time on its last line: ${output}`);
  for (const line of lines) console.log(line);
  return last.floorMs;
}
