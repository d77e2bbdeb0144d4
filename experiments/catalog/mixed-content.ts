/**
 * Format 1.2: the `secure` origin (https on loopback with the lab's own CA, HTTP/2) beside the http ones.
 * What an https page may load over http (Mixed Content), what the scheme changes for origins, sites and
 * cookies, and which HTTP version answered (`observed.protocol`).
 *
 * Measured in Chromium: every lab origin is on loopback, and `http://localhost`, `127.0.0.1` and
 * `*.localhost` are "potentially trustworthy", so an https page may fetch them and they are never mixed
 * content (no `mixed-content` block, no upgrade of an `<img>`: "not upgraded ... because it is a local
 * network request"). A non-loopback http URL from the same page is blocked with BlockedReason
 * `mixed-content` before any request leaves; the lab has no such origin, so the explanations say it.
 * https://w3c.github.io/webappsec-mixed-content/#a-priori-authenticated-url
 * https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy
 * Runs in every engine. WebKitGTK 2.50 blocks an https page's fetch of http://localhost as mixed content (the request
 * never leaves, `TypeError: Load failed`, no CORS line); Firefox compares cookie sites without the scheme: both are
 * deviations of their models (experiments/model/DEVIATIONS.md).
 */
import type { ExperimentInput } from '../../format/schema.ts';

/**
 * Firefox 153 and WebKitGTK 2.50 leave a cross-origin response's `nextHopProtocol` (Resource Timing) empty without
 * `Timing-Allow-Origin`, and that is where their drivers read the HTTP version (engines/page-protocol.ts): none.
 */
const PROTOCOL_NOT_TOLD = { firefox: { protocol: null }, webkit: { protocol: null } };

const allowPage = { actual: { headers: { 'Access-Control-Allow-Origin': '{page}' } } };
const CREDENTIALED_CORS = { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' };
const withCookie = (cookie: string) => ({ actual: { headers: { ...CREDENTIALED_CORS, 'Set-Cookie': cookie } } });
const NEXT = 'the next credentialed request';

const MIXED = 'https://w3c.github.io/webappsec-mixed-content/#a-priori-authenticated-url';
const TRUSTWORTHY = 'https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy';
const ORIGIN = 'https://html.spec.whatwg.org/multipage/browsers.html#concept-origin-tuple';
const SCHEMEFUL = 'https://html.spec.whatwg.org/multipage/browsers.html#schemelessly-same-site';

export const mixedContent: ExperimentInput[] = [
  {
    id: 'mixed-content-https-page-fetches-loopback-http-api',
    title: 'An https page fetches an http API on localhost',
    group: 'mixed-content',
    explain: `The page is \`https://localhost\` (\`secure\`), the API \`http://localhost\` on another port. An https page's request to an http URL is **mixed content**, which browsers block, except for URLs that are potentially trustworthy without TLS: \`localhost\`, \`127.0.0.0/8\` and \`::1\` never leave the machine. So this request is sent and CORS decides as usual; \`protocol\` shows it went over HTTP/1.1. ${TRUSTWORTHY}\n\nThe same page fetching \`http://api.example.com\` would fail with Chromium's BlockedReason \`mixed-content\` before any request left. ${MIXED}`,
    page: 'secure',
    request: { target: 'api' },
    server: allowPage,
    expect: { outcome: 'allowed', reason: null, reachedServer: true, protocol: 'http/1.1', engines: PROTOCOL_NOT_TOLD },
  },
  {
    id: 'mixed-content-https-page-api-allows-http-app-origin',
    title: 'An https page fetches an API whose Access-Control-Allow-Origin names the http page origin app',
    group: 'mixed-content',
    explain: `The API answers \`Access-Control-Allow-Origin: http://localhost:APP\`, the playground's http origin, but the page runs on \`https://localhost\`. An origin is scheme, host and port: \`http\` and \`https\` are different origins even on the same host, so the check fails with \`AllowOriginMismatch\`. ${ORIGIN}\n\n**Fix:** allow the page's exact origin, scheme included (\`Access-Control-Allow-Origin: https://localhost:SECURE\`), e.g. by echoing an Origin found in an allow-list; moving a site to https means updating every allow-list.`,
    page: 'secure',
    request: { target: 'api' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '{origin:app}' } } },
    expect: { outcome: 'blocked', reason: 'AllowOriginMismatch', reachedServer: true },
  },
  {
    id: 'mixed-content-https-page-fetches-its-own-origin',
    title: 'An https page fetches its own origin',
    group: 'mixed-content',
    explain: 'A same-origin fetch on the https origin: no CORS, a `basic` response. The lab serves `secure` with HTTP/2 and HTTP/1.1 offered by ALPN in the TLS handshake; Chromium picks HTTP/2, which `protocol` shows as `h2`. Browsers speak HTTP/2 only over TLS. https://www.rfc-editor.org/rfc/rfc9113#section-3.2',
    page: 'secure',
    request: { target: 'secure' },
    expect: { outcome: 'allowed', reason: null, responseType: 'basic', protocol: 'h2' },
  },
  {
    id: 'mixed-content-http-page-fetches-https-api',
    title: 'An http page fetches the https API, which allows it by name',
    group: 'mixed-content',
    explain: 'From http to https is never mixed content: the request only gets more protected. The https API names the page (`Access-Control-Allow-Origin: http://localhost:APP`), so CORS passes; the answer came over HTTP/2 (`h2`), and CORS works the same over either version.',
    request: { target: 'secure' },
    server: allowPage,
    expect: { outcome: 'allowed', reason: null, responseType: 'cors', protocol: 'h2', engines: PROTOCOL_NOT_TOLD },
  },
  {
    id: 'mixed-content-http-page-api-allows-https-origin',
    title: 'An http page fetches the https API, which allows only the https origin secure',
    group: 'mixed-content',
    explain: `The API allows \`https://localhost:SECURE\`, itself; the page is \`http://localhost:APP\`. Same host, other scheme and port: another origin, so \`AllowOriginMismatch\`. ${ORIGIN}\n\n**Fix:** list the http origin too while the site is reachable over http (\`Access-Control-Allow-Origin: http://localhost:APP\` for that page), or serve the page over https only.`,
    request: { target: 'secure' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '{origin:secure}' } } },
    expect: { outcome: 'blocked', reason: 'AllowOriginMismatch', reachedServer: true },
  },
  {
    id: 'mixed-content-https-page-img-from-http',
    title: 'An https page shows an <img> from http://localhost',
    group: 'mixed-content',
    explain: `Images are "optionally blockable" mixed content, which Chromium upgrades to https, but not for a loopback host: it logs "not upgraded to HTTPS because it is a local network request" and loads the image over http (\`protocol\` \`http/1.1\`). ${TRUSTWORTHY}`,
    page: 'secure',
    request: { api: 'img', target: 'api' },
    expect: { outcome: 'allowed', reason: null, loaded: true, protocol: 'http/1.1', engines: PROTOCOL_NOT_TOLD },
  },
  {
    id: 'mixed-content-lax-cookie-https-page-to-http-api',
    title: 'An https page, an API on http://localhost that sets a SameSite=Lax cookie',
    group: 'mixed-content',
    explain: `Sites are schemeful: \`https://localhost\` and \`http://localhost\` are **different sites**, although the host is the same. The request from the https page is cross-site, so the \`SameSite=Lax\` cookie in the answer is not stored and the next request carries none. ${SCHEMEFUL}\n\n**Fix:** serve the API over https too (same scheme, same site), or use \`SameSite=None; Secure\` where third-party cookies are allowed.`,
    page: 'secure',
    request: { target: 'api', path: '/cookie', credentials: 'include' },
    server: withCookie('cl-mixed-lax=1; SameSite=Lax'),
    expect: { outcome: 'allowed', cookieSent: false },
    then: [{ title: NEXT, request: { credentials: 'include' }, expect: { outcome: 'allowed', cookieSent: false } }],
  },
  {
    id: 'mixed-content-lax-cookie-http-page-to-http-api',
    title: 'An http page, an API on http://localhost that sets a SameSite=Lax cookie',
    group: 'mixed-content',
    explain: 'The same API and cookie with the page on `http://localhost`: same scheme, same host, so the same site; the cookie is stored and the next credentialed request carries it.',
    request: { target: 'api', path: '/cookie', credentials: 'include' },
    server: withCookie('cl-mixed-lax=1; SameSite=Lax'),
    expect: { outcome: 'allowed', cookieSent: false },
    then: [{ title: NEXT, request: { credentials: 'include' }, expect: { outcome: 'allowed', cookieSent: true } }],
  },
  {
    id: 'mixed-content-none-secure-cookie-https-page-3pc-allowed',
    title: 'An https page, an http API that sets a SameSite=None; Secure cookie (third-party cookies allowed)',
    group: 'mixed-content',
    explain: 'For the https page, the http API is another site, so its cookie is a third-party cookie: `SameSite=None; Secure` is what such a cookie needs, and `Secure` is accepted from `http://localhost`, a potentially trustworthy origin. This run assumes **third-party cookies allowed**: the cookie is stored and sent.',
    page: 'secure',
    browser: { thirdPartyCookies: 'allowed' },
    request: { target: 'api', path: '/cookie', credentials: 'include' },
    server: withCookie('cl-mixed-none=1; SameSite=None; Secure'),
    expect: { outcome: 'allowed', cookieSent: false },
    then: [{ title: NEXT, request: { credentials: 'include' }, expect: { outcome: 'allowed', cookieSent: true } }],
  },
  {
    id: 'mixed-content-none-secure-cookie-https-page-3pc-blocked',
    title: 'An https page, an http API that sets a SameSite=None; Secure cookie (third-party cookies blocked)',
    group: 'mixed-content',
    explain: "The same cookie under Chromium's default, **third-party cookies blocked**: a different scheme makes the API another site, so its cookie is third-party and neither stored nor sent.\n\n**Fix:** serve the page and the API with the same scheme and registrable domain, or use a `Partitioned` cookie.",
    page: 'secure',
    request: { target: 'api', path: '/cookie', credentials: 'include' },
    server: withCookie('cl-mixed-none=1; SameSite=None; Secure'),
    expect: { outcome: 'allowed', cookieSent: false },
    then: [{ title: NEXT, request: { credentials: 'include' }, expect: { outcome: 'allowed', cookieSent: false } }],
  },
  {
    id: 'mixed-content-secure-cookie-set-over-http-localhost',
    title: 'A Secure cookie set by an API on http://localhost',
    group: 'mixed-content',
    explain: `\`Secure\` cookies may only be set and sent over secure connections, but Chromium counts \`http://localhost\` as one: it never leaves the machine. So the cookie is kept and sent over plain http here; from \`http://api.example.com\` it would be refused. ${TRUSTWORTHY}`,
    request: { target: 'api', path: '/cookie', credentials: 'include' },
    server: withCookie('cl-mixed-secure=1; Secure'),
    expect: { outcome: 'allowed', cookieSent: false },
    then: [{ title: NEXT, request: { credentials: 'include' }, expect: { outcome: 'allowed', cookieSent: true } }],
  },
  {
    id: 'mixed-content-secure-cookie-set-over-https',
    title: 'A Secure cookie set by the https origin for its own page',
    group: 'mixed-content',
    explain: 'Over https a `Secure` cookie is always allowed: the page on `secure` fetches its own origin, the answer sets the cookie, and the next request carries it, over HTTP/2.',
    page: 'secure',
    request: { target: 'secure', path: '/cookie', credentials: 'include' },
    server: withCookie('cl-mixed-secure=1; Secure'),
    expect: { outcome: 'allowed', cookieSent: false, protocol: 'h2' },
    then: [{ title: NEXT, request: { credentials: 'include' }, expect: { outcome: 'allowed', cookieSent: true, protocol: 'h2' } }],
  },
];
