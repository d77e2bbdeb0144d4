/**
 * Format 1.2, the model of a frame (`iframe`, and the frame a `postMessage` goes to): the navigation's
 * hops (no CORS: a navigation's mode is "navigate", it sends no Origin on GET), then whether the response
 * may be framed by the page, then what the page can tell of the frame and whether the message got through.
 * The checks run in the order Chromium applies them to a navigation response (measured in Chromium 156):
 * under the page's COEP the CORP check and the framed document's own COEP first, then CSP frame-ancestors, then X-Frame-Options (ignored when frame-ancestors
 * is present).
 */
import { isTrustworthyOrigin } from './page-policies.ts';
import type { HeaderLines } from '../../format/headers.ts';
import type { EmbedderPolicy } from './page-policies.ts';
import type { ModelReason } from './model-reasons.ts';

/** Why a response may not be framed by the page, as Chromium's BlockedReason, or null when it may. */
export type FrameRefusal = { reason: ModelReason; by: 'coep' | 'frame-ancestors' | 'x-frame-options' } | null;

const values = (headers: HeaderLines, name: string): string[] =>
  headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);

/**
 * "Check a navigation response's adherence to its embedder policy": a page with COEP require-corp (or
 * credentialless) may frame only documents that send one too.
 * https://html.spec.whatwg.org/multipage/browsers.html#check-a-navigation-response's-adherence-to-its-embedder-policy
 */
function embedderPolicyAllows(headers: HeaderLines, embedder: EmbedderPolicy): boolean {
  if (embedder === 'unsafe-none') return true;
  const token = values(headers, 'cross-origin-embedder-policy')[0]?.split(';')[0]?.trim();
  return token === 'require-corp' || token === 'credentialless';
}

/** A CSP source expression against an origin: the subset the lab's origins need (`*`, `'self'`, `'none'`, schemes, hosts). */
function sourceMatches(source: string, origin: URL, self: URL): boolean {
  const lower = source.toLowerCase();
  if (lower === "'self'") return origin.origin === self.origin;
  // `*` matches any network scheme: http(s) here. https://w3c.github.io/webappsec-csp/#match-url-to-source-expression
  if (lower === '*') return origin.protocol === 'http:' || origin.protocol === 'https:';
  // A scheme-source (`http:`) matches every URL of that scheme, and `http:` https ones too (measured in all three
  // engines: frame-ancestors http:). https://w3c.github.io/webappsec-csp/#match-schemes
  if (/^[a-z][a-z0-9+.-]*:$/.test(lower)) return lower === origin.protocol || (lower === 'http:' && origin.protocol === 'https:');
  const match = /^(?:(https?):\/\/)?([^:/]+)(?::(\d+|\*))?\/?$/.exec(lower);
  if (!match) return false;
  const [, scheme, host, port] = match;
  if (scheme !== undefined && `${scheme}:` !== origin.protocol) return false;
  if (scheme === undefined && origin.protocol !== self.protocol) return false;
  if (host !== origin.hostname && !(host?.startsWith('*.') && origin.hostname.endsWith(host.slice(1)))) return false;
  const defaultPort = origin.protocol === 'https:' ? '443' : '80';
  return port === '*' || (port ?? defaultPort) === (origin.port || defaultPort);
}

/**
 * CSP `frame-ancestors`: every policy (each header line, each comma-separated policy) with the directive
 * must list every ancestor; absent from all, the directive does not apply (null).
 * https://w3c.github.io/webappsec-csp/#directive-frame-ancestors
 */
export function frameAncestorsAllow(headers: HeaderLines, ancestors: readonly string[], target: string): boolean | null {
  const self = new URL(target);
  const lists = values(headers, 'content-security-policy')
    .flatMap((line) => line.split(','))
    .map((policy) => policy.split(';').map((d) => d.trim().split(/\s+/)).find(([name]) => name?.toLowerCase() === 'frame-ancestors'))
    .filter((directive): directive is string[] => directive !== undefined)
    .map(([, ...sources]) => sources);
  if (lists.length === 0) return null;
  return lists.every((sources) =>
    ancestors.every((ancestor) => ancestor !== 'null' && sources.some((s) => sourceMatches(s, new URL(ancestor), self))),
  );
}

/**
 * X-Frame-Options, as HTML processes it: several different values (or `deny`) refuse; `sameorigin` needs
 * every ancestor on the target's origin; anything else (ALLOW-FROM, a typo) is ignored.
 * https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-x-frame-options-header
 */
export function xFrameOptionsAllow(headers: HeaderLines, ancestors: readonly string[], target: string): boolean {
  const set = xFrameOptionsValues(headers);
  if (set.size > 1) return !KNOWN_X_FRAME_OPTIONS.some((v) => set.has(v));
  if (set.has('deny')) return false;
  if (set.has('sameorigin')) return ancestors.every((a) => a === new URL(target).origin);
  return true;
}

/** The values X-Frame-Options knows; any other is ignored (HTML) and, alone, is Firefox's "invalid" warning. */
export const KNOWN_X_FRAME_OPTIONS: readonly string[] = ['deny', 'sameorigin', 'allowall'];

/** The answer's X-Frame-Options values, every line and every comma-separated one, trimmed and lower-cased, once each. */
export function xFrameOptionsValues(headers: HeaderLines): Set<string> {
  return new Set(values(headers, 'x-frame-options').flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()));
}

/** The answer's `frame-ancestors` directives as written, one per policy that has one (each line, each comma). */
export function frameAncestorsDirectives(headers: HeaderLines): string[] {
  return values(headers, 'content-security-policy')
    .flatMap((line) => line.split(','))
    .map((policy) => policy.split(';').map((d) => d.trim()))
    .map((directives) => directives.find((d) => d.split(/\s+/)[0]?.toLowerCase() === 'frame-ancestors'))
    .filter((directive): directive is string => directive !== undefined);
}

/**
 * The console line Chromium prints for a frame refused by the answer's headers (measured in Chromium 156): the
 * frame's origin only (no path), the X-Frame-Options value lower-cased, or the first frame-ancestors directive that
 * refuses the page as written. Null for a frame these headers allow.
 */
export function frameConsoleLine(headers: HeaderLines, pageOrigin: string, target: string): string | null {
  const ancestors = [pageOrigin];
  const url = `${new URL(target).origin}/`;
  const refusing = frameAncestorsDirectives(headers);
  if (refusing.length > 0) {
    const first = refusing.find((directive) => frameAncestorsAllow([['Content-Security-Policy', directive]], ancestors, target) === false);
    return first === undefined ? null
      : `Framing '${url}' violates the following Content Security Policy directive: "${first}". The request has been blocked.\n`;
  }
  if (xFrameOptionsAllow(headers, ancestors, target)) return null;
  const written = values(headers, 'x-frame-options').join(', ');
  const distinct = xFrameOptionsValues(headers);
  // Several different values: named as sent, then the fallback; one value written twice, once (measured:
  // probe-navigation-xfo-14, -15 in test/probes/navigation-cases.ts).
  if (distinct.size > 1) {
    return `Refused to display '${url}' in a frame because it set multiple 'X-Frame-Options' headers with conflicting values ('${written}'). Falling back to 'deny'.`;
  }
  return `Refused to display '${url}' in a frame because it set 'X-Frame-Options' to '${[...distinct][0] ?? ''}'.`;
}

/** Whether the page may frame the answer at `target` (its final URL), and if not, why. */
export function frameRefusal(
  headers: HeaderLines,
  pageOrigin: string,
  target: string,
  embedder: EmbedderPolicy,
  resourcePolicy: ModelReason | null,
): FrameRefusal {
  // Under COEP a framed document passes the CORP check first (Fetch: "cross-origin resource policy check",
  // forNavigation), its default same-origin; then its own COEP. Chromium 156 reports them in this order (measured).
  // https://fetch.spec.whatwg.org/#cross-origin-resource-policy-check
  if (embedder !== 'unsafe-none' && resourcePolicy) return { reason: resourcePolicy, by: 'coep' };
  if (!embedderPolicyAllows(headers, embedder)) return { reason: 'coep-frame-resource-needs-coep-header', by: 'coep' };
  // The headless runner's page is the top: its origin is the frame's one ancestor.
  const ancestors = [pageOrigin];
  const ancestorsAllow = frameAncestorsAllow(headers, ancestors, target);
  if (ancestorsAllow === false) return { reason: 'other', by: 'frame-ancestors' };
  if (ancestorsAllow === null && !xFrameOptionsAllow(headers, ancestors, target)) return { reason: 'other', by: 'x-frame-options' };
  return null;
}

/**
 * Whether a message posted to the frame is taken: the browser drops it unless `targetOrigin` is "*", or "/"
 * with the frame on the sender's origin, or the frame's origin; the target page then takes it if it accepts
 * the sender's origin (its `event.origin`).
 * https://html.spec.whatwg.org/multipage/web-messaging.html#window-post-message-steps
 */
export function messageTaken(targetOrigin: string, frameOrigin: string, senderOrigin: string, accept: '*' | readonly string[]): {
  arrives: boolean;
  taken: boolean;
} {
  const wanted = targetOrigin === '/' ? senderOrigin : targetOrigin;
  const arrives = wanted === '*' || (URL.canParse(wanted) && new URL(wanted).origin === frameOrigin);
  return { arrives, taken: arrives && (accept === '*' || accept.includes(senderOrigin)) };
}

/**
 * Whether a popup keeps its opener: not with `noopener`; else unless the opener policies (COOP) of the page and
 * of the popup's document put them in different browsing context groups: both `unsafe-none`; the page's
 * `same-origin-allow-popups` over a popup without COOP; or one same value on one origin keep it.
 * https://html.spec.whatwg.org/multipage/browsers.html#check-browsing-context-group-switch-coop-value
 */
export function openerKept(noopener: boolean, pagePolicy: string, pageOrigin: string, headers: HeaderLines, target: string): boolean {
  if (noopener) return false;
  // COOP acts only on a document in a secure context (page-policies.ts says the same of the page's own): a popup on
  // an http origin that is not potentially trustworthy (a class name) keeps its opener whatever it sends.
  // https://html.spec.whatwg.org/multipage/browsers.html#the-coop-headers
  const secure = isTrustworthyOrigin(new URL(target).origin);
  const popupPolicy = (secure ? values(headers, 'cross-origin-opener-policy')[0]?.split(';')[0]?.trim() : undefined) ?? 'unsafe-none';
  const known = (value: string): string => (['same-origin', 'same-origin-allow-popups'].includes(value) ? value : 'unsafe-none');
  const [page, popup] = [known(pagePolicy), known(popupPolicy)];
  if (popup === 'unsafe-none' && (page === 'unsafe-none' || page === 'same-origin-allow-popups')) return true;
  return page === popup && pageOrigin === new URL(target).origin;
}
