/**
 * Why the playground runs a window-opening step alone (client/lab/step-turns.ts), measured in real Chromium:
 * a page posts 8 messages at once to a frame of another site (its own renderer process) whose handler opens a
 * window on the first and the fifth, then asks which arrived. Messages between two windows arrive in the order
 * they were posted, so the answer to a request posted after them tells, without a clock, which were lost.
 * https://html.spec.whatwg.org/multipage/web-messaging.html#posting-messages
 * - Driven by Playwright (a DevTools client that auto-attaches to every new window), messages that reach the
 *   frame while it is inside window.open() are lost. If this test fails, Chromium no longer loses them there.
 * - Opened by Chromium alone (no DevTools client, as in a learner's browser), every message arrives.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../runner/find-browser.ts';

const MESSAGES = 8;
/** The messages whose handler opens a window. */
const OPENING = [0, 4];

/** What the page learned: the messages the frame received before the report request, and the windows it opened. */
interface Report {
  received: number[];
  opened: number;
}

const FRAME = `<!doctype html><link rel="icon" href="data:,"><script>
const received = [];
let opened = 0;
addEventListener('message', (event) => {
  if (event.data === 'report') return event.source.postMessage({ received, opened }, '*');
  received.push(event.data.index);
  if (!event.data.open) return;
  const popup = window.open('about:blank', 'window-' + event.data.index);
  if (popup) (opened++, popup.close());
  event.source.postMessage('opened', '*');
});
parent.postMessage('ready', '*');
</script>`;

/** The top page: posts the messages, then (once the first window step is done) the report request. */
const top = (frameUrl: string): string => `<!doctype html><link rel="icon" href="data:,"><script>
addEventListener('message', (event) => {
  const frame = document.querySelector('iframe').contentWindow;
  if (event.data === 'ready') {
    const opening = ${JSON.stringify(OPENING)};
    for (let index = 0; index < ${MESSAGES}; index++) frame.postMessage({ index, open: opening.includes(index) }, '*');
  } else if (event.data === 'opened') {
    frame.postMessage('report', '*');
  } else if (event.data && Array.isArray(event.data.received) && !window.reported) {
    window.reported = true;
    fetch('/report', { method: 'POST', body: JSON.stringify(event.data) });
  }
});
</script><iframe src="${frameUrl}" title="frame of another site"></iframe>`;

/** One loopback server: the top page at localhost, the frame at 127.0.0.1 (another site), and the report. */
async function startPages(): Promise<{ topUrl: string; report: Promise<Report>; server: Server }> {
  let deliver!: (report: Report) => void;
  const report = new Promise<Report>((resolve) => (deliver = resolve));
  const server = createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    if (req.method === 'POST' && req.url === '/report') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += String(chunk)));
      req.on('end', () => (deliver(JSON.parse(body) as Report), res.end()));
      return;
    }
    res.setHeader('Content-Type', 'text/html');
    res.end(req.url === '/frame' ? FRAME : top(`http://127.0.0.1:${port}/frame`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { topUrl: `http://localhost:${(server.address() as AddressInfo).port}/`, report, server };
}

test('driven by Playwright, messages that reach a frame inside window.open() are lost', async ({ page }) => {
  const { topUrl, report, server } = await startPages();
  try {
    await page.goto(topUrl);
    const { received } = await report;
    expect(received[0]).toBe(0);
    expect(received.length).toBeLessThan(MESSAGES);
  } finally {
    server.close();
  }
});

test('opened by Chromium with no DevTools client, as in a learner browser, every message arrives', async () => {
  const { topUrl, report, server } = await startPages();
  const profile = await mkdtemp(join(tmpdir(), 'cors-lab-no-driver-'));
  // Popups allowed, as Playwright allows them (a learner may allow them for the lab): the frame opens its windows.
  const args = ['--headless', '--no-sandbox', '--disable-popup-blocking', ...CHROMIUM_ARGS];
  args.push(`--user-data-dir=${profile}`);
  const chromium = spawn(findChromium(), [...args, topUrl], { stdio: 'ignore' });
  try {
    const { received, opened } = await report;
    expect(received).toEqual(Array.from({ length: MESSAGES }, (_, index) => index));
    expect(opened).toBe(OPENING.length);
  } finally {
    chromium.kill();
    server.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
});
