/**
 * Where an engine's flow differs from Chromium's, as switches the model reads (predict.ts,
 * preflight.ts, cookie-jar.ts). Chromium's rules are the model's default; each other engine's
 * are in its own file (engine-firefox.ts) and listed, with the experiment that shows each, in
 * DEVIATIONS.md. Differences of words only (the reasons' names) are not here: the engine's file
 * renames them.
 */
import type { PageRules } from './page-rules.ts';

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
   * A cached `Access-Control-Allow-Headers: *` covers any header name later (Chromium), or only the names
   * the preflight was made for (Firefox caches those names, not the wildcard).
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
