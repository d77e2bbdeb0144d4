// The bare floor for WebKit (floor.ts says what it includes and why). Plain JavaScript with nothing of cors-lab in it:
// Node, node:http, Xvfb, WebKitWebDriver with the lab's WebKitGTK browser (engines/webkit/automation-host.py, the
// smallest WebKitGTK browser automation can start here; the floor reads none of its console lines) driven over
// classic WebDriver (https://www.w3.org/TR/webdriver2/), and the floors' shared modules (floor-servers.mjs,
// floor-page-step.mjs, floor-schedule.mjs). Reads its work as JSON on stdin (floor.ts), runs it, prints its time as a
// JSON last line, and exits; every process it started is killed with its process group at the end.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { pageStep } from './floor-page-step.mjs';
import { opensPopup, perApiLines, runFloorWork } from './floor-schedule.mjs';
import { startFloorServers } from './floor-servers.mjs';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { driver, xvfb, python, host, sessions, stepLimitMs, origins, experiments, profile } = JSON.parse(input);

/** A limit on each WebDriver command beside a step's (a limit on a hang, never a figure). */
const COMMAND_LIMIT_MS = 60_000;

/** Every process group the floor started, killed at the end (and if Node exits first). */
const groups = [];
const killAll = () => {
  for (const pid of groups.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }
};
process.on('exit', killAll);
const spawnGroup = (command, args, options) => {
  const child = spawn(command, args, { ...options, detached: true });
  groups.push(child.pid);
  return child;
};

const freePort = () => new Promise((resolve, reject) => {
  const probe = createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const free = probe.address().port;
    probe.close(() => resolve(free));
  });
});

/** One WebDriver command to the driver at `base`; its value, or an error naming the command. */
async function command(base, method, path, body, limitMs = COMMAND_LIMIT_MS) {
  const init = { method, signal: AbortSignal.timeout(limitMs) };
  if (body) Object.assign(init, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await fetch(base + path, init);
  const parsed = await answer.json();
  if (!answer.ok) throw new Error(`webkit floor: ${method} ${path}: ${JSON.stringify(parsed.value ?? parsed)}`);
  return parsed.value;
}

const RUN_STEP = `const [step, done] = arguments; (${pageStep})(step).then(() => done(null), (e) => done(String(e)));`;

/**
 * A floor session as the lab's WebKit driver has one (engines/webkit/webkit-browser.ts): one WebKitWebDriver with its
 * own browser (its own cookie jar and caches), a tab per runner page, one step at a time; after a step that opened a
 * popup, the wait until the session has no more windows than before it.
 */
async function startSession(display, thirdPartyCookies) {
  const port = await freePort();
  const env = { ...process.env, DISPLAY: display, GDK_BACKEND: 'x11' };
  const child = spawnGroup(driver, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await command(base, 'GET', '/status', undefined, 2_000);
      break;
    } catch (error) {
      if (attempt >= 600 || child.exitCode !== null) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const capabilities = {
    alwaysMatch: {
      'webkitgtk:browserOptions': { binary: python, args: [host, `--third-party-cookies=${thirdPartyCookies}`] },
      timeouts: { script: stepLimitMs, pageLoad: COMMAND_LIMIT_MS },
    },
  };
  const { sessionId } = await command(base, 'POST', '/session', { capabilities });
  const path = `/session/${sessionId}`;
  const send = (method, to, body, limitMs) => command(base, method, `${path}${to}`, body, limitMs);
  const control = await send('GET', '/window');
  let current = control;
  const switchTo = async (handle) => {
    if (current === handle) return;
    await send('POST', '/window', { handle });
    current = handle;
  };
  const windows = async () => (await send('GET', '/window/handles')).length;
  return {
    newPage: async () => (await send('POST', '/window/new', { type: 'tab' })).handle,
    goto: async (handle, url) => {
      await switchTo(handle);
      await send('POST', '/url', { url });
    },
    run: async (handle, step) => {
      await switchTo(handle);
      const before = opensPopup(step) ? await windows() : 0;
      const failed = await send('POST', '/execute/async', { script: RUN_STEP, args: [step] },
        stepLimitMs + COMMAND_LIMIT_MS);
      if (failed !== null) throw new Error(`webkit floor: ${step.api} ${step.url}: ${failed}`);
      for (let asked = 0; opensPopup(step) && (await windows()) > before; asked++) {
        if (asked * 25 > stepLimitMs) throw new Error(`webkit floor: the popup of ${step.url} stayed open`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    // WebDriver's Delete All Cookies reaches only the current document's: the host clears every site's.
    clearCookies: async () => {
      await switchTo(control);
      await send('POST', '/url', { url: 'cors-lab-host:clear-cookies' });
      const text = await send('POST', '/execute/sync', { script: 'return document.body.textContent', args: [] });
      if (text !== 'cleared') throw new Error(`webkit floor: the cookies were not cleared (${JSON.stringify(text)})`);
    },
    close: async () => {
      await send('DELETE', '', undefined, 10_000).catch(() => undefined);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    },
  };
}

/** Xvfb on a display it picks itself (`-displayfd`), as the lab's driver starts it. */
async function startXvfb() {
  const screen = ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'];
  const x = spawnGroup(xvfb, screen, { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let text = '';
    x.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    x.once('exit', (code) => reject(new Error(`webkit floor: Xvfb exited (${code})`)));
  });
}

// Timed from here, as the catalog's time starts with the lab's servers: Node's start and imports are not the floor's.
const started = performance.now();
const servers = await startFloorServers(origins, experiments);
try {
  // As many sessions at once as the lab's driver runs (its `sessionsAtOnce`), for each cookie setting's browser; each
  // browser on a display of its own, as the lab's driver launches one.
  const display = startXvfb();
  const main = Array.from({ length: sessions }, async () => startSession(await display, 'blocked'));
  const openAllowing = async (count) => {
    const own = await startXvfb();
    return Promise.all(Array.from({ length: Math.min(sessions, count) }, () => startSession(own, 'allowed')));
  };
  const work = { experiments, base: servers.base, stepFields: { closePopups: true } };
  const perApi = await runFloorWork(work, main, openAllowing, 'start');
  if (profile) for (const line of perApiLines(perApi)) console.log(line);
} finally {
  killAll();
  servers.close();
}
// The last line: the floor's time, for floor.ts.
console.log(JSON.stringify({ floorMs: performance.now() - started }));
