/**
 * Where an engine's flow differs from Chromium's, as switches the model reads (predict.ts,
 * preflight.ts, cookie-jar.ts). Chromium's rules are the model's default; each other engine's
 * are in its own file (engine-firefox.ts) and listed, with the experiment that shows each, in
 * DEVIATIONS.md. Differences of words only (the reasons' names) are not here: the engine's file
 * renames them.
 */
import type { PageRules } from './page-rules.ts';
import type { SafelistRules } from './request-headers.ts';

export interface EngineRules {
  /**
   * Once a request needed a preflight, every later hop of its redirects gets one too (Firefox keeps
   * its "preflight required" flag across redirects), even a GET that a 301 made simple.
   */
  preflightEveryHopOnceNeeded: boolean;
  /**
   * The Origin of a preflight after a cross-origin redirect: `tainted` is the Fetch standard's
   * "null" (https://fetch.spec.whatwg.org/#serializing-a-request-origin); `page` is the page's origin.
   */
  redirectedPreflightOrigin: 'tainted' | 'page';
  /**
   * A 3xx with an empty Location: `response` (Chromium: no redirect, the 3xx is the answer) or
   * `follow` (the standard: parsed against the response's own URL, a loop to the redirect limit).
   * https://fetch.spec.whatwg.org/#concept-response-location-url
   */
  emptyLocation: 'response' | 'follow';
  /** Preflight-cache entries for an opaque page origin: never made (Chromium) or kept as any other. */
  cachesOpaqueOriginPreflight: boolean;
  /**
   * A preflight-cache entry made by a request with credentials also serves one without (Chromium), or only
   * requests with credentials, as the standard's cache key says. https://fetch.spec.whatwg.org/#cors-preflight-cache
   */
  credentialedEntryServesUncredentialed: boolean;
  /**
   * A cached `Access-Control-Allow-Headers: *` (or `Allow-Methods: *`) covers any header name (method) later
   * (Chromium), or only the names and the method the preflight was made for (Firefox caches those, not the wildcard;
   * measured: cache-wildcard-headers-new-name, probe-cache-515).
   */
  cachedWildcardCoversNewHeaders: boolean;
  /** A cookie without SameSite: treated as `Lax` (Chromium) or as `None` (Firefox's `laxByDefault` is off). */
  unsetSameSite: 'lax' | 'none';
  /** With third-party cookies blocked, a cross-site `Partitioned` cookie still works (Chromium) or is refused too. */
  partitionedWhenThirdPartyBlocked: boolean;
  /**
   * The HTTP cache is keyed by the page's top-level site as well as the URL (Chromium; absent: true).
   * WebKitGTK 2.50 keys it by URL only: a page of another site gets a copy another site's request stored.
   */
  httpCacheKeyedByTopSite?: boolean;
  /**
   * A `Secure` cookie set over http://localhost or http://127.0.0.1 (secure contexts) is kept and sent there
   * (Chromium; absent: true). WebKitGTK's cookie store (libsoup) sends a Secure cookie only over https.
   */
  secureCookiesOnLoopbackHttp?: boolean;
  /** `SameSite=None` without `Secure` is refused (Chromium; absent: true). WebKitGTK accepts it. */
  sameSiteNoneNeedsSecure?: boolean;
  /** Format 1.2: the page's own policies and what it may read (page-rules.ts); absent, Chromium's. */
  pagePolicies?: PageRules;
  /**
   * Cookies compare sites with their scheme (Chromium; absent: true): `https://localhost` and `http://localhost`
   * are two sites. Firefox compares hosts only (`network.cookie.sameSite.schemeful` is off).
   * https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-same-site-and-cross-site-requests
   */
  schemefulSameSite?: boolean;
  /**
   * An https page's `fetch` of an http loopback URL is blocked as mixed content (absent: false). Chromium and Firefox
   * take loopback as potentially trustworthy and send it; WebKitGTK 2.50 blocks it (an `<img>` of it still loads).
   * https://w3c.github.io/webappsec-mixed-content/#a-priori-authenticated-url
   */
  loopbackHttpIsMixedContent?: boolean;
  /**
   * A DELETE redirected to another origin goes on as a GET, whatever the redirect status (absent: false). The
   * standard keeps the method on 307 and 308 (https://fetch.spec.whatwg.org/#http-redirect-fetch step 12);
   * WebKitGTK 2.50's network layer changes it (NetworkDataTaskSoup, shouldRedirectAsGET).
   */
  crossOriginDeleteRedirectsAsGet?: boolean;
  /**
   * Local Network Access is enforced: a public page needs the user's permission to reach a loopback or local
   * address (Chromium; absent: true). Firefox 153 ESR and WebKitGTK 2.50 send the request as any other, and ignore
   * the `targetAddressSpace` option (measured: probe-more-lna-* in test/probes/wpt-more-cases.ts).
   */
  localNetworkAccess?: boolean;
  /**
   * A redirect's Location is parsed, and a local scheme refused, before the redirect mode is looked at (Chromium's
   * network stack; absent: true): "manual" and "error" fail on a Location that does not parse. The standard, Firefox
   * and WebKit look at the mode first (https://fetch.spec.whatwg.org/#http-fetch step 8): "manual" gives the
   * opaque-redirect response, "error" fails as a redirect, and only a followed redirect parses its Location
   * (measured: probe-more-redirect-location-186, -187, -192).
   */
  locationBeforeRedirectMode?: boolean;
  /**
   * A CORS request redirected to ws: or wss: fails as an unknown scheme, with no CORS message (Chromium; absent:
   * true). Firefox and WebKit refuse it as any scheme that is not HTTP(S), with their CORS line
   * (measured: probe-more-redirect-location-230).
   */
  socketSchemeRedirectIsUnknownScheme?: boolean;
  /**
   * WebKitGTK 2.50 has no FTP: a redirect to ftp: fails as a load error, whatever the redirect mode, with no CORS
   * line (absent: false; measured: probe-more-redirect-location-196, -197, redirect-to-ftp-cors).
   */
  ftpRedirectFailsToLoad?: boolean;
  /**
   * With redirect mode "error", a 3xx whose Location is empty is no redirect: the 3xx is the response (WebKitGTK 2.50,
   * which follows it under "follow"; absent: false; measured: probe-more-redirect-location-182).
   */
  emptyLocationIsResponseWhenError?: boolean;
  /**
   * Cookie jar: the `__Secure-` and `__Host-` name prefixes are enforced (Chromium and Firefox, case-insensitively;
   * absent: true). WebKitGTK 2.50 keeps such a cookie over http without Secure (measured: probe-more-cookies-134,
   * -136, -143). https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-cookie-name-prefixes
   */
  cookiePrefixesEnforced?: boolean;
  /**
   * Cookie jar: of Max-Age and Expires, the one written last decides (WebKitGTK's libsoup; absent: false, Max-Age
   * wins whatever the order, RFC 6265 5.3 step 3). Measured: probe-more-cookies-142 (`Max-Age=60; Expires=` a past
   * date: not kept) and the same attributes the other way round (kept).
   */
  laterOfMaxAgeAndExpiresWins?: boolean;
  /**
   * Cookie jar: a Set-Cookie line with an "=" and nothing before it is refused (Firefox 153; absent: false, a
   * nameless cookie as RFC 6265bis 5.6 keeps it). Measured: probe-more-cookies-140 (`=1`).
   */
  emptyNameRefused?: boolean;
  /**
   * Cookie jar: a line whose name and value are both empty (`=`) is kept (WebKitGTK 2.50; absent: false, ignored as
   * RFC 6265bis 5.6 step 6 says, measured in Chromium 156 and Firefox 153).
   */
  emptyCookieKept?: boolean;
  /**
   * How the CORS-safelisted request headers differ (request-headers.ts, SafelistRules; absent: Chromium's, which
   * adds the client hints). Firefox 153: no client hints, a byte beyond ASCII in Accept or Content-Type makes it
   * unsafe (measured: probe-safelist-37, probe-more-headers-80, -85). WebKitGTK 2.50: no client hints, the Range
   * unit in any case (probe-safelist-36).
   */
  safelist?: SafelistRules;
  /**
   * A POST that is not in mode "cors" (no-cors, or same-origin's) carries `Origin: null` where its referrer policy
   * says so: `no-referrer`, `same-origin` to another origin, a downgrade under the strict policies
   * (https://fetch.spec.whatwg.org/#append-a-request-origin-header step 4; Firefox and WebKit; absent: false,
   * Chromium keeps the page's origin). Measured: probe-modes-528, -531.
   */
  referrerPolicyNullsOrigin?: boolean;
  /**
   * An Access-Control-Max-Age that is present but no whole number ("abc", "0.5", "+600", "0, 600") gives the
   * default 5 s (Chromium; absent: true), or caches nothing (Firefox 153: probe-cache-510, -608, -610 to -615).
   */
  invalidMaxAgeCaches?: boolean;
  /**
   * Cookie jar: the `Partitioned` attribute is not known, so it neither needs `Secure` nor partitions (WebKitGTK
   * 2.50's libsoup; absent: false). Measured: probe-cookie-policy-blocked-9 (`SameSite=None; Partitioned` without
   * `Secure`, kept and sent back).
   */
  partitionedAttributeIgnored?: boolean;
  /**
   * `Cross-Origin-Resource-Policy: same-site` judges an opaque (sandboxed) page by the site that served it (Chromium;
   * absent: true), or, as the standard, by no site at all: refused (Firefox, WebKit; measured: probe-modes-675).
   * https://fetch.spec.whatwg.org/#cross-origin-resource-policy-internal-check
   */
  corpOpaquePageHasPrecursorSite?: boolean;
  /**
   * An element's CORS request (`crossorigin` set) to the page's own origin carries `Origin` (Chromium 156 and
   * WebKitGTK 2.50; absent: true), or none, as the standard says for a same-origin GET (Firefox 153;
   * https://fetch.spec.whatwg.org/#append-a-request-origin-header). Measured: an `<img crossorigin>`,
   * `<script crossorigin>` and `<link rel=stylesheet crossorigin>` of app from app (probe-elements-img-7, -script-43,
   * -stylesheet-79 in test/probes/elements-cases.ts).
   */
  corsElementAlwaysSendsOrigin?: boolean;
  /**
   * The HTTP cache is keyed by the request's credentials mode as well: a request without credentials never gets the
   * answer one with credentials stored (Firefox, its `LOAD_ANONYMOUS` key; absent: false). Measured:
   * probe-http-cache-655.
   */
  httpCacheKeyedByCredentials?: boolean;
  /**
   * `Cache-Control: max-age="60"` (the quoted form RFC 9111 5.2 says a recipient should accept) makes the answer
   * fresh (WebKitGTK 2.50; absent: false, Chromium reads bare digits only). Measured: probe-http-cache-627.
   */
  quotedCacheControlValues?: boolean;
}

export const CHROMIUM_RULES: EngineRules = {
  preflightEveryHopOnceNeeded: false,
  redirectedPreflightOrigin: 'tainted',
  emptyLocation: 'response',
  cachesOpaqueOriginPreflight: false,
  credentialedEntryServesUncredentialed: true,
  cachedWildcardCoversNewHeaders: true,
  unsetSameSite: 'lax',
  partitionedWhenThirdPartyBlocked: true,
};
