/**
 * Redirects across origins: each hop gets its own CORS check, and after a
 * cross-origin redirect the origin becomes "null" (tainted).
 * https://fetch.spec.whatwg.org/#http-redirect-fetch
 */
import type { ExperimentInput } from '../schema.ts';

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
];
