/**
 * The WebKit driver in real WebKitGTK: each step gets its own reason (attributed by order, one step at a time),
 * cookies are cleared for every site, and closing leaves no process behind.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateExperiments } from '../../format/validate.ts';
import { experimentUrl } from '../../experiments/model/predict.ts';
import { originMap, type OriginMap } from '../../plan/origins.ts';
import { runnerUrl } from '../../plan/page-origin.ts';
import { startLab, type Lab } from '../../servers/lab.ts';
import { paced } from '../../test/pace/machine-pace.ts';
import type { StepRequest } from '../../runner-page/step.ts';
import type { EngineBrowser } from '../engine.ts';
import { experimentSteps, stepRequest } from '../steps.ts';
import { STEP_LIMIT_MESSAGE, STEP_TIMEOUT_MS } from '../step-limit.ts';
import { WEBKIT_DRIVER_PATH_ENV, findWebKit, launchWebKit } from './webkit-browser.ts';

let lab: Lab;
let origins: OriginMap;
let browser: EngineBrowser;

/** The processes on this machine: pid, parent, process group, state, command. */
function processes(): Array<{ pid: number; parent: number; group: number; zombie: boolean; command: string }> {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,pgid=,stat=,args='], { encoding: 'utf8' }).split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 5)
    .map(([pid, parent, group, state, ...command]) => ({
      pid: Number(pid), parent: Number(parent), group: Number(group), zombie: state?.startsWith('Z') ?? false,
      command: command.join(' '),
    }));
}

/** The process groups `parent` started for WebKit: its Xvfb and WebKitWebDriver children lead one each. */
function webkitGroupsOf(parent: number): Set<number> {
  const leaders = processes().filter((p) => p.parent === parent && /Xvfb|WebKitWebDriver/.test(p.command));
  return new Set(leaders.map((p) => p.group));
}

/**
 * The live processes in those groups (the display, the drivers, their hosts and WebKit's own processes). A zombie
 * holds nothing but its pid: WebKit's helpers are reparented to pid 1, which may not reap them in a container.
 * Other people's WebKit on this machine is in other groups.
 */
function aliveIn(groups: ReadonlySet<number>): string[] {
  return processes().filter((p) => groups.has(p.group) && !p.zombie).map((p) => p.command);
}

/** One step of a one-off experiment given as JSON, with its run's URL. */
function stepOf(json: unknown): { request: StepRequest; run: string } {
  const input = { title: 'driver test', group: 'driver', ...(json as object) };
  const [experiment] = validateExperiments(input, 'webkit-browser.test.ts');
  if (!experiment) throw new Error('no experiment');
  const run = lab.newRunId();
  const [step] = experimentSteps(experiment);
  if (!step) throw new Error('no step');
  return { request: stepRequest(step, experimentUrl(experiment, origins, run)), run };
}


describe('the WebKit driver', () => {
  beforeAll(async () => {
    lab = await startLab();
    origins = originMap(lab.origins);
    browser = await launchWebKit();
  }, paced(60_000));

  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  }, paced(30_000));

  it('names its engine and version', () => {
    expect(browser.engine).toBe('webkit');
    expect(browser.version).toMatch(/^webkit \d+\.\d+\.\d+$/);
    expect(browser.sessionsAtOnce).toBeGreaterThanOrEqual(1);
  });

  it('gives each step its own reason, in order, and none to an allowed step', async () => {
    const session = await browser.newSession();
    try {
      const tab = await session.openTab(runnerUrl('app', origins));
      const missing = stepOf({ id: 'a', request: { target: 'api' } });
      const star = { 'Access-Control-Allow-Origin': '*' };
      const allowed = stepOf({ id: 'b', request: { target: 'api' }, server: { actual: { headers: star } } });
      const method = stepOf({
        id: 'c', request: { target: 'api', method: 'PUT' },
        server: { preflight: { headers: { ...star, 'Access-Control-Allow-Methods': 'POST' } } },
      });
      const first = await tab.run(missing.request, missing.run);
      expect(first.seen.outcome).toBe('blocked');
      expect(first.seen.error).toBe('TypeError: Load failed');
      expect(first.verdict.reason).toBe('WebKitAllowOriginNotAllowed');
      expect(first.verdict.console).toBe(
        `CONSOLE SECURITY ERROR Origin ${origins.app} is not allowed by Access-Control-Allow-Origin. Status code: 200`,
      );
      const second = await tab.run(allowed.request, allowed.run);
      expect(second.seen).toMatchObject({ outcome: 'allowed', status: 200 });
      // A cross-origin answer without Timing-Allow-Origin: WebKit tells the page no HTTP version (page-protocol.ts).
      expect(second.verdict).toEqual({ reason: null, console: null, protocol: null });
      const third = await tab.run(method.request, method.run);
      expect(third.verdict.reason).toBe('WebKitMethodNotAllowed');
      const line = 'CONSOLE SECURITY ERROR Method PUT is not allowed by Access-Control-Allow-Methods.';
      expect(third.verdict.console).toBe(line);
    } finally {
      await session.close();
    }
  }, paced(60_000));

  it('reports a step that gets no answer within the step limit as the page\'s "no answer", and goes on', async () => {
    // A loopback server that accepts and never answers.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const session = await browser.newSession();
    try {
      const tab = await session.openTab(runnerUrl('app', origins));
      const hanging = stepOf({ id: 'silent', request: { target: 'api' } });
      const request = { ...hanging.request, url: `http://127.0.0.1:${port}/`, mode: 'no-cors' as const };
      const step = await tab.run(request, hanging.run);
      expect(step.seen).toMatchObject({ outcome: 'blocked', error: STEP_LIMIT_MESSAGE });
      expect(step.verdict).toEqual({ reason: null, console: null, protocol: null });
      const next = stepOf({ id: 'after', request: { target: 'api' } });
      expect((await tab.run(next.request, next.run)).verdict.reason).toBe('WebKitAllowOriginNotAllowed');
    } finally {
      await session.close();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  }, paced(90_000));

  it('clears the cookies of every site, not only the current page\'s', async () => {
    const session = await browser.newSession();
    try {
      const tab = await session.openTab(runnerUrl('app', origins));
      const credentialed = {
        id: 'cookie', request: { target: 'api', credentials: 'include' },
        server: { actual: { headers: {
          'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true',
          'Set-Cookie': 'k=1; SameSite=Lax',
        } } },
      };
      const { request, run } = stepOf(credentialed);
      const cookieOf = () => lab.journal.read(run).entries.at(-1)?.cookie ?? null;
      await tab.run(request, run);
      expect(cookieOf()).toBeNull();
      await tab.run(request, run);
      expect(cookieOf()).toBe('k=1');
      await session.clearCookies();
      await tab.run(request, run);
      expect(cookieOf()).toBeNull();
    } finally {
      await session.close();
    }
  }, paced(60_000));

  it('leaves no display, driver or browser process behind', async () => {
    await browser.newSession();
    const groups = webkitGroupsOf(process.pid);
    expect(groups.size).toBeGreaterThanOrEqual(2);
    expect(aliveIn(groups).some((command) => command.includes('automation-host.py'))).toBe(true);
    await browser.close();
    // The display and the driver are reaped before close() resolves; WebKit's helpers die of their SIGKILL a moment
    // later (the kernel's, not ours, to finish).
    await expect.poll(() => aliveIn(groups), { timeout: paced(10_000) }).toEqual([]);
  }, paced(60_000));

  it('leaves nothing behind when the program using it dies without closing it', async () => {
    const script = [
      `import { launchWebKit } from ${JSON.stringify(new URL('./webkit-browser.ts', import.meta.url).pathname)};`,
      'const browser = await launchWebKit();',
      'await browser.newSession();',
      "console.log('started');",
      "process.stdin.once('data', () => { throw new Error('the program fails'); });",
    ].join('\n');
    const temp = mkdtempSync(join(tmpdir(), 'cors-lab-webkit-exit-'));
    const program = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, TMPDIR: temp },
    });
    const exited = new Promise((resolve) => program.once('exit', resolve));
    await new Promise<void>((resolve) => program.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('started')) resolve();
    }));
    const groups = webkitGroupsOf(program.pid ?? -1);
    expect(groups.size).toBeGreaterThanOrEqual(2);
    program.stdin.write('fail now\n');
    expect(await exited).not.toBe(0);
    // Xvfb and the driver die with the program; the host sees its driver gone (it checks every second) and quits.
    await expect.poll(() => aliveIn(groups), { timeout: paced(20_000) }).toEqual([]);
    // The session's page folder went with the program: its exit handler removes it before the process ends.
    try {
      expect(readdirSync(temp).filter((name) => name.startsWith('cors-lab-webkit-'))).toEqual([]);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }, paced(60_000));

  it('a closed session leaves nothing in the temp folder: the host keeps its WebKit data in the page folder', async () => {
    // The host's own folder outlived every session: its group is killed after DELETE /session, and a killed
    // process runs no `finally` (measured: 231 such folders in /tmp after a day of runs).
    const temp = mkdtempSync(join(tmpdir(), 'cors-lab-webkit-close-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    try {
      const browser = await launchWebKit();
      try {
        const session = await browser.newSession();
        // The host is up and has made its data folder where it belongs (the session's page folder).
        const [pages] = readdirSync(temp);
        expect(pages).toMatch(/^cors-lab-webkit-pages-/);
        await expect.poll(() => readdirSync(join(temp, pages!)), { timeout: paced(10_000) }).toContain('webkit-data');
        await session.close();
      } finally {
        await browser.close();
      }
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      rmSync(temp, { recursive: true, force: true });
    }
  }, paced(60_000));

  it('says what to install when WebKitWebDriver is missing', () => {
    expect(() => findWebKit({ [WEBKIT_DRIVER_PATH_ENV]: '/nowhere/WebKitWebDriver' })).toThrow(
      /\/nowhere\/WebKitWebDriver does not exist[\s\S]*apt-get install -y webkit2gtk-driver xvfb gir1\.2-webkit2-4\.1/,
    );
  });
});
