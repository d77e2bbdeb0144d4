/**
 * The CORS-preflight cache: a passed preflight is remembered per page origin
 * and exact URL for Access-Control-Max-Age seconds (5 s when absent), and
 * covers only the methods and headers it allowed. The journal of each step
 * shows whether it carried a preflight.
 * https://fetch.spec.whatwg.org/#cors-preflight-cache
 */
import type { ExperimentInput } from '../../format/schema.ts';

const PAGE = { 'Access-Control-Allow-Origin': '{page}' };
const allowPut = (maxAge?: string) => ({ headers: { ...PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-token', ...(maxAge === undefined ? {} : { 'Access-Control-Max-Age': maxAge }) } });
const PUT = { target: 'api', method: 'PUT', headers: { 'X-Token': '1' } } as const;

export const cache: ExperimentInput[] = [
  {
    id: 'cache-max-age-reuse',
    title: 'Access-Control-Max-Age: 600 lets the next identical request skip the preflight',
    group: 'cache',
    explain:
      'The first PUT is preflighted; the answer says `Access-Control-Max-Age: 600`, so for ten minutes the browser reuses it for the same page origin, URL, method and headers. The second PUT goes straight to the server: its journal has no OPTIONS. Chromium caps the value at 7200 s (2 h).\n\n**Use it:** a Max-Age of a few minutes halves the round trips of a chatty API.',
    request: PUT,
    server: { preflight: allowPut('600'), actual: { headers: PAGE } },
    expect: { outcome: 'allowed', preflight: true, reachedServer: true },
    then: [{ title: 'same request again', expect: { outcome: 'allowed', preflight: false, reachedServer: true } }],
  },
  {
    id: 'cache-max-age-expiry',
    title: 'After Access-Control-Max-Age runs out, the preflight is sent again',
    group: 'cache',
    explain: 'With `Access-Control-Max-Age: 1` the entry lives one second. The second PUT, 1.2 s later, finds it expired and is preflighted again.',
    request: PUT,
    server: { preflight: allowPut('1'), actual: { headers: PAGE } },
    expect: { outcome: 'allowed', preflight: true },
    then: [{ title: 'after 1.2 s', delayMs: 1200, expect: { outcome: 'allowed', preflight: true } }],
  },
  {
    id: 'cache-default-five-seconds',
    title: 'Without Access-Control-Max-Age Chromium still caches the preflight for 5 seconds',
    group: 'cache',
    explain:
      'No `Access-Control-Max-Age` does not mean "no cache": the Fetch standard and Chromium default to 5 seconds, so an immediate repeat goes without a preflight. This surprises people who change the server\'s CORS answer and retry at once.\n\n**To disable caching:** `Access-Control-Max-Age: 0` (see `cache-max-age-zero`).',
    request: PUT,
    server: { preflight: allowPut(), actual: { headers: PAGE } },
    expect: { outcome: 'allowed', preflight: true },
    then: [{ title: 'at once', expect: { outcome: 'allowed', preflight: false } }],
  },
  {
    id: 'cache-max-age-zero',
    title: 'Access-Control-Max-Age: 0 turns the preflight cache off',
    group: 'cache',
    explain: 'With `Access-Control-Max-Age: 0` nothing is cached: every PUT is preflighted, the repeat included. Handy while developing the server\'s CORS answer, costly in production.',
    request: PUT,
    server: { preflight: allowPut('0'), actual: { headers: PAGE } },
    expect: { outcome: 'allowed', preflight: true },
    then: [{ title: 'at once', expect: { outcome: 'allowed', preflight: true } }],
  },
  {
    id: 'cache-new-header-not-covered',
    title: 'An entry allowing X-Token does not cover X-Token with X-Trace',
    group: 'cache',
    explain:
      'The cache entry allows the method `PUT` and the header `X-Token`. The second request adds `X-Trace`, which the entry does not cover, so the browser preflights again; the answer still allows only `X-Token`, and the request is blocked.\n\n**Fix:** `Access-Control-Allow-Headers: X-Token, X-Trace`.',
    request: PUT,
    server: { preflight: allowPut('600'), actual: { headers: PAGE } },
    expect: { outcome: 'allowed', preflight: true },
    then: [{ title: 'with X-Trace', request: { headers: { 'X-Token': '1', 'X-Trace': '1' } }, expect: { outcome: 'blocked', reason: 'HeaderDisallowedByPreflightResponse', preflight: true, reachedServer: false } }],
  },
  {
    id: 'cache-new-method-not-covered',
    title: 'A cached preflight does not cover another method',
    group: 'cache',
    explain:
      'The entry allows `PUT`. A DELETE to the same URL needs its own preflight, and the answer does not list DELETE: blocked.\n\n**Fix:** `Access-Control-Allow-Methods: PUT, DELETE`.',
    request: PUT,
    server: { preflight: allowPut('600'), actual: { headers: PAGE } },
    expect: { outcome: 'allowed', preflight: true },
    then: [{ title: 'DELETE', request: { method: 'DELETE' }, expect: { outcome: 'blocked', reason: 'MethodDisallowedByPreflightResponse', preflight: true, reachedServer: false } }],
  },
  {
    id: 'cache-one-entry-per-url',
    title: 'Entries are per URL: a redirect to another path is preflighted there too',
    group: 'cache',
    explain:
      'The preflight cache is keyed by the exact URL, not by the server. The PUT to `/v1/items` is preflighted, redirected (307) to `/v2/items` on the same origin, and preflighted again there: the first step\'s journal shows two OPTIONS. The repeat finds an entry for each URL and sends none.\n\n**So:** a Max-Age helps only for URLs a page calls repeatedly; `/items/1` and `/items/2` each pay for their own preflight.',
    request: { ...PUT, path: '/v1/items' },
    server: { preflight: allowPut('600'), redirects: [{ status: 307, to: 'api', path: '/v2/items', headers: PAGE }], actual: { headers: PAGE } },
    expect: { outcome: 'allowed', preflight: true, reachedServer: true },
    then: [{ title: 'same request again', expect: { outcome: 'allowed', preflight: false, reachedServer: true } }],
  },
  {
    id: 'cache-credentials-need-own-entry',
    title: 'An entry stored without credentials does not serve a request with credentials',
    group: 'cache',
    explain:
      'The first PUT goes without credentials. The second one includes them; a cache entry from a request without credentials does not cover it, so it is preflighted again (and this answer allows credentials, so it passes).',
    request: { ...PUT, credentials: 'omit' },
    server: {
      preflight: { headers: { ...allowPut('600').headers, 'Access-Control-Allow-Credentials': 'true' } },
      actual: { headers: { ...PAGE, 'Access-Control-Allow-Credentials': 'true' } },
    },
    expect: { outcome: 'allowed', preflight: true },
    then: [{ title: 'with credentials', request: { credentials: 'include' }, expect: { outcome: 'allowed', preflight: true } }],
  },
  {
    id: 'cache-credentialed-entry-without-credentials',
    title: 'An entry stored with credentials serves a request without them in Chromium, not in Firefox',
    group: 'cache',
    explain:
      'The first PUT includes credentials and its preflight allows them. The second goes without credentials. The Fetch standard keys the cache by the credentials mode, so that entry does not match and Firefox preflights again; Chromium reuses it (a known deviation), so its journal shows no second OPTIONS. Both pass.\n\n**Takeaway:** never count on a preflight being skipped; count only on it being allowed.',
    request: { ...PUT, credentials: 'include' },
    server: {
      preflight: { headers: { ...allowPut('600').headers, 'Access-Control-Allow-Credentials': 'true' } },
      actual: { headers: { ...PAGE, 'Access-Control-Allow-Credentials': 'true' } },
    },
    expect: { outcome: 'allowed', preflight: true },
    then: [
      {
        title: 'again, credentials "same-origin"',
        request: { credentials: 'same-origin' },
        expect: { outcome: 'allowed', preflight: false, engines: { firefox: { preflight: true } } },
      },
    ],
  },
  {
    id: 'cache-wildcard-headers-new-name',
    title: 'A cached Access-Control-Allow-Headers: * covers a new header in Chromium, not in Firefox',
    group: 'cache',
    explain:
      'The preflight answers `Access-Control-Allow-Headers: *` with `Access-Control-Max-Age: 600`. The second PUT adds `X-Trace`. Chromium keeps the wildcard in its cache and skips the preflight; Firefox keeps the header names the first preflight was for (`x-token`), so `X-Trace` needs a new preflight there, which `*` allows again. Both pass.\n\n**Takeaway:** list the headers your clients send: the cache then behaves the same in every browser.',
    request: PUT,
    server: {
      preflight: { headers: { ...PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*', 'Access-Control-Max-Age': '600' } },
      actual: { headers: PAGE },
    },
    expect: { outcome: 'allowed', preflight: true },
    then: [
      {
        title: 'with X-Trace',
        request: { headers: { 'X-Token': '1', 'X-Trace': '1' } },
        expect: { outcome: 'allowed', preflight: false, engines: { firefox: { preflight: true } } },
      },
    ],
  },
  {
    id: 'cache-failed-preflight-not-cached',
    title: 'A failed preflight is not cached: the retry asks again',
    group: 'cache',
    explain:
      'The preflight answer lacks `Access-Control-Allow-Methods`, so the PUT is blocked. Failures are never stored, whatever Max-Age says: the retry is preflighted and blocked again, and fixing the server takes effect at once.\n\n**Fix:** `Access-Control-Allow-Methods: PUT`.',
    request: { target: 'api', method: 'PUT' },
    server: { preflight: { headers: { ...PAGE, 'Access-Control-Max-Age': '600' } }, actual: { headers: PAGE } },
    expect: { outcome: 'blocked', reason: 'MethodDisallowedByPreflightResponse', preflight: true, reachedServer: false },
    then: [{ title: 'retry', expect: { outcome: 'blocked', reason: 'MethodDisallowedByPreflightResponse', preflight: true, reachedServer: false } }],
  },
  // After fetch/api/cors/cors-preflight-cache and cors-redirect-preflight (WPT).
  {
    id: 'cache-redirected-preflight-not-reused',
    title: 'A preflight made after a cross-origin redirect (Origin: null) is not reused',
    group: 'cache',
    explain:
      'The PUT goes to `api`, which answers `307` towards `api2`. Both preflight answers carry `Access-Control-Max-Age: 600`. The same PUT again: `api`\'s entry serves it, but the redirect taints the request with an opaque origin, sent as `Origin: null`, and a preflight made for an opaque origin is never reused, so `api2` is asked again. Firefox differs: it sends its preflights after a redirect with the page\'s origin, and reuses the entry.\n\n**Fix:** avoid the redirect for preflighted requests (call `api2` directly); the cache then works at every origin.',
    request: { target: 'api', method: 'PUT', body: 'x' },
    server: {
      preflight: { headers: { 'Access-Control-Allow-Origin': '{reflect}', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '600' } },
      redirects: [{ status: 307, to: 'api2', headers: { 'Access-Control-Allow-Origin': '{reflect}' } }],
      actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}' } },
    },
    expect: { outcome: 'allowed', preflight: true, reachedServer: true, originSeen: 'null' },
    then: [{ title: 'the same PUT again', expect: { outcome: 'allowed', preflight: true, reachedServer: true, engines: { firefox: { preflight: false } } } }],
  },
];
