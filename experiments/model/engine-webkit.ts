/**
 * The model for WebKit. WebKit runs the Fetch standard's CORS check
 * (https://fetch.spec.whatwg.org/#cors-check) as Chromium does, so the model's prediction holds for
 * it but for the words (format/webkit-sentences.ts: coarser sentences, one for a missing,
 * mismatched or invalid Access-Control-Allow-Origin) and the measured differences in
 * WEBKIT_DEVIATIONS, each listed with the experiment that shows it in DEVIATIONS.md ("WebKit").
 * Measured in WebKitGTK 2.50.6 through engines/webkit/webkit-browser.ts.
 */
import { resolveRequest, type Experiment } from '../../format/schema.ts';
import { SECURITY_LINE, webkitSentence, type WebKitReason } from '../../format/webkit-sentences.ts';
import { ALLOW_ORIGIN_CHECKS, REFUSED_REDIRECTS, sentenceOfCheck } from '../../format/webkit-reason-names.ts';
import type { EngineRules } from './engine-rules.ts';
import type { PredictedRequest, StepPrediction } from './prediction.ts';
import { failedCheck, type Check } from './trace.ts';
import { webkitFrameWords } from './frame-refusal-lines.ts';
import { wentCrossOrigin } from './step-origin.ts';

/**
 * Where WebKitGTK 2.50's flow differs from Chromium's (predict with these: predictExperimentAsync(..., WEBKIT_RULES)).
 * Each is measured through engines/webkit/webkit-browser.ts and listed with its experiment in DEVIATIONS.md.
 */
export const WEBKIT_RULES: EngineRules = {
  preflightEveryHopOnceNeeded: false,
  redirectedPreflightOrigin: 'tainted',
  // redirect-empty-location: WebKit follows the empty Location (to the same URL) and fails the fetch.
  emptyLocation: 'follow',
  // null-origin-preflight-never-cached: WebKit keys its preflight cache by the origin object, opaque ones too.
  cachesOpaqueOriginPreflight: true,
  // Switches added for Firefox (merged in after WebKit was measured): Chromium's, which the catalog run in WebKit
  // holds to cache-credentialed-entry-without-credentials and cache-wildcard-headers-new-name.
  credentialedEntryServesUncredentialed: true,
  cachedWildcardCoversNewHeaders: true,
  // cookies-cross-site-default-samesite-3pc-allowed: no "Lax by default".
  unsetSameSite: 'none',
  // cookies-cross-site-partitioned-3pc-blocked: no CHIPS exception to the no-third-party policy.
  partitionedWhenThirdPartyBlocked: false,
  // cache-poisoning-other-site-partition: WebKitGTK's HTTP cache is keyed by URL only.
  httpCacheKeyedByTopSite: false,
  // redirect-delete-307-other-origin: the DELETE reaches the next origin as a GET, with no preflight.
  crossOriginDeleteRedirectsAsGet: true,
  // cookies-cross-site-none-secure-3pc-allowed: libsoup sends a Secure cookie over https only.
  secureCookiesOnLoopbackHttp: false,
  // cookies-none-without-secure-3pc-allowed: SameSite=None without Secure is kept.
  sameSiteNoneNeedsSecure: false,
  // isolation-coep-credentialless-loads-image: no COEP credentialless; isolation-coop-and-coep-isolate: isolated,
  // yet no SharedArrayBuffer (page-rules.ts).
  pagePolicies: {
    coepCredentialless: false, sharedArrayBufferWhenIsolated: false, mutesCrossOriginScriptErrors: true,
  },
  // mixed-content-https-page-fetches-loopback-http-api: the fetch never leaves.
  loopbackHttpIsMixedContent: true,
  // probe-more-lna-249: no Local Network Access; a public page's request reaches the loopback API.
  localNetworkAccess: false,
  // probe-more-redirect-location-186: "manual" gives the opaque-redirect response though the Location does not parse.
  locationBeforeRedirectMode: false,
  // probe-more-redirect-location-230: a CORS redirect to ws: is refused as any scheme that is not HTTP(S).
  socketSchemeRedirectIsUnknownScheme: false,
  // probe-more-redirect-location-196: an ftp: Location fails the load even with redirect "manual".
  ftpRedirectFailsToLoad: true,
  // probe-more-redirect-location-182: under "error", a 302 with an empty Location is the response.
  emptyLocationIsResponseWhenError: true,
  // probe-more-cookies-134: a `__Host-` cookie over http, without Secure, is kept and sent.
  cookiePrefixesEnforced: false,
  // probe-more-cookies-142: `Max-Age=60; Expires=` a past date deletes; the other order keeps.
  laterOfMaxAgeAndExpiresWins: true,
  // A Set-Cookie of only "=" is kept (measured beside probe-more-cookies-140).
  emptyCookieKept: true,
  // probe-cookie-policy-blocked-9: `SameSite=None; Partitioned` without Secure is kept, as a plain cookie.
  partitionedAttributeIgnored: true,
  // probe-modes-675: CORP same-site refuses a sandboxed page's no-cors load.
  corpOpaquePageHasPrecursorSite: false,
  // probe-http-cache-627: `max-age="60"` makes the answer fresh.
  quotedCacheControlValues: true,
  // probe-safelist-37 (DPR): preflighted; probe-safelist-36 (Range: BYTES=0-1): not.
  safelist: { clientHints: false, rangeUnitAnyCase: true },
  // probe-modes-528: a no-cors POST under referrerPolicy no-referrer says `Origin: null`.
  referrerPolicyNullsOrigin: true,
};
/**
 * Header names WebKit knows (HTTPHeaderNames.in,
 * https://github.com/WebKit/WebKit/blob/main/Source/WebCore/platform/network/HTTPHeaderNames.in):
 * it prints these in their own spelling; others as the request holds them (fetch's Headers: lower-case).
 */
const KNOWN_HEADER_NAMES = new Map([
  'Accept', 'Accept-Charset', 'Accept-Language', 'Accept-Encoding', 'Accept-Ranges',
  'Access-Control-Allow-Credentials', 'Access-Control-Allow-Headers', 'Access-Control-Allow-Methods',
  'Access-Control-Allow-Origin', 'Access-Control-Expose-Headers', 'Access-Control-Max-Age',
  'Access-Control-Request-Headers', 'Access-Control-Request-Method', 'Age', 'Authorization', 'Cache-Control',
  'Connection', 'Content-Disposition', 'Content-Encoding', 'Content-Language', 'Content-Length', 'Content-Type',
  'Content-Range', 'Cookie', 'Date', 'DNT', 'ETag', 'Expect', 'Expires', 'Host', 'If-Match', 'If-Modified-Since',
  'If-None-Match', 'If-Range', 'If-Unmodified-Since', 'Keep-Alive', 'Last-Event-ID', 'Last-Modified', 'Location',
  'Origin', 'Pragma', 'Range', 'Referer', 'Server', 'Set-Cookie', 'TE', 'Trailer', 'Transfer-Encoding', 'Upgrade',
  'User-Agent', 'Vary', 'Via', 'X-Content-Type-Options', 'X-Frame-Options',
  // In the list since 2014 (HTTPHeaderNames.in), and Referrer-Policy (measured: probe-more-forbidden-293).
  'Alternate-Protocol', 'Content-Security-Policy', 'Content-Security-Policy-Report-Only', 'Content-Transfer-Encoding',
  'Cookie2', 'Default-Style', 'Ping-From', 'Ping-To', 'Purpose', 'Refresh', 'Sec-WebSocket-Accept',
  'Sec-WebSocket-Extensions', 'Sec-WebSocket-Key', 'Sec-WebSocket-Protocol', 'Sec-WebSocket-Version', 'Set-Cookie2',
  'Timing-Allow-Origin', 'X-DNS-Prefetch-Control', 'X-Powered-By', 'X-XSS-Protection', 'Referrer-Policy',
].map((name) => [name.toLowerCase(), name]));

/**
 * A header value as the lab reads WebKit's line: a byte beyond ASCII (the lab sends values as latin1) becomes U+FFFD,
 * whose UTF-8 bytes arrive read as latin1, "ï¿½" (measured: probe-more-methods-63, `PÜT` → `Pï¿½T`).
 */
function asWebKitPrints(value: string): string {
  return value.replace(/[^\x00-\x7f]/g, '\u00ef\u00bf\u00bd');
}

/** A request header's name as WebKit prints it. */
function printedHeaderName(written: string, api: string): string {
  return KNOWN_HEADER_NAMES.get(written.toLowerCase()) ?? (api === 'fetch' ? written.toLowerCase() : written);
}

const ALLOW_ORIGIN = 'access-control-allow-origin';
/** The Location schemes WebKit names in its refusal of a same-origin request's redirect (the others: no line). */
const SAID_FOR_SAME_ORIGIN = ['data:', 'about:', 'javascript:', 'filesystem:'];

/** The value of a header a failed check looked at (null: absent). */
const checkedValue = (failed: Check | undefined, name: string): string | null =>
  failed?.headers.find(([header]) => header.toLowerCase() === name)?.[1] ?? null;

/** The answer the failed check read (none in this step: a cached one). */
function answerChecked(step: StepPrediction, failed: Check | undefined): PredictedRequest | undefined {
  const kind = failed?.stage === 'preflight' ? 'preflight' : 'actual';
  return step.requests.findLast((r) => r.hop === failed?.hop && r.kind === kind);
}

/** The step's own request and the facts a sentence names. */
interface StepWords {
  step: StepPrediction;
  /** The answer WebKit checked: this step's, or the cached one an earlier step stored. */
  answer: PredictedRequest | undefined;
  /** The request's header lines as the page wrote them (WebKit names a header so). */
  headerNames: readonly string[];
  method: string;
  redirectMode: string;
  corsMode: boolean;
  /** A request of the step went to another origin than the page's (step-origin.ts). */
  crossOrigin: boolean;
  api: string;
  /** The origin WebKit names: the checked request's Origin, or the page's for an answer from the cache. */
  origin: string;
}

/** The value of Access-Control-Allow-Origin as WebKit reads it: several lines joined by ", ". */
function allowOriginValue(words: StepWords, failed: Check | undefined): string | null {
  const lines = words.answer?.responseHeaders.filter(([name]) => name.toLowerCase() === ALLOW_ORIGIN) ?? [];
  return lines.length > 0 ? lines.map(([, v]) => v).join(', ') : checkedValue(failed, ALLOW_ORIGIN);
}

/** Where the refused redirect leads, as WebKit prints it (no credentials; an unparsable Location as written). */
function redirectTarget(answer: PredictedRequest | undefined): { url: string; withCredentials: string } {
  const location = answer?.responseHeaders.find(([name]) => name.toLowerCase() === 'location')?.[1] ?? '';
  try {
    const next = new URL(location, answer?.url);
    const withCredentials = next.href;
    next.username = '';
    next.password = '';
    return { url: next.href, withCredentials };
  } catch {
    return { url: location, withCredentials: location };
  }
}

interface Said {
  reason: WebKitReason;
  sentence: string;
}

const said = (reason: WebKitReason, values: Readonly<Record<string, string | number>>): Said =>
  ({ reason, sentence: webkitSentence(reason, values) });

/** WebKit's reason and the sentence it prints for one step; null where it prints no CORS line. */
function webkitWords(words: StepWords): Said | null {
  const { step } = words;
  const chromium = step.reason;
  if (chromium === null || step.outcome !== 'blocked') return null;
  const failed = failedCheck(step.checks);
  const answer = words.answer;
  const status = answer?.status ?? '';
  const origin = words.origin;
  // validatePreflightResponse: a status outside 200-299 first, whatever else the preflight says.
  if (failed?.stage === 'preflight' && answer && (answer.status < 200 || answer.status > 299)) {
    return said('WebKitPreflightNotSuccessful', { status });
  }
  if (words.redirectMode === 'error' && chromium === 'net::ERR_FAILED' && failed?.stage === 'redirect') {
    return said('WebKitRedirectNotAllowed', { url: answer?.url ?? '' });
  }
  let inner: Said;
  if (ALLOW_ORIGIN_CHECKS.includes(chromium)) {
    const several = allowOriginValue(words, failed)?.includes(',');
    inner = said(several ? 'WebKitMultipleAllowOrigins' : 'WebKitAllowOriginNotAllowed', { origin, status });
  } else if (REFUSED_REDIRECTS.includes(chromium) && words.corsMode) {
    const target = redirectTarget(answer);
    // WebKitGTK 2.50 has no FTP: a redirect to ftp: fails as a load error, with no CORS line (redirect-to-ftp-cors).
    if (target.url.startsWith('ftp:')) return null;
    // A same-origin request's redirect to a Location that does not parse, or to file:, blob:, ws: or wss:, fails in
    // the network process with no line; to data:, about:, javascript: or filesystem: WebKit says it refused it
    // (measured: probe-more-redirect-location-189, -194, -204, -214, -219, -234).
    if (!words.crossOrigin && !SAID_FOR_SAME_ORIGIN.some((scheme) => target.url.startsWith(scheme))) return null;
    const why = chromium === 'RedirectContainsCredentials'
      ? `redirection URL ${target.withCredentials} has credentials`
      : 'not allowed to follow a cross-origin CORS redirection with non CORS scheme';
    return said('WebKitRedirectDenied', { url: target.url, why });
  } else {
    const reason = sentenceOfCheck(chromium);
    if (!reason) return null;
    const written = words.headerNames.find((name) => name.toLowerCase() === step.failedParameter?.toLowerCase());
    const methods = reason === 'WebKitInvalidAllowMethods';
    const listed = methods ? 'access-control-allow-methods' : 'access-control-allow-headers';
    inner = said(reason, {
      method: words.method,
      header: printedHeaderName(written ?? step.failedParameter ?? '', words.api),
      value: asWebKitPrints(checkedValue(failed, listed) ?? ''),
      url: answer?.url ?? '',
    });
  }
  // A redirect's answer failed the check: WebKit says so about the redirect, the check's words after it; its
  // Cross-Origin-Resource-Policy too (measured: test/probes/wpt-third-cases.ts, a no-cors hop without CORP under COEP).
  if (failed?.stage === 'redirect') {
    const why = inner.sentence;
    return said('WebKitRedirectDenied', { url: redirectTarget(answer).url, why });
  }
  return inner;
}

/** A step as WebKit is predicted to see it: the reason is WebKit's sentence id, with the line it prints. */
export interface WebKitStepPrediction extends StepPrediction {
  /** The console line WebKit prints for the step (null: none). */
  console: string | null;
}

/**
 * The model's predictions made with WEBKIT_RULES, in WebKit's words: the reason is WebKit's sentence id and
 * `console` the line it prints (CONSOLE SECURITY ERROR, then the sentence).
 */
export function webkitPredictions(
  experiment: Experiment,
  predictions: StepPrediction[],
  /** Each step's page origin, serialized ("null" for an opaque one). */
  pageOrigins: readonly string[],
): WebKitStepPrediction[] {
  return predictions.map((step, i) => {
    const frame = webkitFrameWords(step, pageOrigins[i]);
    if (frame) return { ...step, reason: frame.reason, console: `${SECURITY_LINE}${frame.sentence}` };
    const request = resolveRequest(experiment.request, i === 0 ? undefined : experiment.then?.[i - 1]?.request);
    // A beacon's CORS failure, which its page never sees (sending.ts): WebKit prints its sentence all the same
    // (measured: beacon-json-blob-wildcard); the step's reason stays null, as Chromium's.
    const unseen = step.unseenFailure;
    const judged = unseen ? { ...step, outcome: 'blocked' as const, ...unseen } : step;
    const failed = failedCheck(step.checks);
    // An answer from the HTTP cache: the one an earlier step stored, with its status.
    const own = answerChecked(step, failed);
    const answer = own ?? predictions.slice(0, i).flatMap((s) => s.requests).findLast((r) => r.kind === 'actual');
    const words = webkitWords({
      step: judged,
      answer,
      headerNames: Object.keys(request.headers),
      method: step.requests.findLast((r) => r.kind === 'preflight')?.accessControlRequestMethod ?? request.method,
      redirectMode: request.redirect,
      corsMode: request.api === 'xhr' || request.mode === 'cors',
      crossOrigin: wentCrossOrigin(step, pageOrigins[i]),
      api: request.api,
      origin: own?.originHeader ?? pageOrigins[i] ?? '',
    });
    const reason = unseen ? null : (words?.reason ?? null);
    return { ...step, reason, console: words ? `${SECURITY_LINE}${words.sentence}` : null };
  });
}
