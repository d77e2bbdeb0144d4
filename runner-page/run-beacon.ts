/**
 * Format 1.2 `beacon`: `navigator.sendBeacon` with a text body, or a Blob of the step's Content-Type (a type
 * that is not CORS-safelisted makes it a CORS request, preflighted, with credentials included). The page never
 * sees the answer (outcome `opaque`). The step ends on the event that ends the beacon, never on a clock, so a
 * busy machine cannot turn a late request into "not received":
 * - its resource timing entry, which comes once the request is over, answered or failed (a failed preflight, a
 *   refused connection, a CORS failure: measured in Chromium 156 and Firefox 153, whose entry's initiatorType
 *   is `other`, not the `beacon` of the spec), so the journal then holds what the server received;
 * - the engine's own line that the beacon's fetch failed, passed on by its driver (WebKitGTK 2.50, which makes no
 *   entry for a beacon in CORS mode: runner-page/engine-ends.ts);
 * - the browser refused to send it: `sendBeacon` returned false (its quota; Firefox's CSP `connect-src`), or
 *   threw, or the page's CSP `connect-src` refused it after queueing (Chromium: `securitypolicyviolation`).
 * A beacon that ends in none of these is a hang, which only the runner's step limit ends (no answer).
 * https://w3c.github.io/beacon/#sec-sendBeacon-method
 * https://w3c.github.io/resource-timing/#dom-performanceresourcetiming-initiatortype
 * https://w3c.github.io/webappsec-csp/#directive-connect-src
 */
import { contentTypeOf } from '../format/form-and-beacon.ts';
import { NO_EMBEDDING_FACTS } from '../format/embedding.ts';
import type { PageSeen, StepRequest } from './step.ts';
import { pageFacts } from './run-element.ts';
import { engineRefusal } from './engine-ends.ts';

/** The initiator types a beacon's entry has: the spec's, and Firefox's (measured). */
const BEACON_INITIATORS: readonly string[] = ['beacon', 'other'];

/**
 * Resolves when the beacon to `url` ended: null once its resource timing entry comes in (an observer sees it,
 * buffer full or not), the browser's words once the page's CSP refused it.
 */
function beaconEnd(url: string, signal: AbortSignal): Promise<string | null> {
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      const entries = list.getEntries() as PerformanceResourceTiming[];
      if (entries.some((e) => e.name === url && BEACON_INITIATORS.includes(e.initiatorType))) resolve(null);
    });
    observer.observe({ type: 'resource' });
    const refused = (event: SecurityPolicyViolationEvent): void => {
      if (event.effectiveDirective !== 'connect-src' || event.disposition !== 'enforce') return;
      if (event.blockedURI !== url && event.blockedURI !== new URL(url).origin) return;
      resolve(`sendBeacon: the page's Content-Security-Policy (${event.originalPolicy}) refused to send to ${url}`);
    };
    document.addEventListener('securitypolicyviolation', refused);
    // WebKitGTK 2.50 makes no entry for a beacon in CORS mode: its driver passes on WebKit's line that the beacon's
    // fetch failed (engines/webkit/step-end-lines.ts). The beacon was sent all the same, as far as the page knows.
    void engineRefusal(url, signal).then(() => resolve(null));
    signal.addEventListener('abort', () => {
      observer.disconnect();
      document.removeEventListener('securitypolicyviolation', refused);
    }, { once: true });
  });
}

/** `refusal`: why the browser sent nothing (null: the beacon went). */
function sent(refusal: string | null): PageSeen {
  return {
    outcome: refusal ? 'blocked' : 'opaque', status: null, responseType: null, readableHeaders: {}, body: null,
    error: refusal, pageOrigin: self.origin, embedding: { ...NO_EMBEDDING_FACTS, ...pageFacts() },
    ...(refusal ? { notSent: true } : {}),
  };
}

export async function runBeacon(step: StepRequest): Promise<PageSeen> {
  const type = contentTypeOf(Object.fromEntries(step.headers));
  const body = type === undefined ? (step.body ?? '') : new Blob([step.body ?? ''], { type });
  const url = new URL(step.url, location.href).href;
  const stop = new AbortController();
  // Watched before it is sent: the entry may come in before sendBeacon returns to the page.
  const ended = beaconEnd(url, stop.signal);
  try {
    let queued: boolean;
    try {
      queued = navigator.sendBeacon(url, body);
    } catch (error) {
      return sent(`sendBeacon threw ${String(error)}`);
    }
    // False: the browser did not queue it (its quota, or Firefox's CSP): nothing was sent.
    if (!queued) return sent('sendBeacon returned false');
    return sent(await ended);
  } finally {
    stop.abort();
  }
}
