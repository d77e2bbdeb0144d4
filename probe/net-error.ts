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
import { runStep } from '../engines/run-steps.ts';
import type { ProbeRequest } from './probe-options.ts';
import { openProbePage, probeTab } from './probe-page.ts';
import { probeStepRequest, probeSteps } from './probe-steps.ts';

/** Errors that say nothing of the network: the generic failure, and our own abort. */
const UNINFORMATIVE = ['net::ERR_FAILED', 'net::ERR_ABORTED'];

/**
 * The `net::ERR_...` text of `request` sent from its own origin; null when it was answered or failed without one.
 * It runs as a probe step from a page of that origin (no cookies, no `then`), its words from the one CDP watcher.
 */
export async function sameOriginNetError(request: ProbeRequest, browser: Browser): Promise<string | null> {
  const own: ProbeRequest = { ...request, origin: new URL(request.url).origin, mode: 'cors', cookies: [], then: [] };
  const { context, page } = await openProbePage(own, browser, false);
  try {
    const tab = await probeTab(own, page, {});
    const [step] = probeSteps(own);
    const { verdict } = await runStep(tab, probeStepRequest(step, own), own.url);
    return verdict.reason === null || UNINFORMATIVE.includes(verdict.reason) ? null : verdict.reason;
  } finally {
    await context.close();
  }
}
