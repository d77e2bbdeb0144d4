/**
 * The real `hono/cors` middleware (`server.middleware`): the final origin
 * mounts `cors(options)` in front of its handler, so the wire shows what the
 * middleware really sends. What it does right, and the traps its users report.
 * https://hono.dev/docs/middleware/builtin/cors
 */
import type { ExperimentInput } from '../../format/schema.ts';

const hono = (options: Record<string, unknown>) => ({ name: 'hono/cors' as const, options });

export const honoCors: ExperimentInput[] = [
  {
    id: 'hono-cors-default-wildcard',
    title: 'cors() with no options answers Access-Control-Allow-Origin: *',
    group: 'hono-cors',
    explain: '`app.use(cors())` sends `Access-Control-Allow-Origin: *` on every answer: any page may read public data. Right for a public, cookie-less API.',
    request: { target: 'api' },
    server: { middleware: hono({}) },
    expect: { outcome: 'allowed', preflight: false, reachedServer: true },
  },
  {
    id: 'hono-cors-wildcard-with-credentials',
    title: "origin: '*' with credentials: true still sends *: credentialed requests fail",
    group: 'hono-cors',
    explain: "A trap users report: `cors({ origin: '*', credentials: true })` sends `Access-Control-Allow-Origin: *` together with `Access-Control-Allow-Credentials: true`. hono/cors does not turn `*` into the request's origin, and the browser refuses `*` for a request with `credentials: \"include\"`.\n\n**Fix:** name the origins: `cors({ origin: ['https://app.example'], credentials: true })` (hono/cors then echoes the matching origin and adds `Vary: Origin`).",
    request: { target: 'api', credentials: 'include' },
    server: { middleware: hono({ origin: '*', credentials: true }) },
    expect: { outcome: 'blocked', reason: 'WildcardOriginNotAllowed', preflight: false, reachedServer: true },
  },
  {
    id: 'hono-cors-origin-list-credentials',
    title: 'An origin list with credentials: true allows a credentialed request',
    group: 'hono-cors',
    explain: "The right way: `cors({ origin: [<page origin>], credentials: true })`. hono/cors echoes the request's origin when it is in the list, sends `Access-Control-Allow-Credentials: true` and appends `Vary: Origin`, so a shared cache keeps one answer per origin.",
    request: { target: 'api', credentials: 'include' },
    server: { middleware: hono({ origin: ['{page}'], credentials: true }) },
    expect: { outcome: 'allowed', preflight: false, reachedServer: true },
  },
  {
    id: 'hono-cors-origin-not-in-list',
    title: 'An origin not in the list gets no Access-Control-Allow-Origin',
    group: 'hono-cors',
    explain: 'The list names the partner only; the page on `app` gets an answer without `Access-Control-Allow-Origin` (hono/cors leaves the header out rather than sending another origin). The request still ran on the server.\n\n**Fix:** add the page origin to `origin`.',
    request: { target: 'api', method: 'POST', body: 'x' },
    server: { middleware: hono({ origin: ['{origin:partner}'] }) },
    expect: { outcome: 'blocked', reason: 'MissingAllowOriginHeader', preflight: false, reachedServer: true },
  },
  {
    id: 'hono-cors-preflight-before-handler',
    title: 'The preflight is answered by the middleware, before the route (or auth) runs',
    group: 'hono-cors',
    explain: "The route behind the middleware would answer OPTIONS with 401 (as an auth middleware mounted after `cors()` would). It never gets the chance: hono/cors answers every OPTIONS request itself with `204` and the CORS headers, so the preflight passes and the PUT reaches the route. Mount `cors()` **before** authentication for this reason: browsers send preflights without credentials.",
    request: { target: 'api', method: 'PUT', body: 'x' },
    server: { middleware: hono({}), preflight: { status: 401 } },
    expect: { outcome: 'allowed', preflight: true, reachedServer: true },
  },
  {
    id: 'hono-cors-echoes-request-headers',
    title: 'With allowHeaders empty, hono/cors allows whatever headers the preflight asks for',
    group: 'hono-cors',
    explain: 'With no `allowHeaders`, hono/cors copies the preflight\'s `Access-Control-Request-Headers` into `Access-Control-Allow-Headers` (and adds `Vary: Access-Control-Request-Headers`). Convenient, but it allows **any** request header, e.g. `X-Forwarded-For` or `Authorization`, from any allowed origin.\n\n**Fix** when that is too open: list them, `allowHeaders: [\'Content-Type\', \'Authorization\']`.',
    request: { target: 'api', headers: { 'X-Anything-At-All': '1' } },
    server: { middleware: hono({}) },
    expect: { outcome: 'allowed', preflight: true, reachedServer: true, requestHeadersSeen: 'x-anything-at-all' },
  },
  {
    id: 'hono-cors-allow-headers-listed',
    title: 'A header missing from allowHeaders fails the preflight',
    group: 'hono-cors',
    explain: '`allowHeaders: [\'Content-Type\']` replaces the echo: `X-Custom` is not in the list, so the preflight fails and the request is never sent.\n\n**Fix:** `allowHeaders: [\'Content-Type\', \'X-Custom\']`.',
    request: { target: 'api', headers: { 'X-Custom': '1' } },
    server: { middleware: hono({ allowHeaders: ['Content-Type'] }) },
    expect: { outcome: 'blocked', reason: 'HeaderDisallowedByPreflightResponse', preflight: true, reachedServer: false },
  },
  {
    id: 'hono-cors-allow-methods',
    title: 'A method missing from allowMethods fails the preflight',
    group: 'hono-cors',
    explain: "`allowMethods: ['GET', 'POST']` leaves DELETE out (the default list has it), so the preflight for a DELETE fails.\n\n**Fix:** `allowMethods: ['GET', 'POST', 'DELETE']`.",
    request: { target: 'api', method: 'DELETE' },
    server: { middleware: hono({ allowMethods: ['GET', 'POST'] }) },
    expect: { outcome: 'blocked', reason: 'MethodDisallowedByPreflightResponse', preflight: true, reachedServer: false },
  },
  {
    id: 'hono-cors-expose-headers',
    title: 'exposeHeaders makes a response header readable',
    group: 'hono-cors',
    explain: "The route sends `X-Total-Count`; JavaScript may read it only because `exposeHeaders: ['X-Total-Count']` makes hono/cors send `Access-Control-Expose-Headers: X-Total-Count`. Without it the header would stay hidden (only the CORS-safelisted response headers are readable).",
    request: { target: 'api' },
    server: { middleware: hono({ exposeHeaders: ['X-Total-Count'] }), actual: { headers: { 'X-Total-Count': '42' } } },
    expect: { outcome: 'allowed', preflight: false, reachedServer: true, readableHeaders: ['x-total-count'] },
  },
  {
    id: 'hono-cors-max-age-caches-preflight',
    title: 'maxAge lets the browser reuse the preflight',
    group: 'hono-cors',
    explain: '`maxAge: 600` sends `Access-Control-Max-Age: 600` on the preflight, so the second PUT to the same URL goes without one.',
    request: { target: 'api', method: 'PUT', body: 'x' },
    server: { middleware: hono({ maxAge: 600 }) },
    expect: { outcome: 'allowed', preflight: true, reachedServer: true },
    then: [{ title: 'the same PUT again', expect: { outcome: 'allowed', preflight: false } }],
  },
];
