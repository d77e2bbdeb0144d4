/**
 * The floor each engine's catalog time is compared with: the same browser work with nothing of cors-lab in it
 * (issue 18: "the same fetches, no lab logic"), in that engine, driven the way the lab drives it. A fresh plain Node
 * process (chromium-floor.mjs, firefox-floor.mjs, webkit-floor.mjs: no tsx, no lab code) starts one bare `node:http`
 * server per lab origin (floor-servers.mjs; the same hosts, so the same sites and renderer processes), launches the
 * engine once per third-party cookie setting the experiments need, and runs every step of every experiment that
 * applies to the engine (floor-steps.ts derives them from the catalog's own steps) as plainly as a page does, one
 * module for the three engines (floor-page-step.mjs):
 *   - fetch and XHR with the step's method, headers, body, mode and credentials (so the same preflights);
 *   - an `<img>`, `<script>` or `<link rel=stylesheet>` with its `crossorigin`, awaited to load or error;
 *   - an `<iframe>` awaited to load; postMessage into it and its answer; `window.open` (with `noopener` when the
 *     step has it) awaited until the popup has loaded, then closed; postMessage to a popup once it says it runs;
 *   - a form posted into a popup, awaited until the answer is in it; `sendBeacon`, awaited until it was sent;
 *   - a WebSocket to its first message; an EventSource to its first event;
 * each step one script the driver runs in the page, as the lab's are. Each experiment's steps ask one fresh URL (no
 * cache entry of another experiment applies; its own steps share it, as the lab's do). What the experiments'
 * semantics need of the browser is done too: a page of its own navigated to for an experiment with page headers
 * (served with them), the sandboxed page for the opaque origin, the cookie jar cleared after an experiment that sets
 * cookies, and a second browser with third-party cookies allowed for the experiments that need one (when it starts
 * and with how many sessions: as the lab's run in that engine, below). Experiments are taken
 * in the order of their first page (floor-schedule.mjs), one at a time per session, a page kept open per runner URL
 * (a cross-site navigation costs a renderer process), as the lab keeps a tab per page origin.
 *
 * Per engine, the lab's own driver kind and concurrency:
 *   - Chromium: Playwright, as many contexts as the runner's slots (DEFAULT_CONCURRENCY), the public origin's
 *     address-space flag and the Local Network Access permission granted or withdrawn; a popup is awaited by the
 *     context's `page` event and closed from Node; the browser allowing third-party cookies (one context) started
 *     once each main context has run its first experiment, as the runner starts it (two launches at once on 2 cores
 *     slow both).
 *   - Firefox: puppeteer-core over WebDriver BiDi with the lab driver's preferences (cookie behaviour, popups from
 *     script), as many contexts per browser as its driver runs (FIREFOX_SESSIONS); after a step that opened a popup,
 *     the wait until the context has no more tabs than before (the page closes the popups it holds; one without an
 *     opener closes itself), as the lab's driver waits (engines/popups-gone.ts); both browsers launched at once, as
 *     the lab's run launches one per cookie setting as soon as an experiment needs it (runner/run-in-engine.ts).
 *   - WebKit: Xvfb, one WebKitWebDriver per session with the lab's WebKitGTK browser (automation-host.py), as many
 *     sessions as its driver runs (WEBKIT_SESSIONS), one step at a time each, each step one Execute Async Script;
 *     popups as in Firefox; both cookie settings' browsers started at once, each on a display of its own, as the
 *     lab's run does.
 *
 * That is the browser's own work for the catalog: the floor's server answers every request at once and permissively
 * (any origin, method, header and credentials; CORP `cross-origin`, and COEP on its pages so a frame is embeddable
 * under any page), so nothing of the lab is in it: no plan decoding, no redirects, no journal, no CDP watch or console
 * reading (no reasons, no step markers), no model, no schedule beyond taking experiments in the order of their first
 * page. Not in it, so the floor is if anything low: TLS (the secure origin is plain http here), redirect hops, the
 * lab's answers that fail a check, and `delayMs` waits (the lab's session does other work meanwhile).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EngineName } from '../../engines/engine.ts';
import { COOKIE_BEHAVIOR, FIREFOX_SESSIONS } from '../../engines/firefox/firefox-browser.ts';
import { findFirefox } from '../../engines/firefox/find-firefox.ts';
import { STEP_TIMEOUT_MS } from '../../engines/step-limit.ts';
import { findWebKit, HOST_SCRIPT, WEBKIT_SESSIONS } from '../../engines/webkit/webkit-browser.ts';
import type { Experiment } from '../../format/schema.ts';
import { ORIGINS } from '../../plan/origins.ts';
import { DEFAULT_CONCURRENCY } from '../../runner/concurrency.ts';
import { CHROMIUM_ARGS, findChromium } from '../../runner/find-browser.ts';
import { floorExperimentsFor } from './floor-steps.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A bound on one floor step in Firefox and WebKit, past which the floor fails naming the step: the lab's step limit,
 * stretched, since a floor step that long is a hang, not a figure.
 */
const FLOOR_STEP_LIMIT_MS = 4 * STEP_TIMEOUT_MS;

/** What each engine's floor process needs beside its work: its browser and how the lab drives it. */
const DRIVERS: Record<EngineName, () => Record<string, unknown>> = {
  chromium: () => ({ executablePath: findChromium(), args: CHROMIUM_ARGS, concurrency: DEFAULT_CONCURRENCY }),
  firefox: () => ({
    executablePath: findFirefox(),
    sessions: FIREFOX_SESSIONS,
    cookieBehavior: COOKIE_BEHAVIOR,
    stepLimitMs: FLOOR_STEP_LIMIT_MS,
  }),
  webkit: () => ({ ...findWebKit(), host: HOST_SCRIPT, sessions: WEBKIT_SESSIONS, stepLimitMs: FLOOR_STEP_LIMIT_MS }),
};

/**
 * Runs `engine`'s floor for the experiments of `experiments` that apply to it, as its own process; returns its wall
 * time in milliseconds from its servers' start to its close, the browser launch included, as the catalog's time runs
 * from the lab's start to its close (Node's start and module imports are in neither).
 * `profile`: the floor prints its steps' time per api too (catalog-profile.ts, beside the catalog's).
 */
export function floorMs(
  engine: EngineName, experiments: readonly Experiment[], options: { profile?: boolean } = {},
): number {
  const work = {
    ...DRIVERS[engine](),
    profile: options.profile ?? false,
    origins: ORIGINS.map(({ name, host, addressSpace }) => ({ name, host, addressSpace })),
    experiments: floorExperimentsFor(engine, experiments),
  };
  const child = fileURLToPath(new URL(`./${engine}-floor.mjs`, import.meta.url));
  const input = JSON.stringify(work);
  const output = execFileSync(process.execPath, [child], { cwd: ROOT, input, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = output.toString().trimEnd().split('\n');
  const last = JSON.parse(lines.pop() ?? '{}') as { floorMs?: unknown };
  if (typeof last.floorMs !== 'number') throw new Error(`${engine}-floor.mjs: no time on its last line: ${output}`);
  for (const line of lines) console.log(line);
  return last.floorMs;
}
