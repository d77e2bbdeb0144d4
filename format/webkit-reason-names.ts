/**
 * The Chromium checks each WebKit sentence speaks for: WebKit prints sentences (webkit-sentences.ts), coarser than
 * Chromium's names, so one sentence covers several of Chromium's checks. The WebKit model words a step with this map
 * (model/engine-webkit.ts), and a lesson page, which offers Chromium's names, grades a WebKit learner's choice right
 * when WebKit speaks of that check with the sentence that stopped the request (client/lessons/lesson-reasons.ts),
 * without downloading the model. Measured in WebKitGTK 2.50.6 (experiments/model/DEVIATIONS.md, "WebKit"); the
 * sentences come from WebKit's CrossOriginAccessControl.cpp and NetworkLoadChecker.cpp:
 * https://github.com/WebKit/WebKit/blob/main/Source/WebCore/loader/CrossOriginAccessControl.cpp
 */
import type { WebKitReason } from './webkit-sentences.ts';

/**
 * Chromium's names for a failed check of Access-Control-Allow-Origin. WebKit words them by the value it saw
 * (passesAccessControlCheck): a comma in it (a list, or two lines joined) "cannot contain more than one origin",
 * anything else "is not allowed", so a Chromium name says which sentence only for a missing header.
 */
export const ALLOW_ORIGIN_CHECKS: readonly string[] = [
  'MissingAllowOriginHeader', 'AllowOriginMismatch', 'InvalidAllowOriginValue', 'MultipleAllowOriginValues',
  'PreflightMissingAllowOriginHeader', 'PreflightAllowOriginMismatch', 'PreflightInvalidAllowOriginValue',
  'PreflightMultipleAllowOriginValues',
];

/**
 * A redirect WebKit refuses to follow for a CORS request (credentials in the URL, another scheme, a Location that
 * does not parse): "Cross-origin redirection to URL denied by Cross-Origin Resource Sharing policy: why".
 */
export const REFUSED_REDIRECTS: readonly string[] = [
  'RedirectContainsCredentials', 'CorsDisabledScheme', 'net::ERR_INVALID_REDIRECT', 'net::ERR_UNSAFE_REDIRECT',
];

/** Chromium's BlockedReason for a frame refused by X-Frame-Options or CSP frame-ancestors (model/frame-load.ts). */
const REFUSED_FRAME = 'other';
/**
 * Chromium's only word for a redirect under `redirect: 'error'` (no CORS error): WebKit's sentence for it, only
 * there (the same network error has other causes).
 */
const REDIRECT_MODE_ERROR = 'net::ERR_FAILED';

/**
 * Each WebKit sentence with Chromium's names of the checks it speaks for. A preflight's failure and a response's share
 * a sentence. A check that fails on a redirect's answer is said inside WebKitRedirectDenied (its own sentence after
 * "policy: "): see sentenceChecks.
 */
export const WEBKIT_CHECKS: Readonly<Record<WebKitReason, readonly string[]>> = {
  WebKitAllowOriginNotAllowed: ALLOW_ORIGIN_CHECKS,
  WebKitMultipleAllowOrigins: ALLOW_ORIGIN_CHECKS.filter((name) => !name.includes('Missing')),
  WebKitWildcardWithCredentials: ['WildcardOriginNotAllowed', 'PreflightWildcardOriginNotAllowed'],
  WebKitAllowCredentialsNotTrue: ['InvalidAllowCredentials', 'PreflightInvalidAllowCredentials'],
  // validatePreflightResponse checks the status before anything else; a redirected preflight is a 3xx status.
  WebKitPreflightNotSuccessful: ['PreflightInvalidStatus', 'PreflightDisallowedRedirect'],
  WebKitMethodNotAllowed: ['MethodDisallowedByPreflightResponse'],
  WebKitHeaderNotAllowed: ['HeaderDisallowedByPreflightResponse'],
  WebKitInvalidAllowMethods: ['InvalidAllowMethodsPreflightResponse'],
  WebKitInvalidAllowHeaders: ['InvalidAllowHeadersPreflightResponse'],
  WebKitRedirectDenied: REFUSED_REDIRECTS,
  WebKitRedirectNotAllowed: [REDIRECT_MODE_ERROR],
  WebKitResourcePolicy: [
    'corp-not-same-origin', 'corp-not-same-site', 'corp-not-same-origin-after-defaulted-to-same-origin-by-coep',
  ],
  WebKitFrameOptionsRefused: [REFUSED_FRAME],
  WebKitFrameAncestorsRefused: [REFUSED_FRAME],
};

/**
 * Chromium's names a lesson may offer for which WebKit prints no CORS sentence: the page refuses the request before
 * sending (a mode, a redirect mode), Local Network Access (Chromium only), COEP on a frame, mixed content (WebKit
 * refuses it without a CORS line), a same-origin request redirected away. A block so named is not graded on the
 * reason in WebKit.
 */
export const WEBKIT_SILENT: ReadonlySet<string> = new Set([
  'DisallowedByMode', 'NoCorsRedirectModeNotFollow', 'InvalidLocalNetworkAccess', 'LocalNetworkAccessPermissionDenied',
  'coep-frame-resource-needs-coep-header', 'mixed-content', 'origin',
]);

/**
 * The WebKit sentence a Chromium check is said with when the name alone decides it (not an Access-Control-Allow-Origin
 * failure, worded by the value, nor a refused redirect or frame, worded by what was refused, nor a network error);
 * else null.
 */
export function sentenceOfCheck(check: string): WebKitReason | null {
  const byValue = ALLOW_ORIGIN_CHECKS.includes(check) || REFUSED_REDIRECTS.includes(check);
  if (byValue || check === REFUSED_FRAME || check === REDIRECT_MODE_ERROR) return null;
  const found = Object.entries(WEBKIT_CHECKS).find(([, checks]) => checks.includes(check));
  return found ? (found[0] as WebKitReason) : null;
}

/**
 * Chromium's names of the checks WebKit says with the sentence it printed, `sentence` (none for another engine's
 * reason; a string, so a lesson page need not download the sentences to ask). `check` is Chromium's name of
 * the check that failed: where WebKit wraps a failed redirect answer in WebKitRedirectDenied, the sentence after
 * "policy: " is that check's own, and the names are those of every sentence that can say that check.
 */
export function sentenceChecks(sentence: string, check: string | null): readonly string[] {
  if (!Object.hasOwn(WEBKIT_CHECKS, sentence)) return [];
  if (sentence !== 'WebKitRedirectDenied' || check === null || REFUSED_REDIRECTS.includes(check)) {
    return WEBKIT_CHECKS[sentence as WebKitReason];
  }
  const inner = Object.values(WEBKIT_CHECKS).filter((checks) => checks.includes(check));
  return [...new Set(inner.flat())];
}
