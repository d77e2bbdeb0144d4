/**
 * The `null` origin: what sandboxed pages (and other opaque origins) send,
 * what a cross-origin redirect turns any Origin into, and why a server
 * should not allow it.
 * https://fetch.spec.whatwg.org/#serializing-a-request-origin
 * https://html.spec.whatwg.org/multipage/browsers.html#concept-origin-opaque
 */
import type { ExperimentInput } from '../../format/schema.ts';

const NULL_ORIGIN = { 'Access-Control-Allow-Origin': 'null' };

export const nullOrigin: ExperimentInput[] = [
  {
    id: 'null-origin-sandboxed-page-sends-null',
    title: 'A sandboxed page sends Origin: null, and an answer allowing null is readable',
    group: 'null-origin',
    explain:
      'A page served with `Content-Security-Policy: sandbox` (or in an `<iframe sandbox>` without `allow-same-origin`) has an opaque origin, serialized as `null`. Its requests carry `Origin: null`, and `Access-Control-Allow-Origin: null` matches it.\n\n**Why that is a trap:** see `null-origin-allowing-null-is-dangerous`.',
    page: 'null',
    request: { target: 'api' },
    server: { actual: { headers: NULL_ORIGIN } },
    expect: { outcome: 'allowed', preflight: false, reachedServer: true, originSeen: 'null' },
  },
  {
    id: 'null-origin-host-origin-does-not-match',
    title: 'A sandboxed page is not its host origin: allowing the host origin fails',
    group: 'null-origin',
    explain:
      'The sandboxed page is served by `app`, but its origin is opaque, so its requests say `Origin: null`, not `app`\'s origin. An answer that allows `app` does not match.\n\n**Fix:** give the frame `allow-same-origin` if it is trusted content, or serve public data with `Access-Control-Allow-Origin: *`.',
    page: 'null',
    request: { target: 'api' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '{origin:app}' } } },
    expect: { outcome: 'blocked', reason: 'AllowOriginMismatch', reachedServer: true, originSeen: 'null' },
  },
  {
    id: 'null-origin-wildcard',
    title: 'Access-Control-Allow-Origin: * serves a sandboxed page without credentials',
    group: 'null-origin',
    explain: 'For public data, `*` is the safe answer: it matches every origin, `null` included, and never comes with credentials.',
    page: 'null',
    request: { target: 'api' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    expect: { outcome: 'allowed', reachedServer: true, originSeen: 'null' },
  },
  {
    id: 'null-origin-allowing-null-is-dangerous',
    title: 'Allowing null with credentials lets any site read the answer',
    group: 'null-origin',
    explain:
      'Every site can make a request with `Origin: null`: an attacker only needs a sandboxed iframe (or a `data:` URL, or a cross-origin redirect). So `Access-Control-Allow-Origin: null` with `Access-Control-Allow-Credentials: true` is not "allow local files": it lets every site read this answer with the user\'s cookies. Here the sandboxed page reads a credentialed answer.\n\n**Fix:** never allow `null` for anything private; check `Origin` against an allow-list of real origins.',
    page: 'null',
    request: { target: 'api', credentials: 'include' },
    server: { actual: { headers: { ...NULL_ORIGIN, 'Access-Control-Allow-Credentials': 'true', 'X-Account': 'alice' } } },
    expect: { outcome: 'allowed', reachedServer: true, originSeen: 'null', status: 200 },
  },
  {
    id: 'null-origin-reflecting-server',
    title: 'A server that reflects any Origin also reflects null',
    group: 'null-origin',
    explain:
      'Echoing the request\'s `Origin` back (`{reflect}`) "allows everything", `null` included: the sandboxed page reads the credentialed answer. Reflection without an allow-list is as dangerous as allowing `null`.\n\n**Fix:** reflect only origins on an allow-list, and send `Vary: Origin`.',
    page: 'null',
    request: { target: 'api', credentials: 'include' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}', 'Access-Control-Allow-Credentials': 'true' } } },
    expect: { outcome: 'allowed', reachedServer: true, originSeen: 'null' },
  },
  {
    id: 'null-origin-allow-list-refuses-null',
    title: 'An allow-list server refuses the null origin',
    group: 'null-origin',
    explain:
      'The fix of `null-origin-reflecting-server`: the server answers with the one origin it trusts (`app`). The sandboxed page, whose origin is `null`, is refused.',
    page: 'null',
    request: { target: 'api', credentials: 'include' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '{origin:app}', 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' } } },
    expect: { outcome: 'blocked', reason: 'AllowOriginMismatch', reachedServer: true },
  },
  {
    id: 'null-origin-after-redirect',
    title: 'A cross-origin redirect makes the request null, so an answer allowing null passes',
    group: 'null-origin',
    explain:
      'A normal page (`app`) calls `api`, which redirects to `api2`. After a cross-origin hop the request\'s origin is tainted and serialized as `null`, so `api2` sees `Origin: null` and its `Access-Control-Allow-Origin: null` matches. This is one of the ways an attacker obtains `Origin: null` on demand.',
    request: { target: 'api' },
    server: { redirects: [{ to: 'api2', headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { headers: NULL_ORIGIN } },
    expect: { outcome: 'allowed', reachedServer: true, originSeen: 'null' },
  },
  {
    id: 'null-origin-preflight-never-cached',
    title: 'A null-origin page gets no preflight-cache hits',
    group: 'null-origin',
    explain:
      'The sandboxed page sends a PUT; the preflight allows `null` with `Access-Control-Max-Age: 600`. Chromium never reuses a preflight for an opaque origin (each one is unique), so the repeat is preflighted again.',
    page: 'null',
    request: { target: 'api', method: 'PUT' },
    server: { preflight: { headers: { ...NULL_ORIGIN, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '600' } }, actual: { headers: NULL_ORIGIN } },
    expect: { outcome: 'allowed', preflight: true, originSeen: 'null' },
    // Firefox keeps the entry for the page's own opaque origin (the same document): no second preflight.
    then: [{ title: 'same request again', expect: { outcome: 'allowed', preflight: true, engines: { firefox: { preflight: false } } } }],
  },
];
