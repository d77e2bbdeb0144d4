/**
 * Format 1.2, group `csrf`: CORS is not authorization. CORS decides what a page may READ; it never stops a
 * request from being SENT. A form on another site (a navigation, no CORS at all) reaches an API and changes
 * state with the user's cookie; a simple fetch is blocked from reading but still delivered; only a preflight
 * stops a request before it leaves. What does protect the API: SameSite cookies and a check of `Origin` on
 * the server. Each experiment first logs the user in from `app` (a credentialed fetch that sets the session
 * cookie), then runs the attack from another page.
 * https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#form-submission-algorithm
 * https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-samesite-cookies
 *
 * Not here, on purpose: a form with a cookie without SameSite. Chromium treats it as Lax but still sends it on a
 * cross-site top-level POST for 2 minutes after it was set (Lax-allowing-unsafe), a verdict on a clock. A forged
 * fetch with such a cookie is here (csrf-fetch-post-default-samesite): no clock, and the engines differ.
 * Runs in every engine (the form's popup allowed by each driver); WebKitGTK never sends the `Secure` session cookie
 * set over http://localhost back (experiments/model/DEVIATIONS.md).
 */
import type { ExperimentInput, Step } from '../../format/schema.ts';

/** The API trusts its own front end on `app`, with cookies: `{page}` is the login page's origin. */
const OWN_FRONT_END = { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true' };
const FORM_SPEC = 'https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#form-submission-algorithm';
const SAMESITE = 'https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-samesite-cookies';
const TRANSFER = 'to=evil&amount=1000';

/** The login: the user, on `app`, signs in to `api`, which sets the session cookie. */
function login(id: string, cookie: string): Pick<ExperimentInput, 'page' | 'request' | 'server' | 'expect'> {
  return {
    page: 'app',
    request: { target: 'api', path: '/transfer', credentials: 'include' },
    server: { actual: { headers: { ...OWN_FRONT_END, 'Set-Cookie': `cl-${id}=session; ${cookie}` } } },
    expect: { outcome: 'allowed', reachedServer: true },
  };
}

/** The forged request, from `evil` unless the step names its page. */
function attack(step: Omit<Step, 'title'>, title = 'the attack from evil'): Step[] {
  return [{ title, page: 'evil', ...step }];
}

const FORM_POST = { api: 'form', method: 'POST', body: TRANSFER } as const;

export const csrf: ExperimentInput[] = [
  {
    id: 'csrf-form-post-reaches-api',
    title: 'A page on evil.localhost posts a form to api, whose CORS allows only app, after the user logged in with a SameSite=None cookie',
    group: 'csrf',
    explain:
      `The user logged in on \`app\`; \`api\` set \`SameSite=None; Secure\` on its session cookie. A page on \`evil.localhost\` (another site) then submits a hidden form to \`api\`. A form submission is a navigation: no preflight, no CORS check, and a top-level navigation carries the cookie. The server receives an authenticated \`POST\` and, if it trusts the cookie alone, moves the money. The page cannot read the answer (\`opaque\`), and it does not need to. ${FORM_SPEC}\n\n**Fix:** \`SameSite=Lax\` (or \`Strict\`) on the session cookie, and check \`Origin\` on every request that changes state (\`csrf-origin-check-refuses-evil\`).`,
    ...login('form-none', 'SameSite=None; Secure'),
    then: attack({ request: FORM_POST, expect: { outcome: 'opaque', reason: null, reachedServer: true, preflight: false, cookieSent: true, originSeen: '{origin:evil}', serverStatus: 200 } }),
  },
  {
    id: 'csrf-fetch-simple-post-delivered',
    title: 'A page on evil.localhost sends a credentialed text/plain fetch POST to api, whose CORS allows only app',
    group: 'csrf',
    browser: { thirdPartyCookies: 'allowed' },
    explain:
      'The same forged transfer, with `fetch()` this time: `POST` with a `text/plain` body is a simple request, so there is no preflight. The answer names `app`, not `evil`, so the CORS check fails and the page gets `TypeError: Failed to fetch`, but only **after** the server ran the request, with the cookie (third-party cookies allowed here, as in many browsers). CORS kept the answer from the attacker; it did not keep the request from the server.\n\n**Fix:** not in CORS: a SameSite cookie and a server-side check of `Origin` (or a CSRF token).',
    ...login('fetch-none', 'SameSite=None; Secure'),
    then: attack({
      request: { api: 'fetch', method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: TRANSFER, credentials: 'include' },
      expect: { outcome: 'blocked', reason: 'AllowOriginMismatch', reachedServer: true, preflight: false, cookieSent: true, serverStatus: 200 },
    }),
  },
  {
    id: 'csrf-fetch-post-default-samesite',
    title: 'A page on evil.localhost sends a credentialed text/plain fetch POST to api after the user logged in with a cookie without SameSite',
    group: 'csrf',
    browser: { thirdPartyCookies: 'allowed' },
    explain:
      `The session cookie has no \`SameSite\` attribute, and third-party cookies are allowed. Chromium treats such a cookie as \`Lax\`: a cross-site \`fetch\` is no navigation, so the forged \`POST\` arrives without the session. Firefox and Safari (WebKit) treat it as \`None\`: the same \`POST\` carries the cookie, and the server runs it as the user. The default is a browser's choice, not a protection you can count on. ${SAMESITE}\n\n**Fix:** set \`SameSite=Lax\` (or \`Strict\`) explicitly on session cookies, and check \`Origin\` on the server.`,
    ...login('fetch-default', 'HttpOnly'),
    then: attack({
      request: { api: 'fetch', method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: TRANSFER, credentials: 'include' },
      expect: {
        outcome: 'blocked', reason: 'AllowOriginMismatch', reachedServer: true, preflight: false, cookieSent: false,
        engines: { firefox: { cookieSent: true }, webkit: { cookieSent: true } },
      },
    }),
  },
  {
    id: 'csrf-fetch-json-post-preflighted',
    title: 'A page on evil.localhost sends a credentialed fetch POST with Content-Type: application/json to api',
    group: 'csrf',
    browser: { thirdPartyCookies: 'allowed' },
    explain:
      '`Content-Type: application/json` is not CORS-safelisted, so the browser asks first with a preflight. `api` answers the `OPTIONS` without CORS headers, and the `POST` never leaves the browser: the server saw only the preflight. This is the one place CORS does protect an API: requests a form could never send. An API that accepts only JSON (and checks the Content-Type) is out of a form\'s reach; one that also parses `text/plain` is not (`csrf-form-text-plain-json`).',
    ...login('json-none', 'SameSite=None; Secure'),
    then: attack({
      request: { api: 'fetch', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"to":"evil","amount":1000}', credentials: 'include' },
      expect: { outcome: 'blocked', reason: 'PreflightMissingAllowOriginHeader', preflight: true, reachedServer: false, serverStatus: null },
    }),
  },
  {
    id: 'csrf-form-text-plain-json',
    title: 'A page on evil.localhost posts a text/plain form whose field name holds JSON to api',
    group: 'csrf',
    explain:
      `A form cannot send \`application/json\`, but \`enctype="text/plain"\` writes each field as \`name=value\`: a field named \`{"to":"evil","amount":1000,"pad":"\` with the value \`"}\` makes the body \`{"to":"evil","amount":1000,"pad":"="}\`. No preflight, the cookie goes: an API that parses any body as JSON takes it. ${FORM_SPEC}\n\n**Fix:** refuse a state-changing request unless its \`Content-Type\` is \`application/json\` (a form cannot send it), and check \`Origin\`.`,
    ...login('text-none', 'SameSite=None; Secure'),
    then: attack({
      request: { api: 'form', method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"to":"evil","amount":1000,"pad":"="}' },
      expect: { outcome: 'opaque', reason: null, preflight: false, reachedServer: true, cookieSent: true },
    }),
  },
  {
    id: 'csrf-form-post-samesite-lax',
    title: 'A page on evil.localhost posts a form to api after the user logged in with a SameSite=Lax cookie',
    group: 'csrf',
    explain:
      `The same forged form, but the session cookie says \`SameSite=Lax\`. Lax cookies go on a cross-site request only when it is a top-level navigation **with a safe method** (GET): a cross-site \`POST\` goes without the cookie, so the server sees an anonymous request. The form still arrives: SameSite protects the session, not the endpoint. ${SAMESITE}`,
    ...login('form-lax', 'SameSite=Lax'),
    then: attack({ request: FORM_POST, expect: { outcome: 'opaque', reason: null, reachedServer: true, cookieSent: false } }),
  },
  {
    id: 'csrf-form-get-samesite-lax',
    title: 'A page on evil.localhost submits a GET form to api after the user logged in with a SameSite=Lax cookie',
    group: 'csrf',
    explain:
      `The counterpart of \`csrf-form-post-samesite-lax\`: the form uses \`GET\`. A top-level navigation with a safe method is exactly what \`Lax\` allows cross-site (so that links from other sites keep the user logged in), and the cookie goes. An endpoint that changes state on \`GET\` is open to any link. ${SAMESITE}\n\n**Fix:** never change state on \`GET\`; use \`SameSite=Strict\` for cookies that authorise changes.`,
    ...login('get-lax', 'SameSite=Lax'),
    then: attack({ request: { api: 'form', method: 'GET' }, expect: { outcome: 'opaque', reason: null, reachedServer: true, cookieSent: true, originSeen: null } }),
  },
  {
    id: 'csrf-form-post-samesite-strict',
    title: 'A page on evil.localhost posts a form to api after the user logged in with a SameSite=Strict cookie',
    group: 'csrf',
    explain: `\`SameSite=Strict\` cookies never go on a request another site started, navigation or not: the forged \`POST\` arrives without the session. ${SAMESITE}`,
    ...login('form-strict', 'SameSite=Strict'),
    then: attack({ request: FORM_POST, expect: { outcome: 'opaque', reason: null, reachedServer: true, cookieSent: false } }),
  },
  {
    id: 'csrf-form-post-same-site-sibling',
    title: 'A page on api2 (localhost, another port) posts a form to api after the user logged in with a SameSite=Strict cookie',
    group: 'csrf',
    explain:
      `SameSite is about **sites**, not origins: \`localhost:5312\` and \`localhost:5311\` are the same site (ports do not count), so even a \`Strict\` cookie goes with a form from \`api2\`. Every origin of your site (another port, in production another subdomain of the same registrable domain) can forge requests SameSite will not stop. ${SAMESITE}\n\n**Fix:** check \`Origin\` on the server: it names the exact origin.`,
    ...login('sibling-strict', 'SameSite=Strict'),
    then: attack({ page: 'api2', request: FORM_POST, expect: { outcome: 'opaque', reason: null, reachedServer: true, cookieSent: true, originSeen: '{origin:api2}' } }, 'the attack from api2'),
  },
  {
    id: 'csrf-origin-check-refuses-evil',
    title: 'A page on evil.localhost posts a form to api, which checks that Origin is app',
    group: 'csrf',
    explain:
      'Now `api` checks the `Origin` header of every request that changes state and answers `403` to any origin but `app` (`server.acceptOrigins`). Every `POST` a browser sends carries `Origin`, forms included, and a page cannot forge it. The forged form still arrives with the cookie, but the server refuses it before doing anything.',
    ...login('origin-evil', 'SameSite=None; Secure'),
    server: { acceptOrigins: ['{page}'], actual: { headers: { ...OWN_FRONT_END, 'Set-Cookie': 'cl-origin-evil=session; SameSite=None; Secure' } } },
    then: attack({ request: FORM_POST, expect: { outcome: 'opaque', reason: null, reachedServer: true, cookieSent: true, originSeen: '{origin:evil}', serverStatus: 403 } }),
  },
  {
    id: 'csrf-origin-check-accepts-app',
    title: 'A page on app posts a form to api, which checks that Origin is app',
    group: 'csrf',
    explain:
      'The counterpart of `csrf-origin-check-refuses-evil`: the same `POST` from the API\'s own front end carries `Origin` of `app`, which the check accepts, and the server answers `200`. The check costs the real front end nothing.',
    ...login('origin-app', 'SameSite=None; Secure'),
    server: { acceptOrigins: ['{page}'], actual: { headers: { ...OWN_FRONT_END, 'Set-Cookie': 'cl-origin-app=session; SameSite=None; Secure' } } },
    then: [{ title: 'the transfer from app', request: FORM_POST, expect: { outcome: 'opaque', reason: null, reachedServer: true, cookieSent: true, originSeen: '{page}', serverStatus: 200 } }],
  },
];
