/**
 * Which response headers page JavaScript can read from a CORS response: the
 * safelisted ones, plus what Access-Control-Expose-Headers lists (parsed as
 * a strict comma-separated list of tokens), never Set-Cookie.
 * https://fetch.spec.whatwg.org/#concept-filtered-response-cors
 * https://fetch.spec.whatwg.org/#http-access-control-expose-headers
 */
import type { ExperimentInput } from '../../format/schema.ts';

const STAR = { 'Access-Control-Allow-Origin': '*' };
const PAGE_WITH_CREDENTIALS = { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' };
/** Two custom headers the answers carry, so each experiment shows one readable and one hidden, or both. */
const CUSTOM = { 'X-Request-Id': 'r-1', 'X-Total-Count': '42' };

export const expose: ExperimentInput[] = [
  {
    id: 'expose-safelisted-only',
    title: 'Without Access-Control-Expose-Headers only the safelisted headers are readable',
    group: 'expose',
    explain:
      'The CORS check passed, so the page can read the body and the status, but `response.headers` shows only the CORS-safelisted response headers: `Cache-Control`, `Content-Language`, `Content-Length`, `Content-Type`, `Expires`, `Last-Modified`, `Pragma`. `X-Request-Id` is on the wire and in DevTools, yet `headers.get("x-request-id")` returns `null`.\n\n**Fix:** `Access-Control-Expose-Headers: X-Request-Id` names the extra headers the page may read.',
    request: { target: 'api' },
    server: { actual: { headers: { ...STAR, ...CUSTOM, 'Cache-Control': 'no-store' } } },
    expect: { outcome: 'allowed', status: 200, readableHeaders: ['cache-control', 'content-type'], hiddenHeaders: ['x-request-id', 'x-total-count'] },
  },
  {
    id: 'expose-listed-header',
    title: 'A header named in Access-Control-Expose-Headers becomes readable',
    group: 'expose',
    explain:
      'The answer lists `X-Request-Id` in `Access-Control-Expose-Headers` (names compare case-insensitively), so JavaScript can read it; `X-Total-Count` is not listed and stays hidden.\n\n**Fix** for the hidden one: list it too, `Access-Control-Expose-Headers: X-Request-Id, X-Total-Count`.',
    request: { target: 'api' },
    server: { actual: { headers: { ...STAR, ...CUSTOM, 'Access-Control-Expose-Headers': 'x-request-id' } } },
    expect: { outcome: 'allowed', readableHeaders: ['x-request-id'], hiddenHeaders: ['x-total-count'] },
  },
  {
    id: 'expose-wildcard',
    title: 'Access-Control-Expose-Headers: * exposes every header to a request without credentials',
    group: 'expose',
    explain: 'For a request without credentials, `*` exposes every response header (but `Set-Cookie`, see `expose-set-cookie-never`).',
    request: { target: 'api', credentials: 'omit' },
    server: { actual: { headers: { ...STAR, ...CUSTOM, 'Access-Control-Expose-Headers': '*' } } },
    expect: { outcome: 'allowed', readableHeaders: ['x-request-id', 'x-total-count'] },
  },
  {
    id: 'expose-wildcard-with-credentials',
    title: 'With credentials, * in Access-Control-Expose-Headers is a header literally named "*"',
    group: 'expose',
    explain:
      'With `credentials: "include"` every CORS wildcard turns literal: `*` exposes only a header named `*`. The request passes the CORS check (exact origin and `Access-Control-Allow-Credentials: true`), yet no custom header is readable, and nothing in the console says why.\n\n**Fix:** name the headers: `Access-Control-Expose-Headers: X-Request-Id, X-Total-Count`.',
    request: { target: 'api', credentials: 'include' },
    server: { actual: { headers: { ...PAGE_WITH_CREDENTIALS, ...CUSTOM, 'Access-Control-Expose-Headers': '*' } } },
    expect: { outcome: 'allowed', hiddenHeaders: ['x-request-id', 'x-total-count'] },
  },
  {
    id: 'expose-named-with-credentials',
    title: 'With credentials, headers named in Access-Control-Expose-Headers are readable',
    group: 'expose',
    explain: 'The fix of `expose-wildcard-with-credentials`: naming the headers works with credentials as without.',
    request: { target: 'api', credentials: 'include' },
    server: { actual: { headers: { ...PAGE_WITH_CREDENTIALS, ...CUSTOM, 'Access-Control-Expose-Headers': 'X-Request-Id, X-Total-Count' } } },
    expect: { outcome: 'allowed', readableHeaders: ['x-request-id', 'x-total-count'] },
  },
  {
    id: 'expose-set-cookie-never',
    title: 'Set-Cookie is never readable, even when listed',
    group: 'expose',
    explain:
      '`Set-Cookie` is a forbidden response-header name: the browser filters it out of every response a page sees, same-origin ones included, whatever `Access-Control-Expose-Headers` says (here both `Set-Cookie` and `*`). Cookies reach JavaScript only through `document.cookie` (and only those without `HttpOnly`).\n\n**Fix:** if the page needs the value, send it in a body or in another header that you expose.',
    request: { target: 'api' },
    server: { actual: { headers: { ...STAR, ...CUSTOM, 'Set-Cookie': 'session=s1; Path=/nowhere', 'Access-Control-Expose-Headers': 'Set-Cookie, *' } } },
    expect: { outcome: 'allowed', readableHeaders: ['x-request-id'], hiddenHeaders: ['set-cookie'] },
  },
  {
    id: 'expose-invalid-token-voids-list',
    title: 'One element that is not a header name voids the whole Access-Control-Expose-Headers list',
    group: 'expose',
    explain:
      'The list `X-Request-Id, X Total Count` holds an element with spaces, which is not a header name (a token). The Fetch standard then treats the whole header as a parse failure, and Chromium follows it: even the valid `X-Request-Id` is hidden. A typo in one name hides them all.\n\n**Fix:** one header name per comma: `Access-Control-Expose-Headers: X-Request-Id, X-Total-Count`.',
    request: { target: 'api' },
    server: { actual: { headers: { ...STAR, ...CUSTOM, 'Access-Control-Expose-Headers': 'X-Request-Id, X Total Count' } } },
    expect: { outcome: 'allowed', hiddenHeaders: ['x-request-id', 'x-total-count'] },
  },
  {
    id: 'expose-quoted-string-voids-list',
    title: 'A quoted name in Access-Control-Expose-Headers voids the list',
    group: 'expose',
    explain:
      'Header lists are split on commas outside quoted strings, so `"X-Request-Id", X-Total-Count` gives the elements `"X-Request-Id"` (quotes included) and `X-Total-Count`. A quoted string is not a token: the whole list fails and neither header is readable.\n\n**Fix:** no quotes: `Access-Control-Expose-Headers: X-Request-Id, X-Total-Count`.',
    request: { target: 'api' },
    server: { actual: { headers: { ...STAR, ...CUSTOM, 'Access-Control-Expose-Headers': '"X-Request-Id", X-Total-Count' } } },
    expect: { outcome: 'allowed', hiddenHeaders: ['x-request-id', 'x-total-count'] },
  },
  {
    id: 'expose-empty-elements-and-two-lines',
    title: 'Empty list elements and repeated header lines are fine',
    group: 'expose',
    explain:
      'Two `Access-Control-Expose-Headers` lines combine into one list (`x-request-id,, , x-total-count`), and empty elements are allowed by the list syntax, so both headers are readable. Unlike `Access-Control-Allow-Origin`, the list headers may be sent more than once.',
    request: { target: 'api' },
    server: { actual: { headers: { ...STAR, ...CUSTOM, 'Access-Control-Expose-Headers': ['x-request-id,, ', 'x-total-count'] } } },
    expect: { outcome: 'allowed', readableHeaders: ['x-request-id', 'x-total-count'] },
  },
  {
    id: 'expose-without-allow-origin',
    title: 'Access-Control-Expose-Headers does nothing when the CORS check fails',
    group: 'expose',
    explain:
      'Exposing headers is only the second half: without `Access-Control-Allow-Origin` the CORS check fails and the page reads nothing at all, not even the status. The server still ran the request.\n\n**Fix:** `Access-Control-Allow-Origin: <the page origin>` (or `*`), then the exposed headers become readable.',
    request: { target: 'api' },
    server: { actual: { headers: { ...CUSTOM, 'Access-Control-Expose-Headers': '*' } } },
    expect: { outcome: 'blocked', reason: 'MissingAllowOriginHeader', reachedServer: true },
  },
];
