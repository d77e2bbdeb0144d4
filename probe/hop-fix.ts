/**
 * The fix of one hop of a redirect chain, built as a single probe's fix is (probe-fix.ts, framework-fix.ts): the
 * hop's answers replayed as a request from the page's origin to the hop's URL, the changes merged per header (the
 * preflight's and the answer's), only what is missing or wrong, in the user's framework's terms.
 *
 * Only a hop that received the page's own Origin fits: after a cross-origin redirect the Origin is `null`
 * (https://fetch.spec.whatwg.org/#concept-request-tainted-origin) and no header naming the page can pass there;
 * redirect-chain.ts words the honest options for that hop instead.
 */
import { REDIRECT_STATUSES } from '../format/schema.ts';
import { replayWire } from './explain-probe.ts';
import type { FrameworkUsed } from './framework.ts';
import { frameworkFix, frameworkFixText } from './framework-fix.ts';
import type { WireHop, WireResponse } from '../runner/cdp-watch.ts';
import { probeFix } from './probe-fix.ts';
import type { ProbeRequest } from './probe-options.ts';
import type { Hop } from './redirect-chain.ts';

/**
 * A redirect's answer replayed as a final one: the CORS check reads only Access-Control-Allow-Origin and
 * -Credentials, never the status (https://fetch.spec.whatwg.org/#cors-check), and every response of a cross-origin
 * request passes it before a redirect is followed (https://fetch.spec.whatwg.org/#http-fetch).
 */
function asFinal(response: WireResponse | null): WireResponse | null {
  if (response === null || !(REDIRECT_STATUSES as readonly number[]).includes(response.status)) return response;
  return { ...response, status: 200 };
}

/**
 * The hop's fix lines in the framework's terms (a framework's code as one entry, its lines indented); null when
 * the hop does not fit (no CORS check, an Origin other than the page's, or answers the model cannot replay): the
 * chain's own wording stands then.
 */
export function hopFix(request: ProbeRequest, hop: Hop, wire: WireHop, used: FrameworkUsed): string[] | null {
  if (!hop.corsChecked || hop.origin !== request.origin) return null;
  // A redirect that changed the method to GET dropped the body (https://fetch.spec.whatwg.org/#http-redirect-fetch).
  const body = hop.method === request.method ? request.body : null;
  const hopRequest: ProbeRequest = { ...request, url: hop.url, method: hop.method, body, then: [] };
  const answers = { preflight: asFinal(wire.preflight?.response ?? null), actual: asFinal(wire.response) };
  const replay = replayWire(hopRequest, answers);
  if (replay === null) return null;
  const written = frameworkFix(probeFix(replay, hopRequest, answers), used, hop.url);
  if (written === null) return [];
  if (used.name !== 'headers') return [frameworkFixText(written).split('\n').join('\n  ')];
  // Plain header lines, one a line; the answer of a redirect hop is the redirect, so it is named so.
  const redirect = hop.answer !== null && (REDIRECT_STATUSES as readonly number[]).includes(hop.answer.status);
  const lines = [...written.intro, ...written.lines];
  return redirect ? lines.map((line) => line.replace(/^actual answer: /, 'redirect: ')) : lines;
}

/** The chain with each fitting hop's fix built by hopFix; other hops keep redirect-chain.ts's lines. */
export function withHopFixes(
  request: ProbeRequest,
  hops: readonly Hop[],
  wire: readonly WireHop[],
  used: FrameworkUsed,
): Hop[] {
  return hops.map((hop, index) => {
    const seen = wire[index];
    const fix = seen ? hopFix(request, hop, seen, used) : null;
    return fix === null ? hop : { ...hop, fix };
  });
}
