/**
 * Firefox's console line for a response refused by Cross-Origin-Resource-Policy (format 1.2: the corp and
 * isolation groups). It is no CORS failure, so no "Cross-Origin Request Blocked" line (firefox-reasons.ts):
 * Firefox writes necko.properties' `CORPBlocked` string (measured in Firefox 153 ESR, for a CORP header that
 * refuses and for the same-origin default COEP require-corp gives a response without one):
 *   The resource at “URL” was blocked due to its Cross-Origin-Resource-Policy header (or lack thereof). See MDN
 * MDN names no reason for it, so the lab names it by Firefox's own key, `CORPBlocked`.
 * https://fetch.spec.whatwg.org/#cross-origin-resource-policy-internal-check
 */

export const FIREFOX_CORP_REASON = 'CORPBlocked';
export type FirefoxCorpReason = typeof FIREFOX_CORP_REASON;

/** The page Firefox's line links, verbatim (the `#` included). */
const SEE = 'https://developer.mozilla.org/docs/Web/HTTP/Cross-Origin_Resource_Policy_(CORP)#';
const BEFORE = 'The resource at “';
const AFTER = '” was blocked due to its Cross-Origin-Resource-Policy header (or lack thereof). See ';

/** Chromium's blocked reasons for a CORP refusal (resource-policy.ts), which Firefox tells with this line. */
const CHROMIUM_CORP_REASONS: ReadonlySet<string> = new Set([
  'corp-not-same-origin', 'corp-not-same-site', 'corp-not-same-origin-after-defaulted-to-same-origin-by-coep',
]);

export function isChromiumCorpReason(reason: string): boolean {
  return CHROMIUM_CORP_REASONS.has(reason);
}

export function isFirefoxCorpReason(value: string): value is FirefoxCorpReason {
  return value === FIREFOX_CORP_REASON;
}

/** The line Firefox prints for the refused response at `url`. */
export function firefoxCorpLine(url: string): string {
  return `${BEFORE}${url}${AFTER}${SEE}`;
}

/**
 * Reads one of Firefox's error entries: the CORP line and the URL it names, or null. Like the CORS lines it comes
 * as an error of Firefox's own (BiDi `log.entryAdded` of type `javascript`); a page's thrown text starts with
 * "uncaught exception: " there, so it cannot start as this line does.
 */
export function readFirefoxCorpLine(line: string): { reason: FirefoxCorpReason; url: string } | null {
  if (!line.startsWith(BEFORE) || !line.endsWith(`${AFTER}${SEE}`)) return null;
  const url = line.slice(BEFORE.length, line.length - AFTER.length - SEE.length);
  return url === '' || url.includes('”') ? null : { reason: FIREFOX_CORP_REASON, url };
}
