// The bare floor for Chromium (floor.ts says what it includes and why). Plain JavaScript with nothing of cors-lab
// in it: Node, node:http, node:crypto and playwright-core. Reads its work as JSON on stdin (floor-steps.ts), runs it,
// prints its time as a JSON last line, and exits; every server and browser it started is closed at the end.
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { executablePath, args, concurrency, origins, experiments, profile } = JSON.parse(input);

// A 1x1 GIF, a script, a stylesheet, an event stream, a page: whatever the step's api loads, answered at once.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
// A page a frame or popup loads: it tells an opener it runs, and answers any message it gets.
const TARGET = '<!doctype html><script>if (opener) opener.postMessage("opened", "*");'
  + 'addEventListener("message", (e) => e.source && e.source.postMessage("taken", "*"));</script>';
const BODIES = {
  img: ['image/gif', GIF], script: ['text/javascript', 'void 0;'], stylesheet: ['text/css', 'a{}'],
  eventsource: ['text/event-stream', 'data: ok\n\n'], page: ['text/html', TARGET],
};
const KIND = {
  img: 'img', script: 'script', stylesheet: 'stylesheet', eventsource: 'eventsource', iframe: 'page', form: 'page',
  'window-open': 'page', postMessage: 'page',
};

/** Permissive answers: every origin, method and header allowed, credentials too, embeddable by anyone. */
function answer(req, res) {
  const url = new URL(req.url, 'http://floor');
  if (url.pathname === '/runner') {
    const headers = { 'Content-Type': 'text/html' };
    const own = url.searchParams.get('h');
    if (own !== null) Object.assign(headers, experiments[Number(own)].pageHeaders);
    if (url.searchParams.has('sandbox')) headers['Content-Security-Policy'] = 'sandbox allow-scripts';
    res.writeHead(200, headers);
    res.end('<!doctype html><link rel="icon" href="data:,">');
    return;
  }
  const cors = {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Allow-Credentials': 'true',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Cache-Control': 'no-store',
  };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      ...cors,
      'Access-Control-Allow-Methods': req.headers['access-control-request-method'] ?? 'GET',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
    });
    res.end();
    return;
  }
  req.resume();
  const [type, body] = BODIES[url.searchParams.get('k')] ?? ['text/plain', 'ok'];
  res.writeHead(200, { ...cors, 'Content-Type': type });
  res.end(body);
}

/** A WebSocket handshake (RFC 6455 section 4.2.2), one text frame "ok", and the end when the page closes. */
function upgrade(req, socket) {
  socket.on('error', () => undefined);
  const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`);
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
    + `Sec-WebSocket-Accept: ${accept.digest('base64')}\r\n\r\n`);
  socket.write(Buffer.from([0x81, 2, 0x6f, 0x6b]));
  socket.on('data', () => socket.end());
}

// Timed from here, as the catalog's time starts with the lab's servers: Node's start and imports are not the floor's.
const started = performance.now();
// One server per origin the work names, as the lab has one per origin (other ports, other sites, other processes).
const servers = [];
const base = {};
for (const origin of origins) {
  const server = createServer(answer);
  server.on('upgrade', upgrade);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  base[origin.name] = `http://${origin.host}:${server.address().port}`;
}
const overrides = origins.filter((o) => o.addressSpace === 'public')
  .map((o) => `--ip-address-space-overrides=127.0.0.1:${new URL(base[o.name]).port}=public`);
const launchArgs = [...args, ...overrides];

/** One step in the page, as plainly as a page does it; it resolves when the browser is done with it. */
async function pageStep(s) {
  const settle = (target, events) => new Promise((resolve) => {
    for (const event of events) target.addEventListener(event, () => resolve(event), { once: true });
  });
  // A window's next message, or its close (a popup that lost its opener leaves a closed handle; there is no event).
  const reply = (from) => new Promise((resolve) => {
    const done = () => (removeEventListener('message', listener), clearInterval(closed), resolve());
    const listener = (event) => event.source === from && done();
    addEventListener('message', listener);
    const closed = setInterval(() => from.closed && done(), 25);
  });
  // The page's own Content-Security-Policy may refuse the step before any request: then nothing else will come.
  const refused = settle(document, ['securitypolicyviolation']);
  return Promise.race([refused, run()]);
  async function run() {
    if (s.api === 'fetch') {
      try {
        const init = { method: s.method, headers: s.headers, body: s.body, mode: s.mode, credentials: s.credentials };
        await (await fetch(s.url, init)).text();
      } catch {}
      return;
    }
    if (s.api === 'xhr') {
      const xhr = new XMLHttpRequest();
      try {
        xhr.open(s.method, s.url);
        xhr.withCredentials = s.credentials === 'include';
        for (const [name, value] of s.headers) xhr.setRequestHeader(name, value);
      } catch {
        return;
      }
      const ended = settle(xhr, ['loadend']);
      xhr.send(s.body);
      await ended;
      return;
    }
    if (s.api === 'img' || s.api === 'script' || s.api === 'stylesheet') {
      const element = s.api === 'img' ? new Image() : document.createElement(s.api === 'script' ? 'script' : 'link');
      if (s.api === 'stylesheet') element.rel = 'stylesheet';
      if (s.crossorigin !== undefined) element.crossOrigin = s.crossorigin;
      const loaded = settle(element, ['load', 'error']);
      if (s.api === 'stylesheet') element.href = s.url;
      else element.src = s.url;
      if (s.api !== 'img') document.head.append(element);
      await loaded;
      element.remove();
      return;
    }
    if (s.api === 'iframe' || (s.api === 'postMessage' && s.via === undefined)) {
      const frame = document.createElement('iframe');
      const loaded = settle(frame, ['load']);
      frame.src = s.url;
      document.body.append(frame);
      await loaded;
      if (s.api === 'postMessage' && frame.contentWindow) {
        const taken = reply(frame.contentWindow);
        frame.contentWindow.postMessage('message', '*');
        await Promise.race([taken, settle(frame, ['load'])]);
      }
      frame.remove();
      return;
    }
    if (s.api === 'window-open' || s.api === 'postMessage') {
      // The popup's load and close are awaited by the floor in Node (the context's `page` event).
      const popup = window.open(s.url, '_blank', s.noopener ? 'noopener' : '');
      if (popup && s.api === 'postMessage') {
        const opened = reply(popup);
        await opened;
        const taken = reply(popup);
        popup.postMessage('message', '*');
        await taken;
      }
      return;
    }
    if (s.api === 'form') {
      const name = `floor-${Math.random()}`;
      const popup = window.open('about:blank', name);
      const form = document.createElement('form');
      const method = s.method.toLowerCase();
      Object.assign(form, { method, action: s.url, target: name, enctype: s.enctype, hidden: true });
      for (const [field, value] of s.fields) {
        form.append(Object.assign(document.createElement('input'), { type: 'hidden', name: field, value }));
      }
      document.body.append(form);
      form.submit();
      form.remove();
      // Until the answer's document is in the popup (another origin's: its location is no longer readable).
      await new Promise((resolve) => {
        const committed = () => {
          try {
            return popup.closed || (popup.location.href !== 'about:blank' && popup.document.readyState === 'complete');
          } catch {
            return true;
          }
        };
        const poll = setInterval(() => committed() && (clearInterval(poll), resolve()), 20);
      });
      popup.close();
      return;
    }
    if (s.api === 'beacon') {
      const ended = new Promise((resolve) => {
        const observer = new PerformanceObserver((list) => {
          if (list.getEntries().some((e) => e.name === s.url)) observer.disconnect(), resolve();
        });
        observer.observe({ type: 'resource' });
      });
      const body = s.contentType === undefined ? (s.body ?? '') : new Blob([s.body ?? ''], { type: s.contentType });
      if (navigator.sendBeacon(s.url, body)) await ended;
      return;
    }
    if (s.api === 'websocket') {
      const socket = new WebSocket(s.url.replace(/^http/, 'ws'));
      await settle(socket, ['message', 'close']);
      socket.close();
      return;
    }
    if (s.api === 'eventsource') {
      const source = new EventSource(s.url, { withCredentials: s.credentials === 'include' });
      await settle(source, ['message', 'error']);
      source.close();
    }
  }
}

const opensPopup = (s) => s.api === 'window-open' || (s.api === 'postMessage' && s.via === 'window-open');
const runnerUrl = (e, s, index) => {
  const query = new URLSearchParams();
  if (e.pageHeaders) query.set('h', String(index));
  if (s.sandboxed) query.set('sandbox', '');
  return `${base[s.page]}/runner?${query}`;
};

/**
 * Runs the experiments given to `context`, one at a time. A page per runner URL stays open for the next experiment
 * on it (a navigation to another site costs a renderer process); a page of one experiment's own (page headers) is
 * navigated to in one spare page.
 */
async function worker(context, next, started = () => undefined) {
  const pages = new Map();
  let spare = null;
  const pageAt = async (url, own) => {
    if (!own && pages.has(url)) return pages.get(url);
    const first = pages.size === 0 && spare === null ? context.pages()[0] : undefined;
    const page = (own ? spare : undefined) ?? first ?? (await context.newPage());
    if (own) spare = page;
    else pages.set(url, page);
    if (page.url() !== url) await page.goto(url, { waitUntil: 'domcontentloaded' });
    return page;
  };
  let cookies = false;
  let permission = 'denied';
  for (let index = next(); index !== undefined; index = next()) {
    const e = experiments[index];
    if (cookies) await context.clearCookies();
    cookies = e.setsCookies;
    if (e.browser.localNetworkAccess !== permission) {
      if (e.browser.localNetworkAccess === 'granted') await context.grantPermissions(['local-network-access']);
      else await context.clearPermissions();
      permission = e.browser.localNetworkAccess;
    }
    for (const s of e.steps) {
      const page = await pageAt(runnerUrl(e, s, index), e.pageHeaders !== null);
      // A fresh URL per experiment (no cache entry of another applies); an experiment's own steps share it.
      const step = { ...s, url: `${base[s.target]}/floor/${index}?k=${KIND[s.api] ?? 'fetch'}` };
      const popup = opensPopup(s) ? context.waitForEvent('page', { predicate: (p) => p !== page }) : null;
      const began = performance.now();
      await page.evaluate(pageStep, step);
      if (popup) {
        const opened = await popup;
        await opened.waitForURL((u) => u.href.startsWith(step.url), { waitUntil: 'load' });
        await opened.close();
      }
      const spent = perApi.get(s.api) ?? { steps: 0, ms: 0 };
      perApi.set(s.api, { steps: spent.steps + 1, ms: spent.ms + performance.now() - began });
    }
    started();
  }
  started();
}

/** Experiments in the order of their first page, as a plain script would group them. */
const queue = (keep) => {
  const order = experiments.map((e, i) => i).filter((i) => keep(experiments[i]));
  const key = (i) => `${experiments[i].steps[0].page}${experiments[i].pageHeaders ? `#${i}` : ''}`;
  order.sort((a, b) => key(a).localeCompare(key(b)) || a - b);
  return () => order.shift();
};
const allowsCookies = (e) => e.browser.thirdPartyCookies === 'allowed';

/** Per api: steps and their milliseconds (popups closed included), printed when asked (`profile`). */
const perApi = new Map();
const browser = await chromium.launch({ executablePath, headless: true, args: launchArgs });
const profileDir = await mkdtemp(join(tmpdir(), 'cors-lab-floor-'));
try {
  const main = queue((e) => !allowsCookies(e));
  const contexts = Array.from({ length: concurrency }, () => browser.newContext());
  // Each main context's first experiment done (or none to do): the second browser starts then, not beside the first
  // launch, as the runner does (two launches at once on 2 cores slow both; the floor is to be the least work).
  const firsts = contexts.map(() => {
    let resolve;
    const promise = new Promise((done) => (resolve = done));
    return { promise, resolve };
  });
  const work = contexts.map(async (made, i) => {
    const context = await made;
    await worker(context, main, firsts[i].resolve);
    await context.close();
  });
  // Third-party cookies allowed is a profile preference: a browser of its own, one context, as a run needs.
  const allowing = queue(allowsCookies);
  if (experiments.some(allowsCookies)) {
    work.push((async () => {
      await Promise.all(firsts.map((first) => first.promise));
      await mkdir(join(profileDir, 'Default'));
      const preferences = JSON.stringify({ profile: { cookie_controls_mode: 0 } });
      await writeFile(join(profileDir, 'Default', 'Preferences'), preferences);
      const options = { executablePath, headless: true, args: launchArgs };
      const context = await chromium.launchPersistentContext(profileDir, options);
      await worker(context, allowing);
      await context.close();
    })());
  }
  await Promise.all(work);
  if (profile) {
    for (const [api, { steps, ms }] of perApi) console.log(`  floor ${api.padEnd(12)} ${steps} steps ${ms.toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  for (const server of servers) server.closeAllConnections(), server.close();
  await rm(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}
// The last line: the floor's time, for floor.ts.
console.log(JSON.stringify({ floorMs: performance.now() - started }));
