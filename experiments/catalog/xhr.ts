/**
 * The same CORS checks through XMLHttpRequest: always mode "cors",
 * credentials from `withCredentials`, redirects always followed, and
 * Chromium's console names it ("Access to XMLHttpRequest at ...").
 * https://xhr.spec.whatwg.org/#the-send()-method
 */
import type { ExperimentInput } from '../../format/schema.ts';

const STAR = { 'Access-Control-Allow-Origin': '*' };
const PAGE_WITH_CREDENTIALS = { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' };

export const xhr: ExperimentInput[] = [
  {
    id: 'xhr-missing-allow-origin',
    title: 'XHR GET without Access-Control-Allow-Origin: onerror, status 0',
    group: 'xhr',
    explain:
      'The XMLHttpRequest version of `simple-get-no-acao`: the request reaches the server, the CORS check fails, `onerror` fires and `xhr.status` is 0. The console line starts "Access to XMLHttpRequest at ..." instead of "Access to fetch at ...".\n\n**Fix:** `Access-Control-Allow-Origin: <the page origin>` (or `*`).',
    request: { api: 'xhr', target: 'api' },
    expect: { outcome: 'blocked', reason: 'MissingAllowOriginHeader', preflight: false, reachedServer: true },
  },
  {
    id: 'xhr-wildcard',
    title: 'XHR GET with Access-Control-Allow-Origin: * loads',
    group: 'xhr',
    explain: 'Without `withCredentials`, `*` lets any origin read the answer: `onload` fires with status 200.',
    request: { api: 'xhr', target: 'api' },
    server: { actual: { headers: STAR } },
    expect: { outcome: 'allowed', status: 200, reachedServer: true },
  },
  {
    id: 'xhr-with-credentials-wildcard',
    title: 'XHR withCredentials = true refuses Access-Control-Allow-Origin: *',
    group: 'xhr',
    explain:
      '`withCredentials = true` is XHR\'s `credentials: "include"`. The answer\'s `*` is then refused (`WildcardOriginNotAllowed`), and Chromium adds to the console line that the credentials mode "is controlled by the withCredentials attribute".\n\n**Fix:** send the exact origin with `Access-Control-Allow-Credentials: true`, or drop `withCredentials`.',
    request: { api: 'xhr', target: 'api', credentials: 'include' },
    server: { actual: { headers: STAR } },
    expect: { outcome: 'blocked', reason: 'WildcardOriginNotAllowed', reachedServer: true },
  },
  {
    id: 'xhr-with-credentials-exact-origin',
    title: 'XHR withCredentials = true with the exact origin and Allow-Credentials loads',
    group: 'xhr',
    explain: 'The fix of `xhr-with-credentials-wildcard`: the exact page origin, `Access-Control-Allow-Credentials: true` and `Vary: Origin`.',
    request: { api: 'xhr', target: 'api', credentials: 'include' },
    server: { actual: { headers: PAGE_WITH_CREDENTIALS } },
    expect: { outcome: 'allowed', status: 200, reachedServer: true },
  },
  {
    id: 'xhr-with-credentials-missing-allow-credentials',
    title: 'XHR withCredentials = true without Access-Control-Allow-Credentials fails',
    group: 'xhr',
    explain:
      'The exact origin alone is not enough when `withCredentials` is set: the answer must also say `Access-Control-Allow-Credentials: true` (`InvalidAllowCredentials`).\n\n**Fix:** `Access-Control-Allow-Credentials: true`.',
    request: { api: 'xhr', target: 'api', credentials: 'include' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '{page}' } } },
    expect: { outcome: 'blocked', reason: 'InvalidAllowCredentials', reachedServer: true },
  },
  {
    id: 'xhr-put-method-not-allowed',
    title: 'XHR PUT: the preflight does not allow the method',
    group: 'xhr',
    explain:
      'XHR preflights exactly like fetch: PUT is not safelisted, the OPTIONS answer lists only GET and POST, so the PUT is never sent (`MethodDisallowedByPreflightResponse`).\n\n**Fix:** `Access-Control-Allow-Methods: PUT`.',
    request: { api: 'xhr', target: 'api', method: 'PUT', body: 'x' },
    server: { preflight: { headers: { ...STAR, 'Access-Control-Allow-Methods': 'GET, POST' } }, actual: { headers: STAR } },
    expect: { outcome: 'blocked', reason: 'MethodDisallowedByPreflightResponse', preflight: true, reachedServer: false },
  },
  {
    id: 'xhr-put-method-allowed',
    title: 'XHR PUT with a preflight that allows it',
    group: 'xhr',
    explain: 'The fix of `xhr-put-method-not-allowed`: with `Access-Control-Allow-Methods: PUT` the preflight passes and the PUT is sent.',
    request: { api: 'xhr', target: 'api', method: 'PUT', body: 'x' },
    server: { preflight: { headers: { ...STAR, 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: STAR } },
    expect: { outcome: 'allowed', preflight: true, reachedServer: true, status: 200 },
  },
  {
    id: 'xhr-custom-header-not-allowed',
    title: 'XHR setRequestHeader with a header the preflight does not allow',
    group: 'xhr',
    explain:
      '`setRequestHeader("X-Requested-With", "XMLHttpRequest")`, added by habit in older code (jQuery did it for same-origin calls), is not safelisted: it forces a preflight, and this answer does not allow it (`HeaderDisallowedByPreflightResponse`).\n\n**Fix:** drop the header, or `Access-Control-Allow-Headers: X-Requested-With`.',
    request: { api: 'xhr', target: 'api', headers: { 'X-Requested-With': 'XMLHttpRequest' } },
    server: { preflight: { headers: STAR }, actual: { headers: STAR } },
    expect: { outcome: 'blocked', reason: 'HeaderDisallowedByPreflightResponse', preflight: true, reachedServer: false, requestHeadersSeen: 'x-requested-with' },
  },
  {
    id: 'xhr-exposed-header',
    title: 'XHR getResponseHeader sees only safelisted and exposed headers',
    group: 'xhr',
    explain:
      '`getAllResponseHeaders()` and `getResponseHeader()` follow the same rule as `response.headers`: safelisted names plus `Access-Control-Expose-Headers`. `X-Request-Id` is exposed, `X-Total-Count` is not.',
    request: { api: 'xhr', target: 'api' },
    server: { actual: { headers: { ...STAR, 'X-Request-Id': 'r-1', 'X-Total-Count': '42', 'Access-Control-Expose-Headers': 'X-Request-Id' } } },
    expect: { outcome: 'allowed', readableHeaders: ['x-request-id', 'content-type'], hiddenHeaders: ['x-total-count'] },
  },
];
