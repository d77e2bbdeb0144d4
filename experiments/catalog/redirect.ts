/**
 * Redirects across origins: each hop gets its own CORS check, and after a
 * cross-origin redirect the origin becomes "null" (tainted).
 * https://fetch.spec.whatwg.org/#http-redirect-fetch
 */
import type { ExperimentInput } from '../../format/schema.ts';

const STAR = { 'Access-Control-Allow-Origin': '*' };
/** A 302 answer's headers: any origin allowed, and this Location. */
const STAR_LOCATION = (location: string) => ({ ...STAR, Location: location });
/** A preflight answer that lets a JSON POST or a PUT through from any origin, the tainted `null` included. */
const PREFLIGHT_ANY = { headers: { ...STAR, 'Access-Control-Allow-Methods': 'PUT, POST', 'Access-Control-Allow-Headers': 'content-type' } };
const JSON_POST = { target: 'api', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' } as const;

export const redirect: ExperimentInput[] = [
  {
    id: 'redirect-cross-origin-null-origin',
    title: 'After a redirect to another origin, the next hop sees Origin: null',
    group: 'redirect',
    explain: 'A request redirected from `api` to `api2` carries `Origin: null` at `api2`: the request is now "tainted", so the final answer must allow `null` or `*`.',
    request: { target: 'api' },
    server: { redirects: [{ status: 302, to: 'api2', headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    expect: { outcome: 'allowed', preflight: false, reachedServer: true, originSeen: 'null' },
  },
  {
    id: 'redirect-cross-origin-page-origin-fails',
    title: 'After a cross-origin redirect, allowing the page origin no longer matches',
    group: 'redirect',
    explain: 'The final server allowed the page origin, but the request now carries `Origin: null`, so the check fails.\n\n**Fix:** avoid cross-origin redirects for CORS requests, or allow `*` on the final answer.',
    request: { target: 'api' },
    server: { redirects: [{ status: 302, to: 'api2', headers: { 'Access-Control-Allow-Origin': '{page}' } }], actual: { headers: { 'Access-Control-Allow-Origin': '{page}' } } },
    expect: { outcome: 'blocked', reason: 'AllowOriginMismatch', preflight: false, reachedServer: true, originSeen: 'null' },
  },
  {
    id: 'redirect-hop-missing-acao',
    title: 'The redirect answer itself needs Access-Control-Allow-Origin',
    group: 'redirect',
    explain: 'Each cross-origin redirect answer is CORS-checked before the browser follows it; here the redirect from `api` has no CORS headers, so `api2` is never asked.',
    request: { target: 'api' },
    server: { redirects: [{ status: 307, to: 'api2' }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    expect: { outcome: 'blocked', reason: 'MissingAllowOriginHeader', preflight: false, reachedServer: false },
  },
  {
    id: 'redirect-userinfo',
    title: 'A redirect to a URL with credentials (user:pass@) is refused',
    group: 'redirect',
    explain: 'A CORS request may not be redirected to a URL that includes a username or password.',
    request: { target: 'api' },
    server: { redirects: [{ status: 302, to: 'api2', userinfo: 'user:pass', headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    expect: { outcome: 'blocked', reason: 'RedirectContainsCredentials', preflight: false, reachedServer: false },
  },
  {
    id: 'redirect-mode-error',
    title: 'redirect: "error" fails on any redirect',
    group: 'redirect',
    explain: 'With `redirect: "error"` a redirect answer is a network error. Chromium reports no CORS reason, only `net::ERR_FAILED`.',
    request: { target: 'api', redirect: 'error' },
    server: { redirects: [{ status: 302, to: 'api2', headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    expect: { outcome: 'blocked', reason: 'net::ERR_FAILED', preflight: false, reachedServer: false },
  },
  {
    id: 'redirect-mode-manual',
    title: 'redirect: "manual" gives an opaque-redirect response',
    group: 'redirect',
    explain: 'With `redirect: "manual"` the page gets an `opaqueredirect` response (status 0) and the redirect is not followed.',
    request: { target: 'api', redirect: 'manual' },
    server: { redirects: [{ status: 302, to: 'api2', headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    expect: { outcome: 'opaque', preflight: false, reachedServer: false, status: 0, responseType: 'opaqueredirect' },
  },
  {
    id: 'redirect-preflighted-second-preflight',
    title: 'A preflighted request redirected to another origin gets a second preflight there',
    group: 'redirect',
    explain: 'After a cross-origin redirect the browser preflights again at the new origin, now with `Origin: null`, so the answers must allow `null` or `*`.',
    request: { target: 'api', method: 'PUT' },
    server: {
      preflight: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' } },
      redirects: [{ status: 307, to: 'api2', headers: { 'Access-Control-Allow-Origin': '*' } }],
      actual: { headers: { 'Access-Control-Allow-Origin': '*' } },
    },
    expect: { outcome: 'allowed', preflight: true, reachedServer: true, originSeen: 'null' },
  },
  {
    id: 'redirect-same-origin-mode-leaves-origin',
    title: 'mode "same-origin" fails when a same-origin URL redirects to another origin',
    group: 'redirect',
    explain: 'The first request stays on the page origin, so `mode: "same-origin"` lets it go; its redirect to `api` would leave the origin, so the browser stops there. Chromium reports this one as the blocked reason `origin`, not as a CORS error.\n\n**Fix:** use `mode: "cors"` if the redirect is intended, or keep the redirect on the same origin.',
    request: { target: 'app', mode: 'same-origin' },
    server: { redirects: [{ to: 'api', headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    expect: { outcome: 'blocked', reason: 'origin', preflight: false, reachedServer: false },
  },
  {
    id: 'redirect-no-cors-manual',
    title: 'mode "no-cors" with redirect "manual" is refused for a cross-origin URL',
    group: 'redirect',
    explain: 'A no-cors request to another origin must follow redirects: "manual" or "error" would let a page probe where other sites redirect. Chromium fails it with `NoCorsRedirectModeNotFollow` before sending anything.\n\n**Fix:** leave `redirect` at "follow" for no-cors requests.',
    request: { target: 'api', mode: 'no-cors', redirect: 'manual' },
    server: { redirects: [{ to: 'api2' }] },
    expect: { outcome: 'blocked', reason: 'NoCorsRedirectModeNotFollow', preflight: false, reachedServer: false },
  },
  {
    id: 'redirect-no-cors-follow',
    title: 'mode "no-cors" follows a cross-origin redirect to an opaque response',
    group: 'redirect',
    explain: 'The same request with `redirect: "follow"` goes through: no CORS checks at any hop, and the page gets an opaque response (status 0) from the last hop.',
    request: { target: 'api', mode: 'no-cors' },
    server: { redirects: [{ to: 'api2' }] },
    expect: { outcome: 'opaque', preflight: false, reachedServer: true, status: 0, responseType: 'opaque' },
  },
  {
    id: 'redirect-invalid-location',
    title: 'A redirect whose Location is not a URL fails the request',
    group: 'redirect',
    explain: 'A 302 with `Location: http://[bad` cannot be followed: Chromium fails the request with `net::ERR_INVALID_REDIRECT`, whatever the CORS headers or the redirect mode say. The request itself did reach the server.\n\n**Fix:** send a valid absolute or relative URL in `Location`.',
    request: { target: 'api' },
    server: { actual: { status: 302, headers: { 'Access-Control-Allow-Origin': '*', Location: 'http://[bad' } } },
    expect: { outcome: 'blocked', reason: 'net::ERR_INVALID_REDIRECT', preflight: false, reachedServer: true },
  },
  {
    id: 'redirect-to-data-url',
    title: 'A redirect to a data: URL fails in the network stack',
    group: 'redirect',
    explain:
      'A 302 with `Location: data:text/plain,hi` is refused before any CORS rule applies: Chromium never follows a redirect from the web to `data:`, `about:`, `file:` or `blob:` and fails the request with `net::ERR_UNSAFE_REDIRECT`, also in mode "no-cors" and with redirect "error" (only "manual" still sees the redirect). The Fetch standard says the same in its own words: a redirect may lead only to http(s) (https://fetch.spec.whatwg.org/#http-redirect-fetch step 6).\n\n**Fix:** redirect to an `http:` or `https:` URL.',
    request: { target: 'api' },
    server: { actual: { status: 302, headers: STAR_LOCATION('data:text/plain,hi') } },
    expect: { outcome: 'blocked', reason: 'net::ERR_UNSAFE_REDIRECT', preflight: false, reachedServer: true },
  },
  {
    id: 'redirect-to-ftp-cors',
    title: 'A CORS request redirected to ftp: is a CORS error',
    group: 'redirect',
    explain:
      'A redirect to `ftp://...` leaves the schemes CORS works with, and Chromium reports `CorsDisabledScheme`: "Cross origin requests are only supported for protocol schemes: ..., http, https, ...". No request goes out to the ftp URL (https://fetch.spec.whatwg.org/#http-redirect-fetch step 6).\n\n**Fix:** redirect to an `http:` or `https:` URL.',
    request: { target: 'api' },
    server: { actual: { status: 302, headers: STAR_LOCATION('ftp://127.0.0.1/x') } },
    expect: { outcome: 'blocked', reason: 'CorsDisabledScheme', preflight: false, reachedServer: true },
  },
  {
    id: 'redirect-empty-location',
    title: 'A 302 with an empty Location is the response itself in Chromium',
    group: 'redirect',
    explain:
      'The Fetch standard resolves an empty `Location` against the response\'s own URL, so following it would loop until the 20-redirect limit. Chromium instead treats the 302 as no redirect at all: the page reads status 302 like any answer that passed the CORS check (only redirect "manual" still sees an opaque redirect).\n\n**Fix:** send the URL to go to in `Location`, or no 3xx status.',
    request: { target: 'api' },
    server: { actual: { status: 302, headers: STAR_LOCATION('') } },
    expect: {
      outcome: 'allowed', preflight: false, reachedServer: true, status: 302, responseType: 'cors',
      // Firefox follows the standard: a redirect to itself, 20 times, then "CORS request did not succeed".
      engines: { firefox: { outcome: 'blocked', reason: 'CORSDidNotSucceed', status: null, responseType: null } },
    },
  },
  {
    id: 'redirect-301-post-becomes-get',
    title: 'A 301 or 302 turns a cross-origin POST into a GET without body',
    group: 'redirect',
    explain:
      'The JSON POST is preflighted at `api`, which answers `301`. Following it, the browser changes POST to GET and drops the body and its `Content-Type` (https://fetch.spec.whatwg.org/#http-redirect-fetch step 12), so the request at `api2` is a plain GET: no second preflight, and `api2` receives no body. The journal shows `OPTIONS` and `POST` at `api`, then `GET` at `api2` with `Origin: null`.\n\n**Fix:** to keep the method and body, redirect with `307` or `308`.',
    request: JSON_POST,
    server: { preflight: PREFLIGHT_ANY, redirects: [{ status: 301, to: 'api2', headers: STAR }], actual: { headers: STAR } },
    expect: {
      outcome: 'allowed', preflight: true, reachedServer: true, originSeen: 'null', requestHeadersSeen: 'content-type',
      // Firefox preflights the GET at api2 too (with the page's origin, no headers left to ask for).
      engines: { firefox: { requestHeadersSeen: null } },
    },
  },
  {
    id: 'redirect-308-keeps-post-preflights-again',
    title: 'A 308 keeps the POST and its body, so the new origin gets its own preflight',
    group: 'redirect',
    explain:
      '`307` and `308` keep the method, body and headers. The JSON POST therefore still needs a preflight at `api2`, sent with `Origin: null` because the cross-origin hop tainted the request. Here every answer allows `*`, so it passes.\n\n**Watch out:** the second preflight and the final answer must allow `null` or `*`; allowing the page origin no longer matches (see `redirect-second-preflight-refused`).',
    request: JSON_POST,
    server: { preflight: PREFLIGHT_ANY, redirects: [{ status: 308, to: 'api2', headers: STAR }], actual: { headers: STAR } },
    expect: { outcome: 'allowed', preflight: true, reachedServer: true, originSeen: 'null', requestHeadersSeen: 'content-type' },
  },
  {
    id: 'redirect-303-put-becomes-get',
    title: 'A 303 turns a PUT into a GET, so the new origin needs no preflight',
    group: 'redirect',
    explain:
      '`303 See Other` turns every method but GET and HEAD into GET. The preflighted PUT reaches `api`; its 303 sends the browser to `api2` with a simple GET, which needs no preflight and only `Access-Control-Allow-Origin: *` (or `null`) on the answer.',
    request: { target: 'api', method: 'PUT', body: 'x' },
    server: { preflight: PREFLIGHT_ANY, redirects: [{ status: 303, to: 'api2', headers: STAR }], actual: { headers: STAR } },
    expect: { outcome: 'allowed', preflight: true, reachedServer: true, originSeen: 'null' },
  },
  {
    id: 'redirect-second-preflight-refused',
    title: 'The preflight at the redirect target sees Origin: null, so allowing the page origin fails',
    group: 'redirect',
    explain:
      'The PUT passes its first preflight at `api`, whose answer allows the page origin. `api` answers the PUT with `307` to `api2`, and the browser preflights again there, now with `Origin: null`. The same answer (`Access-Control-Allow-Origin: <page>`) no longer matches: `PreflightAllowOriginMismatch`, and `api2` never gets the PUT.\n\n**Fix:** avoid cross-origin redirects for preflighted requests (call the final URL directly), or let the target allow `null`/`*` without credentials.',
    request: { target: 'api', method: 'PUT', body: 'x' },
    server: {
      preflight: { headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Methods': 'PUT' } },
      redirects: [{ status: 307, to: 'api2', headers: { 'Access-Control-Allow-Origin': '{page}' } }],
      actual: { headers: { 'Access-Control-Allow-Origin': '{page}' } },
    },
    expect: {
      outcome: 'blocked', reason: 'PreflightAllowOriginMismatch', preflight: true, reachedServer: false,
      // Firefox's second preflight carries the page's origin and passes; the PUT (Origin: null) then fails.
      engines: { firefox: { reachedServer: true, originSeen: 'null' } },
    },
  },
  {
    id: 'redirect-preflight-trailing-slash',
    title: 'A preflight answered with a redirect (e.g. adding a trailing slash) is refused',
    group: 'redirect',
    explain:
      'Frameworks often redirect `/items` to `/items/`, OPTIONS included. A preflight may not follow redirects at all, whatever CORS headers the redirect carries: `PreflightDisallowedRedirect`, and the PUT is never sent.\n\n**Fix:** call the canonical URL (with the slash), or answer OPTIONS at both paths without redirecting.',
    request: { target: 'api', method: 'PUT', path: '/items' },
    server: { preflight: { status: 308, headers: { ...STAR, 'Access-Control-Allow-Methods': 'PUT', Location: '/items/' } }, actual: { headers: STAR } },
    expect: { outcome: 'blocked', reason: 'PreflightDisallowedRedirect', preflight: true, reachedServer: false },
  },
  {
    id: 'redirect-two-hops-all-allowed',
    title: 'Two cross-origin hops: every answer allows the request, so it succeeds',
    group: 'redirect',
    explain: '`api` redirects to `api2`, which redirects to `partner`. Each redirect answer passes its own CORS check, and the final answer allows `*`. The last two requests carry `Origin: null`.',
    request: { target: 'api' },
    server: { redirects: [{ to: 'api2', headers: STAR }, { to: 'partner', headers: STAR }], actual: { headers: STAR } },
    expect: { outcome: 'allowed', preflight: false, reachedServer: true, originSeen: 'null' },
  },
  {
    id: 'redirect-two-hops-middle-missing-acao',
    title: 'Two cross-origin hops: the middle redirect lacks Access-Control-Allow-Origin',
    group: 'redirect',
    explain:
      'The browser CORS-checks every redirect answer before following it. `api2`\'s redirect has no `Access-Control-Allow-Origin`, so the chain stops there and `partner` is never asked; the console names the URL of the failing hop, "redirected from" the original one.\n\n**Fix:** every hop that answers a CORS request needs the CORS headers, redirects included.',
    request: { target: 'api' },
    server: { redirects: [{ to: 'api2', headers: STAR }, { to: 'partner' }], actual: { headers: STAR } },
    expect: { outcome: 'blocked', reason: 'MissingAllowOriginHeader', preflight: false, reachedServer: false },
  },
  {
    id: 'redirect-same-origin-hop-keeps-origin',
    title: 'A redirect within the same origin keeps the page origin',
    group: 'redirect',
    explain:
      'Only a hop to another origin taints the request. `api` redirecting to another path on `api` keeps `Origin: <page>`, so answers that allow the page origin keep working (compare `redirect-cross-origin-page-origin-fails`).',
    request: { target: 'api', path: '/v1/items' },
    server: { redirects: [{ to: 'api', path: '/v2/items', headers: { 'Access-Control-Allow-Origin': '{page}' } }], actual: { headers: { 'Access-Control-Allow-Origin': '{page}' } } },
    expect: { outcome: 'allowed', preflight: false, reachedServer: true, originSeen: '{page}' },
  },
  {
    id: 'redirect-loop',
    title: 'A redirect to itself fails after 20 redirects',
    group: 'redirect',
    explain:
      'The answer redirects to its own URL (`Location: #again` resolves to the same URL). Fetch follows at most 20 redirects; the 21st fails with `net::ERR_TOO_MANY_REDIRECTS`, after the server answered 21 times.\n\n**Fix:** find the loop (often an auth or HTTPS-upgrade rule that redirects its own target).',
    request: { target: 'api' },
    server: { actual: { status: 302, headers: { ...STAR, Location: '#again' } } },
    expect: { outcome: 'blocked', reason: 'net::ERR_TOO_MANY_REDIRECTS', preflight: false, reachedServer: true },
  },
  {
    id: 'redirect-mode-error-no-redirect',
    title: 'redirect: "error" is harmless when the answer is not a redirect',
    group: 'redirect',
    explain: 'The counterpart of `redirect-mode-error`: `redirect: "error"` only fails when a redirect arrives, so a direct answer with `Access-Control-Allow-Origin: *` is read as usual. Use it to make sure an API call never silently lands somewhere else.',
    request: { target: 'api', redirect: 'error' },
    server: { actual: { headers: STAR } },
    expect: { outcome: 'allowed', preflight: false, reachedServer: true, status: 200 },
  },
  // After fetch/api/redirect/redirect-method (WPT): 307 and 308 keep the method, so the next origin is asked first.
  {
    id: 'redirect-delete-307-other-origin',
    title: 'A DELETE redirected (307) to another origin keeps its method and is preflighted there',
    group: 'redirect',
    explain:
      'The page sends `DELETE` to its own origin, which answers `307` towards `api`. A 307 keeps the method (https://fetch.spec.whatwg.org/#http-redirect-fetch step 12), and from now on the request is cross-origin: before the DELETE reaches `api`, the browser sends it a preflight with the page\'s `Origin`. Its answer lists `DELETE`, so the request goes on. WebKitGTK 2.50 differs: its network layer turns a DELETE redirected to another origin into a `GET`, which needs no preflight; the server sees a GET.',
    request: { target: 'app', method: 'DELETE' },
    server: {
      preflight: { headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Methods': 'DELETE' } },
      redirects: [{ status: 307, to: 'api' }],
      actual: { headers: { 'Access-Control-Allow-Origin': '{page}' } },
    },
    expect: { outcome: 'allowed', preflight: true, reachedServer: true, originSeen: '{page}', engines: { webkit: { preflight: false } } },
  },
  {
    id: 'redirect-delete-307-preflight-refused',
    title: 'A DELETE redirected (307) to another origin is stopped by that origin\'s preflight',
    group: 'redirect',
    explain:
      'The same redirect, but `api`\'s preflight answer does not list `DELETE`: Chromium and Firefox never send the DELETE to `api`. In WebKitGTK 2.50 the redirected request is a `GET`, which needs no preflight: it reaches `api` and the page reads the answer. A server cannot rely on a preflight to keep a redirected DELETE away; it must check the method itself.\n\n**Fix:** `Access-Control-Allow-Methods: DELETE` on `api`\'s preflight answer, or no redirect: send the DELETE to `api` directly.',
    request: { target: 'app', method: 'DELETE' },
    server: {
      preflight: { headers: { 'Access-Control-Allow-Origin': '{page}' } },
      redirects: [{ status: 307, to: 'api' }],
      actual: { headers: { 'Access-Control-Allow-Origin': '{page}' } },
    },
    expect: {
      outcome: 'blocked', reason: 'MethodDisallowedByPreflightResponse', preflight: true, reachedServer: false,
      engines: { webkit: { outcome: 'allowed', reason: null, preflight: false, reachedServer: true } },
    },
  },
];
