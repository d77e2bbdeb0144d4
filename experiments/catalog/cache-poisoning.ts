/**
 * A response that depends on the request's Origin must say so with
 * `Vary: Origin`, or an HTTP cache (the browser's, a CDN's) hands the answer
 * meant for one origin to another. Shown through the browser's own cache:
 * the `then` step runs on another page and reuses the cached answer.
 * https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches
 */
import type { ExperimentInput } from '../../format/schema.ts';

const CACHED = { 'Cache-Control': 'max-age=60' };
const REFLECT = { 'Access-Control-Allow-Origin': '{reflect}' };

export const cachePoisoning: ExperimentInput[] = [
  {
    id: 'cache-poisoning-missing-vary',
    title: 'Reflecting Origin without Vary: a second origin gets the first origin\'s cached answer',
    group: 'cache-poisoning',
    explain:
      'The server echoes the request\'s `Origin` (an allow-list would do the same) and lets the answer be cached for 60 s, but does not send `Vary: Origin`. The page on `app` fetches it; the answer, allowing `app`, goes into the HTTP cache. Then a page on `api2` (the same site, so the same cache partition) fetches the same URL: the browser serves the cached answer without asking the server, and its `Access-Control-Allow-Origin` names `app`, not `api2`: `AllowOriginMismatch`. A shared cache (CDN, proxy) makes the same mistake across all users.\n\n**Fix:** `Vary: Origin` on every answer whose CORS headers depend on `Origin` (see `cache-poisoning-vary-origin`).',
    request: { target: 'api' },
    server: { actual: { headers: { ...REFLECT, ...CACHED } } },
    expect: { outcome: 'allowed', reachedServer: true, originSeen: '{page}' },
    then: [{ title: 'from api2, served from the cache', page: 'api2', expect: { outcome: 'blocked', reason: 'AllowOriginMismatch', reachedServer: false } }],
  },
  {
    id: 'cache-poisoning-vary-origin',
    title: 'Vary: Origin keeps one cached answer per origin',
    group: 'cache-poisoning',
    explain:
      'The same server with `Vary: Origin`: the cache stores the answer together with the `Origin` it was made for. The page on `api2` sends another `Origin`, so the cached answer does not apply; the request goes to the server, which reflects `api2`, and the read succeeds.',
    request: { target: 'api' },
    server: { actual: { headers: { ...REFLECT, ...CACHED, Vary: 'Origin' } } },
    expect: { outcome: 'allowed', reachedServer: true },
    then: [{ title: 'from api2, asks the server', page: 'api2', expect: { outcome: 'allowed', reachedServer: true, originSeen: '{page}' } }],
  },
  {
    id: 'cache-poisoning-wildcard-is-cache-safe',
    title: 'Access-Control-Allow-Origin: * can be cached for everyone',
    group: 'cache-poisoning',
    explain: 'An answer that does not depend on `Origin` needs no `Vary`: `*` is right for every origin, so the cached copy serves the page on `api2` without a trip to the server.',
    request: { target: 'api' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '*', ...CACHED } } },
    expect: { outcome: 'allowed', reachedServer: true },
    then: [{ title: 'from api2, served from the cache', page: 'api2', expect: { outcome: 'allowed', reachedServer: false } }],
  },
  {
    id: 'cache-poisoning-no-cors-first',
    title: 'A no-cors load caches an answer without CORS headers, and the later fetch fails',
    group: 'cache-poisoning',
    explain:
      'The classic "works on reload, fails on first visit" bug. An `<img>` or no-cors load requests the URL without an `Origin` header, so the reflecting server answers without a usable `Access-Control-Allow-Origin` (here an empty one), and that answer is cached. The page\'s later `fetch()` in mode "cors" gets the cached copy: `InvalidAllowOriginValue`, and the server never sees the second request.\n\n**Fix:** `Vary: Origin` (see `cache-poisoning-no-cors-first-vary`), or the same CORS headers whether or not `Origin` is present.',
    request: { target: 'api', mode: 'no-cors' },
    server: { actual: { headers: { ...REFLECT, ...CACHED } } },
    expect: { outcome: 'opaque', reachedServer: true, originSeen: null },
    then: [{ title: 'fetch in mode "cors"', request: { mode: 'cors' }, expect: { outcome: 'blocked', reason: 'InvalidAllowOriginValue', reachedServer: false } }],
  },
  {
    id: 'cache-poisoning-no-cors-first-vary',
    title: 'With Vary: Origin the later fetch is not served the no-cors answer',
    group: 'cache-poisoning',
    explain: 'The fix of `cache-poisoning-no-cors-first`: the cached answer was made for a request without `Origin`; the fetch carries one, so `Vary: Origin` sends it to the server, which reflects the page origin.',
    request: { target: 'api', mode: 'no-cors' },
    server: { actual: { headers: { ...REFLECT, ...CACHED, Vary: 'Origin' } } },
    expect: { outcome: 'opaque', reachedServer: true },
    then: [{ title: 'fetch in mode "cors"', request: { mode: 'cors' }, expect: { outcome: 'allowed', reachedServer: true, originSeen: '{page}' } }],
  },
  {
    id: 'cache-poisoning-no-store',
    title: 'Cache-Control: no-store: every origin gets a fresh answer',
    group: 'cache-poisoning',
    explain: 'An answer that is never stored cannot be served to the wrong origin: with `Cache-Control: no-store` the page on `api2` reaches the server and gets its own reflected origin. Simple, at the price of caching nothing.',
    request: { target: 'api' },
    server: { actual: { headers: { ...REFLECT, 'Cache-Control': 'no-store' } } },
    expect: { outcome: 'allowed', reachedServer: true },
    then: [{ title: 'from api2', page: 'api2', expect: { outcome: 'allowed', reachedServer: true } }],
  },
  {
    id: 'cache-poisoning-other-site-partition',
    title: 'A page on another site does not share the cached answer (partitioned cache)',
    group: 'cache-poisoning',
    explain:
      'Chromium partitions its HTTP cache by the top-level site. `partner` (`127.0.0.1`) is another site than `app` (`localhost`), so even without `Vary` its request misses `app`\'s cached copy and reaches the server. The poisoning still hits every page of the same site, and every user of a shared cache (CDN), so `Vary: Origin` is still needed.',
    request: { target: 'api' },
    server: { actual: { headers: { ...REFLECT, ...CACHED } } },
    expect: { outcome: 'allowed', reachedServer: true },
    then: [{ title: 'from partner', page: 'partner', expect: { outcome: 'allowed', reachedServer: true, originSeen: '{page}' } }],
  },
  // After fetch/api/cors/cors-origin and access-control-allow-origin-parsing (WPT).
  {
    id: 'cache-poisoning-empty-acao',
    title: 'An empty Access-Control-Allow-Origin allows nobody',
    group: 'cache-poisoning',
    explain:
      'The answer carries the header with nothing in it, as a server that reflects a missing `Origin` writes it. An empty value is no origin: Chromium reports `InvalidAllowOriginValue` (the value does not parse), Firefox says the header "does not match" an empty value. A server that reflects `Origin` must answer a request without one with no header at all, and never cache that answer for others (see `cache-poisoning-no-cors-first`).\n\n**Fix:** `Access-Control-Allow-Origin: <the page origin>`.',
    request: { target: 'api' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '' } } },
    expect: { outcome: 'blocked', reason: 'InvalidAllowOriginValue', preflight: false, reachedServer: true },
  },
];
