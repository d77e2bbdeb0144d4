/**
 * A probed request's redirect chain, hop by hop: the method and URL of each
 * hop, the Origin Chromium sent there, the status and CORS headers it got, how
 * a redirect changed the method, and what each server must send.
 *
 * - A 301/302 turns a POST into a GET, a 303 turns anything but GET/HEAD into a
 *   GET, and the body is dropped; 307/308 keep both.
 *   https://fetch.spec.whatwg.org/#http-redirect-fetch (the step on status 301/302/303)
 * - Once a redirect leaves the current origin, and the request's origin is not
 *   that origin either, the request's origin is "tainted" and serialized as
 *   `null` on every later hop, so no Access-Control-Allow-Origin naming the
 *   page can match there.
 *   https://fetch.spec.whatwg.org/#concept-request-tainted-origin
 *   https://fetch.spec.whatwg.org/#serializing-a-request-origin
 * - With mode "cors", every response of a cross-origin request, redirects
 *   included, must pass the CORS check (https://fetch.spec.whatwg.org/#http-fetch,
 *   the CORS check before the redirect is followed).
 */
import type { HeaderLines } from '../format/headers.ts';
import type { WireHop, WireResponse } from '../runner/cdp-watch.ts';
import type { ProbeRequest } from './probe-options.ts';

/** The redirect statuses Fetch follows (https://fetch.spec.whatwg.org/#redirect-status). */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface HopAnswer {
  status: number;
  /** The CORS response headers, Location and Vary, as sent. */
  corsHeaders: HeaderLines;
}

export interface Hop {
  method: string;
  url: string;
  /** The Origin header Chromium sent to this hop (`"null"` after a cross-origin redirect); null when none. */
  origin: string | null;
  /** The preflight sent to this hop, if any. */
  preflight: { origin: string | null; answer: HopAnswer | null } | null;
  /** The answer; null when none came (the hop failed or was blocked before it). */
  answer: HopAnswer | null;
  /** How the redirect into this hop changed the method (null for the first hop, or when it kept it). */
  methodChange: { from: string; to: string; status: number } | null;
  /** Whether the CORS check applies to this hop's answers (the request went cross-origin at or before it). */
  corsChecked: boolean;
  /** What this hop's server must send for the request to pass (empty when it already does). */
  fix: string[];
}

const headerOf = (lines: Record<string, string>, name: string): string | null =>
  Object.entries(lines).find(([n]) => n.toLowerCase() === name)?.[1] ?? null;

const lineValues = (lines: HeaderLines, name: string): string[] =>
  lines.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);

function answerOf(response: WireResponse | null): HopAnswer | null {
  if (!response) return null;
  const kept = response.headers.filter(([name]) => /^(access-control-|location$|vary$)/i.test(name));
  return { status: response.status, corsHeaders: kept };
}

/**
 * The header lines a hop's answer lacks for the CORS check: Access-Control-Allow-Origin equal to the Origin sent
 * (or `*` without credentials), and Access-Control-Allow-Credentials: true with credentials.
 * https://fetch.spec.whatwg.org/#cors-check
 */
function checkFix(origin: string, answer: HopAnswer | null, credentials: boolean, label: string): string[] {
  const allowOrigin = answer ? lineValues(answer.corsHeaders, 'access-control-allow-origin') : [];
  const fix: string[] = [];
  const originOk = allowOrigin.length === 1 && (allowOrigin[0] === origin || (!credentials && allowOrigin[0] === '*'));
  // The page's origin is named only where it is the Origin sent: after a tainted redirect no value but null fits.
  if (!originOk && origin !== 'null') fix.push(`${label}: Access-Control-Allow-Origin: ${origin}`);
  const allowCredentials = answer ? lineValues(answer.corsHeaders, 'access-control-allow-credentials') : [];
  if (credentials && !(allowCredentials.length === 1 && allowCredentials[0] === 'true')) {
    fix.push(`${label}: Access-Control-Allow-Credentials: true`);
  }
  return fix;
}

/** The chain as hops, from what the network watch saw. */
export function chainOf(request: ProbeRequest, wire: readonly WireHop[]): Hop[] {
  const credentials = request.credentials === 'include';
  let crossOrigin = false;
  return wire.map((hop, index) => {
    const previous = index > 0 ? wire[index - 1] : undefined;
    const origin = headerOf(hop.requestHeaders, 'origin');
    crossOrigin ||= request.mode === 'cors' && new URL(hop.url).origin !== request.origin;
    const from = previous?.method;
    const status = previous?.response?.status;
    const methodChange =
      from !== undefined && status !== undefined && from !== hop.method ? { from, to: hop.method, status } : null;
    const answer = answerOf(hop.response);
    const preflightAnswer = answerOf(hop.preflight?.response ?? null);
    const preflight = hop.preflight
      ? { origin: headerOf(hop.preflight.requestHeaders, 'origin'), answer: preflightAnswer }
      : null;
    const fix =
      crossOrigin && origin !== null
        ? [
            ...(preflight ? checkFix(origin, preflightAnswer, credentials, 'OPTIONS (preflight)') : []),
            ...checkFix(origin, answer, credentials, answer && REDIRECTS.has(answer.status) ? 'redirect' : 'answer'),
          ]
        : [];
    return { method: hop.method, url: hop.url, origin, preflight, answer, methodChange, corsChecked: crossOrigin, fix };
  });
}

/** Whether the chain needs telling hop by hop: a redirect was followed, or the redirect itself was refused. */
export function isRedirectChain(hops: readonly Hop[]): boolean {
  const status = hops.at(-1)?.answer?.status;
  return hops.length > 1 || (status !== undefined && REDIRECTS.has(status));
}

/** The hop whose Origin is `null` because of a cross-origin redirect, if any. */
export function taintedHop(hops: readonly Hop[]): Hop | null {
  return hops.find((hop, index) => index > 0 && hop.origin === 'null') ?? null;
}

/** The last hop whose method a redirect changed (what finally ran is that method). */
export function methodChangeOf(hops: readonly Hop[]): Hop['methodChange'] {
  return hops.findLast((hop) => hop.methodChange !== null)?.methodChange ?? null;
}

const TAINT_SPEC = 'https://fetch.spec.whatwg.org/#concept-request-tainted-origin';
const METHOD_SPEC = 'https://fetch.spec.whatwg.org/#http-redirect-fetch';

/**
 * The verdict and the fix of a redirected request, hop by hop. `outcome` is the page's; the verdict says what
 * really ran (a POST that became a GET was not allowed as a POST).
 */
export function explainChain(
  request: ProbeRequest,
  hops: readonly Hop[],
  outcome: string,
): { verdict: string; fix: string | null } {
  const last = hops.at(-1);
  if (!last || !isRedirectChain(hops)) throw new Error('explainChain: not a redirect chain');
  const redirects = hops.length - 1;
  const path = hops.map((hop) => `${hop.method} ${hop.url}${hop.answer ? ` -> ${hop.answer.status}` : ''}`).join(', ');
  const parts: string[] = [];
  const change = methodChangeOf(hops);
  const tainted = taintedHop(hops);
  if (outcome === 'allowed') {
    parts.push(
      change
        ? `Allowed as ${last.method}, not as ${request.method}: the ${change.status} redirect turned the ` +
            `${change.from} into a ${change.to} and dropped its body, so ${last.url} never received the ` +
            `${request.method} (${METHOD_SPEC}).`
        : `Allowed after ${redirects} redirect(s): ${path}.`,
    );
  } else {
    const at = hops.length;
    parts.push(`Blocked at hop ${at} of the redirect chain (${last.method} ${last.url}): ${path}.`);
    if (change) {
      const turned = `turned the ${change.from} into a ${change.to}`;
      parts.push(`The ${change.status} redirect had already ${turned} (${METHOD_SPEC}).`);
    }
  }
  if (tainted) {
    parts.push(
      `${tainted.url} received Origin: null: the redirect crossed origins, which taints the request's origin, ` +
        `and a tainted origin is sent as "null" (${TAINT_SPEC}). No Access-Control-Allow-Origin naming ` +
        `${request.origin} can match there.`,
    );
  }
  const fix: string[] = [];
  if (change) {
    fix.push(
      `redirect (${hops.find((hop) => hop.methodChange === change)?.url ?? last.url} is reached by a ` +
        `${change.status}): answer 307 or 308 instead, which keep the method and body, or send the ` +
        `${request.method} to the final URL directly`,
    );
  }
  if (tainted) {
    const index = hops.indexOf(tainted);
    fix.push(
      `avoid the cross-origin redirect: point the client at ${tainted.url} (then its server sees ` +
        `Origin: ${request.origin} and needs Access-Control-Allow-Origin: ${request.origin}` +
        `${request.credentials === 'include' ? ' and Access-Control-Allow-Credentials: true' : ''}), ` +
        `or have ${new URL(hops[index - 1]?.url ?? tainted.url).origin} fetch it server-side instead of redirecting`,
    );
    fix.push(
      request.credentials === 'include'
        ? `with credentials, Access-Control-Allow-Origin: * is refused, so avoiding the redirect is the only safe way`
        : `or, for public data without credentials: Access-Control-Allow-Origin: * at ${tainted.url}`,
    );
    fix.push(
      'do not answer Access-Control-Allow-Origin: null: every sandboxed iframe and data: page sends ' +
        'Origin: null, so any site could read the answer',
    );
  }
  hops.forEach((hop, index) => {
    // After a tainted redirect the only header fix that passes is unsafe: the options above replace it.
    if (tainted && index >= hops.indexOf(tainted)) return;
    for (const line of hop.fix) fix.push(`hop ${index + 1} (${hop.method} ${hop.url}) ${line}`);
  });
  return { verdict: parts.join(' '), fix: fix.length ? fix.join('\n') : null };
}
