/**
 * The WebKit driver (engines/engine.ts): WebKitGTK driven by WebKitWebDriver over classic WebDriver
 * (https://www.w3.org/TR/webdriver2/), a few HTTP commands sent with fetch to the driver on 127.0.0.1.
 * WebKitGTK has no headless mode: the browser draws on an Xvfb display of its own. The browser is
 * automation-host.py (a tiny WebKitGTK browser that makes WebKit write its console lines, where the
 * CORS reason is, to stderr: /work/shared/browser-facts.md "Firefox and WebKit").
 *
 * A session is one WebKitWebDriver process with its own browser (its own cookie jar and caches, and
 * its own stderr, so each line belongs to one session). WebKit's reason names no URL: a session runs
 * one step at a time, and a step's reason is the security line printed between a start and an end
 * marker the page logs around the step (the console keeps the page's order), so no wall-clock wait
 * decides a verdict. Several sessions may run at once (`sessionsAtOnce`).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { EngineBrowser, EngineSession, EngineStep, EngineTab, PageAt } from '../engine.ts';
import type { PageSeen, StepRequest } from '../../runner-page/step.ts';
import type { BrowserSettings } from '../../format/format-defaults.ts';
import { STEP_LIMIT_MESSAGE, STEP_TIMEOUT_MS } from '../step-limit.ts';
import { readWebKitConsole } from './webkit-reasons.ts';
import { stepEndUrl } from './step-end-lines.ts';
import { isFrameApi, opensPopup } from '../../format/frames.ts';
import { popupsGone } from '../popups-gone.ts';
import type { SecureOriginTrust } from '../secure-origin-trust.ts';
import { gotResponse, nextHopProtocol, reportedProtocol } from '../page-protocol.ts';
import { withoutRunnerNonce } from '../../plan/runner-nonce.ts';

type ThirdPartyCookies = BrowserSettings['thirdPartyCookies'];

/** Whether the step frames its target (`iframe`, `postMessage` to a frame). */
const framesTarget = (request: StepRequest): boolean => isFrameApi(request.api) && !opensPopup(request);

export const WEBKIT_DRIVER_PATH_ENV = 'WEBKIT_DRIVER_PATH';
/** The browser WebKitWebDriver starts (the bench's WebKit floor starts it too, test/bench/floor.ts). */
export const HOST_SCRIPT = fileURLToPath(new URL('./automation-host.py', import.meta.url));
/** Sessions at once by default (each its own browser); the bench's WebKit floor runs as many (test/bench/floor.ts). */
export const WEBKIT_SESSIONS = 3;
/** Debian's Python: PyGObject (python3-gi) is installed for it, not for a pyenv or venv python. */
const SYSTEM_PYTHON = '/usr/bin/python3';
/** A limit on each WebDriver command: `POST /session` hangs forever without a display. A limit, never a verdict. */
const COMMAND_LIMIT_MS = 60_000;

export class WebKitNotFoundError extends Error {
  constructor(detail: string) {
    super(
      `${detail}\nWebKit runs through WebKitGTK on Linux. Install, then run again:\n` +
        '  Debian/Ubuntu:  sudo apt-get install -y webkit2gtk-driver xvfb gir1.2-webkit2-4.1 python3-gi\n' +
        `  or point ${WEBKIT_DRIVER_PATH_ENV} at a WebKitWebDriver.\n` +
        'On macOS and Windows the lab skips WebKit (Safari\'s safaridriver cannot print console lines).',
    );
    this.name = 'WebKitNotFoundError';
  }
}

/** What the driver needs, found or a precise error naming what to install. */
export function findWebKit(env: NodeJS.ProcessEnv = process.env): { driver: string; xvfb: string; python: string } {
  if (process.platform !== 'linux') throw new WebKitNotFoundError(`WebKit is not available on ${process.platform}.`);
  const driver = env[WEBKIT_DRIVER_PATH_ENV] ?? '/usr/bin/WebKitWebDriver';
  if (!existsSync(driver)) throw new WebKitNotFoundError(`${driver} does not exist (package webkit2gtk-driver).`);
  const xvfb = '/usr/bin/Xvfb';
  if (!existsSync(xvfb)) throw new WebKitNotFoundError(`${xvfb} does not exist (package xvfb).`);
  if (!existsSync(SYSTEM_PYTHON)) {
    throw new WebKitNotFoundError(`${SYSTEM_PYTHON} does not exist (package python3-gi).`);
  }
  return { driver, xvfb, python: SYSTEM_PYTHON };
}

export interface WebKitOptions {
  /** Default `blocked`, as the format's default browser settings (WebKitGTK's own default too). */
  thirdPartyCookies?: ThirdPartyCookies;
  /**
   * Sessions that run steps at once (each its own browser); default 3. The catalog on a 2-core machine at load 23:
   * 1 session 42 s, 2 sessions 25-46 s, 3 sessions 26-37 s.
   */
  sessionsAtOnce?: number;
  /** The lab's `secure` origin: its certificate allowed for its host alone (automation-host.py); absent: none. */
  trust?: SecureOriginTrust | undefined;
}

function notAnswered(detail: string): PageSeen {
  return {
    outcome: 'blocked', status: null, responseType: null, readableHeaders: {}, body: null, error: detail,
    pageOrigin: '',
  };
}

/**
 * The process groups this module started and has not ended, and the sessions' page folders not yet removed: killed
 * and removed if Node exits first (an error, process.exit), so a program that dies leaves nothing in the temp folder.
 */
const liveGroups = new Set<number>();
const livePageDirs = new Set<string>();
process.on('exit', () => {
  for (const group of liveGroups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  for (const dir of livePageDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Left for the system's temp cleaning; the others are still removed.
    }
  }
});

/** Spawns a process as the leader of its own group, remembered until it exits. */
function spawnGroup(command: string, args: string[], options: Omit<SpawnOptions, 'detached'>): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  const pid = child.pid;
  if (pid !== undefined) {
    liveGroups.add(pid);
    child.once('exit', () => liveGroups.delete(pid));
  }
  return child;
}

/** Kills a detached process and everything it started (its process group); resolves once the process is reaped. */
export async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
    return;
  }
  await exited;
}

/** Xvfb on a display it picks itself (`-displayfd`: no race for a free number). */
export async function startXvfb(xvfb: string): Promise<{ display: string; process: ChildProcess }> {
  const child = spawnGroup(xvfb, ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const fd = child.stdio[3];
  if (!fd || !('on' in fd)) throw new Error('Xvfb: no display pipe');
  try {
    const display = await new Promise<string>((resolve, reject) => {
      let text = '';
      fd.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('\n')) resolve(`:${text.trim()}`);
      });
      child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${errors.join('').trim()}`)));
      child.once('error', reject);
      const late = () => reject(new Error(`Xvfb gave no display within ${COMMAND_LIMIT_MS / 1000} s`));
      setTimeout(late, COMMAND_LIMIT_MS).unref();
    });
    return { display, process: child };
  } catch (error) {
    await killGroup(child);
    throw error;
  }
}

/** A free loopback port for the driver to listen on. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A WebDriver error answer; `code` is the standard's error code, e.g. "script timeout". */
class WebDriverError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

/** One classic WebDriver endpoint on loopback. */
class WebDriverClient {
  constructor(private readonly base: string) {}

  async command<T>(
    method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, limitMs = COMMAND_LIMIT_MS,
  ): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(limitMs),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : {};
    const value = typeof parsed === 'object' && parsed !== null && 'value' in parsed ? parsed.value : null;
    if (!response.ok) {
      const fields: Record<string, unknown> = typeof value === 'object' && value !== null ? { ...value } : {};
      const field = (name: string): string => (fields[name] === undefined ? '' : String(fields[name]));
      const message = field('message') || text;
      throw new WebDriverError(`WebKitWebDriver ${method} ${path}: ${response.status} ${message}`, field('error'));
    }
    return value as T;
  }
}

/** The console lines of one browser, in order, with a way to wait for one. */
class ConsoleLines {
  readonly lines: string[] = [];
  #waiters: Array<{ token: string; resolve: () => void }> = [];
  readonly #watchers = new Set<(line: string) => void>();

  add(raw: string): void {
    // The lab's nonce comes out of a quoted directive (plan/runner-nonce.ts): the line reads as the experiment's policy.
    const line = withoutRunnerNonce(raw);
    this.lines.push(line);
    for (const watcher of this.#watchers) watcher(line);
    this.#waiters = this.#waiters.filter((waiter) => {
      if (!line.includes(waiter.token)) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Calls `watcher` with each line from now on, until the returned function is called. */
  watch(watcher: (line: string) => void): () => void {
    this.#watchers.add(watcher);
    return () => this.#watchers.delete(watcher);
  }

  /** Resolves once a line containing `token` has arrived (or at once if it already has). */
  waitFor(token: string): Promise<void> {
    if (this.lines.some((line) => line.includes(token))) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ token, resolve }));
  }
}

/** Before each step's number in its markers; a session adds a random token, so a page cannot guess a marker. */
const MARK = 'cors-lab:webkit-step:';

/** Runs `window.corsLab.runStep` in the page (as the Chromium runner does) and answers with what the page saw. */
const RUN_STEP = `const [step, start, done] = arguments;
console.log(start);
window.corsLab.runStep(step).then(done, (error) => done({ failed: String(error) }));`;

/** Waits until the runner page has its `window.corsLab`. */
const WAIT_READY = `const done = arguments[arguments.length - 1];
const check = () => (window.corsLab && window.corsLab.ready === true ? done(true) : setTimeout(check, 10));
check();`;

class WebKitSessionImpl implements EngineSession {
  #current: string;
  #steps = 0;
  readonly #mark = `${MARK}${randomUUID()}:`;
  readonly #tabs = new Set<string>();

  constructor(
    private readonly client: WebDriverClient,
    private readonly path: string,
    private readonly controlWindow: string,
    private readonly console: ConsoleLines,
    private readonly stop: () => Promise<void>,
    /** Where openPageAt writes a page for the host to show (the host's `--page-dir`). */
    private readonly pageDir: string,
  ) {
    this.#current = controlWindow;
  }

  async #switchTo(handle: string): Promise<void> {
    if (this.#current === handle) return;
    await this.client.command('POST', `${this.path}/window`, { handle });
    this.#current = handle;
  }

  async openTab(runnerUrl: string): Promise<EngineTab> {
    const created = await this.client.command<{ handle: string }>('POST', `${this.path}/window/new`, { type: 'tab' });
    this.#tabs.add(created.handle);
    try {
      await this.#switchTo(created.handle);
      await this.client.command('POST', `${this.path}/url`, { url: runnerUrl });
      await this.client.command('POST', `${this.path}/execute/async`, { script: WAIT_READY, args: [] });
    } catch (error) {
      await this.#closeWindow(created.handle).catch(() => undefined);
      throw error;
    }
    return {
      url: runnerUrl,
      run: (request, marker) => this.#run(created.handle, request, marker),
      close: () => this.#closeWindow(created.handle),
    };
  }

  /**
   * The host shows the page as the document of `at.url` (WebKit's load_html: the document gets that URL's origin,
   * nothing is served there): the driver writes it to the host's page folder and loads the host's probe-page,
   * which then loads it. Polled until the runner script is ready at that URL (bounded in count: a limit only).
   */
  async openPageAt(at: PageAt): Promise<EngineTab> {
    const created = await this.client.command<{ handle: string }>('POST', `${this.path}/window/new`, { type: 'tab' });
    this.#tabs.add(created.handle);
    try {
      await this.#switchTo(created.handle);
      const name = `page-${randomUUID()}.html`;
      writeFileSync(join(this.pageDir, name), at.html);
      const query = new URLSearchParams({ name, url: at.url });
      await this.client.command('POST', `${this.path}/url`, { url: `cors-lab-host:probe-page?${query}` });
      await this.#waitForPage(at.url);
    } catch (error) {
      await this.#closeWindow(created.handle).catch(() => undefined);
      throw error;
    }
    return {
      url: at.url,
      run: (request, marker) => this.#run(created.handle, request, marker),
      close: () => this.#closeWindow(created.handle),
    };
  }

  async #waitForPage(url: string): Promise<void> {
    const script = 'return [location.href, !!(window.corsLab && window.corsLab.ready === true)]';
    for (let attempt = 0; attempt < 600; attempt++) {
      // A script that runs while the host's page is being replaced fails: the next attempt reads the new one.
      const state = await this.client
        .command<[string, boolean]>('POST', `${this.path}/execute/sync`, { script, args: [] })
        .catch(() => null);
      if (state && state[0] === url && state[1]) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`WebKit: the page at ${url} did not load`);
  }

  async #closeWindow(handle: string): Promise<void> {
    if (!this.#tabs.delete(handle)) return;
    await this.#switchTo(handle);
    await this.client.command('DELETE', `${this.path}/window`);
    this.#current = '';
    await this.#switchTo(this.controlWindow);
  }

  /**
   * Some refusals fire no event in the page in WebKitGTK 2.50 (a frame that fails CORP, a CORS beacon): WebKit's
   * line naming the URL ends the step (step-end-lines.ts). The driver tells the page, in a script that runs while the
   * step's own script waits (runner-page/engine-ends.ts); only a URL of the running step (`marker`: its run id).
   */
  #endOnLine(request: StepRequest, marker: string): () => void {
    const kind = framesTarget(request) ? 'frame' : request.api === 'beacon' ? 'beacon' : null;
    if (kind === null) return () => undefined;
    return this.console.watch((line) => {
      const url = stepEndUrl(kind, line, marker);
      if (url === null) return;
      const script = 'return window.corsLab.engineRefused(arguments[0], arguments[1])';
      const tell = this.client.command('POST', `${this.path}/execute/sync`, { script, args: [url, line] });
      void tell.catch(() => undefined);
    });
  }

  /** One step: the security line printed between the step's start marker and its end marker is its reason. */
  async #run(handle: string, request: StepRequest, marker: string): Promise<EngineStep> {
    await this.#switchTo(handle);
    const step = ++this.#steps;
    const start = `${this.#mark}${step}:start`;
    const end = `${this.#mark}${step}:end`;
    const handles = async (): Promise<number> =>
      (await this.client.command<string[]>('GET', `${this.path}/window/handles`)).length;
    const windowsBefore = opensPopup(request) ? await handles() : 0;
    let seen: PageSeen;
    const unwatch = this.#endOnLine(request, marker);
    try {
      const answer = await this.client.command<PageSeen | { failed: string }>(
        'POST', `${this.path}/execute/async`, { script: RUN_STEP, args: [request, start] },
        STEP_TIMEOUT_MS + COMMAND_LIMIT_MS,
      );
      if ('failed' in answer) throw new Error(`WebKit: the runner page failed the step: ${answer.failed}`);
      seen = answer;
    } catch (error) {
      // The step limit (WebDriver's script timeout) is the page's "no answer"; any other failure is the driver's.
      const timedOut = error instanceof WebDriverError && error.code === 'script timeout';
      if (!timedOut) throw error;
      seen = notAnswered(STEP_LIMIT_MESSAGE);
    } finally {
      unwatch();
    }
    const settled = performance.now();
    if (opensPopup(request)) await popupsGone(handles, windowsBefore);
    // The end marker goes through the same console after every line the step made.
    const log = { script: 'console.log(arguments[0])', args: [end] };
    await this.client.command('POST', `${this.path}/execute/sync`, log);
    // The markers arrive (the console is ordered); a limit only keeps a broken browser from hanging the run, and
    // then the step fails: no verdict is made from lines that might not all be in.
    let timer: NodeJS.Timeout | undefined;
    const arrived = await Promise.race([
      Promise.all([this.console.waitFor(start), this.console.waitFor(end)]).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), COMMAND_LIMIT_MS))),
    ]).finally(() => clearTimeout(timer));
    if (!arrived) throw new Error(`WebKit printed no marker for step ${step} within ${COMMAND_LIMIT_MS / 1000} s`);
    const lines = this.console.lines;
    const from = lines.findIndex((line) => line.includes(start));
    const to = lines.findIndex((line) => line.includes(end));
    const between = lines.slice(from + 1, to);
    // Lines before this step's start belong to no step (or to an earlier one): drop them.
    lines.splice(0, to >= 0 ? to + 1 : 0);
    const found = between.map(readWebKitConsole).find((read) => read !== null) ?? null;
    const protocol = gotResponse(seen) ? await this.#protocol(request.url) : null;
    return { seen, verdict: { reason: found?.reason ?? null, console: found?.line ?? null, protocol }, settled };
  }

  /** The HTTP version of the step's response, from the page's Resource Timing (page-protocol.ts). */
  async #protocol(url: string): Promise<string | null> {
    const script = `return (${nextHopProtocol.toString()})(arguments[0]);`;
    const value = await this.client
      .command<string | null>('POST', `${this.path}/execute/sync`, { script, args: [url] })
      .catch(() => null);
    return reportedProtocol(value);
  }

  /**
   * WebDriver's Delete All Cookies reaches only the current document's cookies: the host clears
   * every site's when the control window loads its `cors-lab-host:clear-cookies` page.
   */
  async clearCookies(): Promise<void> {
    await this.#switchTo(this.controlWindow);
    await this.client.command('POST', `${this.path}/url`, { url: 'cors-lab-host:clear-cookies' });
    const text = await this.client.command<string>('POST', `${this.path}/execute/sync`, {
      script: 'return document.body ? document.body.textContent : ""', args: [],
    });
    if (text !== 'cleared') throw new Error(`WebKit: the cookies were not cleared (${JSON.stringify(text)})`);
  }

  async close(): Promise<void> {
    await this.stop();
  }
}

/** Starts WebKitWebDriver on a free port with the host as its browser; one session = one driver. */
async function startSession(
  display: string, driver: string, python: string, cookies: ThirdPartyCookies, trust?: SecureOriginTrust,
): Promise<WebKitSessionImpl> {
  const port = await freePort();
  const child = spawnGroup(driver, [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: display, GDK_BACKEND: 'x11' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const printed = new ConsoleLines();
  // The host's web process inherits the driver's stderr: WebKit's console lines arrive here.
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => printed.add(line));
  }
  const client = new WebDriverClient(`http://127.0.0.1:${port}`);
  const pageDir = mkdtempSync(join(tmpdir(), 'cors-lab-webkit-pages-'));
  livePageDirs.add(pageDir);
  let path = '';
  const stop = async (): Promise<void> => {
    // DELETE /session closes the host's windows; the host then quits (its last window closed).
    if (path) await client.command('DELETE', path, undefined, 10_000).catch(() => undefined);
    await killGroup(child);
    // WebKit's data folder is in it (automation-host.py): a process of the group may still be ending, so the
    // removal tries again for a moment, and a folder that stays is left to the exit handler, not an error.
    try {
      rmSync(pageDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      livePageDirs.delete(pageDir);
    } catch {
      // Kept in livePageDirs: removed again when the program exits.
    }
  };
  try {
    const trustArgs: string[] = [];
    if (trust) {
      const file = join(pageDir, 'secure-origin.pem');
      writeFileSync(file, trust.certificatePem);
      trustArgs.push(`--trust-certificate=${file}`, `--trust-host=${new URL(trust.url).hostname}`);
    }
    await waitForDriver(client, child);
    const created = await client.command<{ sessionId: string }>('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          'webkitgtk:browserOptions': {
            binary: python,
            args: [HOST_SCRIPT, `--third-party-cookies=${cookies}`, `--page-dir=${pageDir}`, ...trustArgs],
          },
          timeouts: { script: STEP_TIMEOUT_MS, pageLoad: COMMAND_LIMIT_MS },
        },
      },
    });
    path = `/session/${created.sessionId}`;
    const control = await client.command<string>('GET', `${path}/window`);
    return new WebKitSessionImpl(client, path, control, printed, stop, pageDir);
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Polls the driver's status until it listens (bounded in count). */
async function waitForDriver(client: WebDriverClient, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode})`);
    try {
      await client.command('GET', '/status', undefined, 2_000);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error('WebKitWebDriver did not start listening');
}

class WebKitBrowser implements EngineBrowser {
  readonly engine = 'webkit';
  readonly #sessions = new Set<EngineSession>();

  constructor(
    readonly version: string,
    readonly sessionsAtOnce: number,
    private readonly display: { display: string; process: ChildProcess },
    private readonly paths: { driver: string; python: string },
    private readonly cookies: ThirdPartyCookies,
    private readonly trust: SecureOriginTrust | undefined,
  ) {}

  async newSession(): Promise<EngineSession> {
    const { display, paths } = this;
    const session = await startSession(display.display, paths.driver, paths.python, this.cookies, this.trust);
    this.#sessions.add(session);
    return {
      openTab: (url) => session.openTab(url),
      openPageAt: (at) => session.openPageAt(at),
      clearCookies: () => session.clearCookies(),
      close: async () => {
        this.#sessions.delete(session);
        await session.close();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.#sessions].map((session) => session.close()));
    this.#sessions.clear();
    await killGroup(this.display.process);
  }
}

/** WebKitGTK's version, e.g. "webkit 2.50.6" (from the installed GObject library's name). */
function webkitVersion(): string {
  try {
    const status = readFileSync('/var/lib/dpkg/status', 'utf8');
    const block = status.split('\n\n').find((entry) => /^Package: libwebkit2gtk-4\.1-0$/m.test(entry));
    const version = block?.match(/^Version: (\d+\.\d+\.\d+)/m)?.[1];
    if (version) return `webkit ${version}`;
  } catch {
    // Not Debian: the version stays unnamed.
  }
  return 'webkit (WebKitGTK)';
}

/** Starts the display WebKit draws on; sessions (each a WebKitWebDriver and a host) start on demand. */
export async function launchWebKit(options: WebKitOptions = {}): Promise<EngineBrowser> {
  const { driver, xvfb, python } = findWebKit();
  const display = await startXvfb(xvfb);
  const cookies = options.thirdPartyCookies ?? 'blocked';
  const sessions = options.sessionsAtOnce ?? WEBKIT_SESSIONS;
  return new WebKitBrowser(webkitVersion(), sessions, display, { driver, python }, cookies, options.trust);
}
