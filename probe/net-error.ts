/**
 * The network error behind a failure Chromium blames on Local Network Access.
 * Measured in Chromium: a cross-origin fetch to a loopback server whose answer
 * fails in the network (junk bytes instead of HTTP, 21 redirects, 300 KB of
 * headers) fails with errorText "net::ERR_FAILED" and the CORS error
 * LocalNetworkAccessPermissionDenied, even with the permission granted. The
 * same request from a page of the server's own origin (no CORS check, no
 * address-space change) names the real error in Network.loadingFailed.
 * https://chromedevtools.github.io/devtools-protocol/tot/Network/#event-loadingFailed
 */
import type { Browser } from 'playwright-core';
import { STEP_TIMEOUT_MS } from '../runner/concurrency.ts';
import type { ProbeRequest } from './probe-options.ts';

/** Errors that say nothing of the network: the generic failure, and our own abort. */
const UNINFORMATIVE = ['net::ERR_FAILED', 'net::ERR_ABORTED'];

/** The `net::ERR_...` text of `request` sent from its own origin; null when it was answered or failed without one. */
export async function sameOriginNetError(request: ProbeRequest, browser: Browser): Promise<string | null> {
  const origin = new URL(request.url).origin;
  const context = await browser.newContext();
  let timer: NodeJS.Timeout | undefined;
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let fetchId: string | null = null;
    const settled = new Promise<string | null>((resolve) => {
      cdp.on('Network.requestWillBeSent', (event) => {
        if (fetchId === null && event.type === 'Fetch' && event.request.url === request.url) fetchId = event.requestId;
      });
      cdp.on('Network.responseReceived', (event) => {
        if (event.requestId === fetchId) resolve(null);
      });
      cdp.on('Network.loadingFailed', (event) => {
        if (event.requestId === fetchId) resolve(UNINFORMATIVE.includes(event.errorText) ? null : event.errorText);
      });
      timer = setTimeout(() => resolve(null), STEP_TIMEOUT_MS);
    });
    await cdp.send('Network.enable');
    const body = '<!doctype html><title>cors-lab probe</title>';
    const page200 = { status: 200, contentType: 'text/html; charset=utf-8', body };
    await page.route(`${origin}/`, (route) => route.fulfill(page200));
    await page.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
    // Only the page is intercepted: the request must reach the network untouched.
    await page.unrouteAll();
    const { method, headers, credentials } = request;
    const init = { method, headers, body: request.body, credentials };
    // The page's promise is not awaited: Chromium's event tells the outcome, and the context's close ends the request.
    const sent = page.evaluate(
      ([url, options]) => fetch(url, options).then(() => undefined, () => undefined),
      [request.url, init] as const,
    );
    void sent.catch(() => undefined);
    return await settled;
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}
