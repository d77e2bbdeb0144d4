/**
 * Format 1.2: WebSockets, which no CORS governs. `new WebSocket(url)` sends the page's Origin (and the
 * cookies SameSite lets through) on the handshake and takes no headers of the page's choosing, so there is
 * never a preflight; the server alone decides whether to accept it (RFC 6455 §10.2). A server that accepts
 * any Origin lets any site's page read it with the user's cookies: Cross-Site WebSocket Hijacking.
 * https://websockets.spec.whatwg.org/ https://www.rfc-editor.org/rfc/rfc6455#section-10.2
 * Runs in every engine: Chromium 156, Firefox 153 ESR and WebKitGTK 2.50 give the same verdicts (in WebKitGTK a
 * `Secure` cookie set over http://localhost is never sent back: experiments/model/DEVIATIONS.md).
 */
import type { ExperimentInput } from '../../format/schema.ts';

const RFC = 'https://www.rfc-editor.org/rfc/rfc6455#section-10.2';
const CREDENTIALED_CORS = { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' };

/** A first step on `app` that stores a cookie on `api` (a credentialed fetch), then a WebSocket from `evil`. */
function hijack(id: string, cookie: string, thirdParty: 'blocked' | 'allowed', sent: boolean, title: string, explain: string): ExperimentInput {
  return {
    id,
    title,
    group: 'websocket',
    explain,
    browser: { thirdPartyCookies: thirdParty },
    request: { target: 'api', path: '/login', credentials: 'include' },
    server: { websocket: 'any', actual: { headers: { ...CREDENTIALED_CORS, 'Set-Cookie': `cl-ws-${id}=1; ${cookie}` } } },
    expect: { outcome: 'allowed', cookieSent: false },
    then: [{ title: 'evil opens a WebSocket to api', page: 'evil', request: { api: 'websocket' }, expect: { outcome: 'allowed', reason: null, opened: true, cookieSent: sent } }],
  };
}

export const websocket: ExperimentInput[] = [
  {
    id: 'websocket-origin-accepted',
    title: 'A page opens a WebSocket to an API that accepts its Origin',
    group: 'websocket',
    explain:
      `The page on \`app\` opens \`ws://\` to \`api\`, which accepts the handshake from \`{page}\` only. No CORS is involved: no preflight, no \`Access-Control-*\` header. The browser sends \`Origin\` and the server checks it (${RFC}); \`new WebSocket(url)\` cannot add a header of its own, so there is nothing to preflight.`,
    request: { api: 'websocket', target: 'api' },
    server: { websocket: { acceptOrigins: ['{page}'] } },
    expect: { outcome: 'allowed', reason: null, preflight: false, reachedServer: true, originSeen: '{page}', opened: true },
  },
  {
    id: 'websocket-origin-refused',
    title: 'A page on evil opens a WebSocket to an API that accepts only app',
    group: 'websocket',
    explain:
      `The API accepts the handshake from \`app\` only, and \`evil\`'s page sends its own Origin, which it cannot forge: the server answers 403 and the socket never opens. The page sees only a \`close\` event (code 1006) and Chromium gives no reason: this is the server's decision, not a CORS block. ${RFC}\n\n**Fix:** list the origin of a page that should connect in the server's accepted origins.`,
    page: 'evil',
    request: { api: 'websocket', target: 'api' },
    server: { websocket: { acceptOrigins: ['{origin:app}'] } },
    expect: { outcome: 'blocked', reason: null, reachedServer: true, originSeen: '{page}', opened: false },
  },
  {
    id: 'websocket-any-origin-from-evil',
    title: 'A page on evil opens a WebSocket to an API that accepts any Origin',
    group: 'websocket',
    explain:
      `The API accepts every Origin, and the WebSocket opens from \`evil\`: the page reads everything the server sends. No browser rule stands in the way, because WebSockets are not CORS: a socket server that does not check \`Origin\` is open to every site the user visits (Cross-Site WebSocket Hijacking). ${RFC}\n\n**Fix:** check \`Origin\` against a list of your own origins on every handshake.`,
    page: 'evil',
    request: { api: 'websocket', target: 'api' },
    server: { websocket: 'any' },
    expect: { outcome: 'allowed', reason: null, preflight: false, originSeen: '{page}', opened: true },
  },
  {
    id: 'websocket-cors-headers-no-socket',
    title: 'A page opens a WebSocket to an API that sends Access-Control-Allow-Origin: * and accepts no WebSocket',
    group: 'websocket',
    explain:
      'The API answers every origin with `Access-Control-Allow-Origin: *`, but its plan accepts no WebSocket, so it refuses the handshake (403). CORS headers neither open a socket nor protect one: only the server\'s answer to the handshake counts.\n\n**Fix:** accept the handshake on the server for the origins that may connect.',
    request: { api: 'websocket', target: 'api' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    expect: { outcome: 'blocked', reason: null, preflight: false, reachedServer: true, opened: false },
  },
  {
    id: 'websocket-same-site-cookie-sent',
    title: 'A page on app stores a SameSite=Lax cookie on api, then opens a WebSocket to api',
    group: 'websocket',
    explain:
      'A credentialed fetch stores `SameSite=Lax` on `api`; the WebSocket from the same site then carries it on the handshake: a WebSocket always sends cookies (its credentials mode is "include"), as far as `SameSite` and the third-party cookie setting allow. The server sees who the user is, whatever page opened the socket.',
    request: { target: 'api', path: '/login', credentials: 'include' },
    server: { websocket: { acceptOrigins: ['{page}'] }, actual: { headers: { ...CREDENTIALED_CORS, 'Set-Cookie': 'cl-ws-lax=1; SameSite=Lax' } } },
    expect: { outcome: 'allowed', cookieSent: false },
    then: [{ title: 'the WebSocket', request: { api: 'websocket' }, expect: { outcome: 'allowed', reason: null, opened: true, cookieSent: true } }],
  },
  hijack(
    'websocket-hijack-lax-cookie',
    'SameSite=Lax',
    'allowed',
    false,
    'A page on evil opens a WebSocket to an API that accepts any Origin, with a SameSite=Lax cookie on api (third-party cookies allowed)',
    'The user logged in on `app` (a `SameSite=Lax` cookie on `api`), then visits `evil`, whose page opens a WebSocket to `api`. The socket opens (the server accepts any Origin), but `evil` is another site, and a `Lax` cookie goes only to requests from the same site or top-level navigations: the handshake carries no cookie, so the socket is anonymous. `SameSite` cookies are what keeps this hijacking at bay.',
  ),
  hijack(
    'websocket-hijack-none-cookie-3pc-allowed',
    'SameSite=None; Secure',
    'allowed',
    true,
    'A page on evil opens a WebSocket to an API that accepts any Origin, with a SameSite=None cookie on api (third-party cookies allowed)',
    `The same visit with a \`SameSite=None; Secure\` cookie, in a browser that allows third-party cookies: the handshake from \`evil\` **carries the user's cookie**, the server accepts any Origin, and \`evil\`'s page now reads the user's data over the socket: Cross-Site WebSocket Hijacking. ${RFC}\n\n**Fix:** check \`Origin\` on every handshake; keep session cookies \`SameSite=Lax\` (or \`Strict\`).`,
  ),
  hijack(
    'websocket-hijack-none-cookie-3pc-blocked',
    'SameSite=None; Secure',
    'blocked',
    false,
    'A page on evil opens a WebSocket to an API that accepts any Origin, with a SameSite=None cookie on api (third-party cookies blocked)',
    'The same `SameSite=None` cookie in Chromium\'s default here, third-party cookies blocked: the handshake from `evil` goes without it. The socket still opens and `evil` reads whatever the server tells an anonymous visitor; only the cookie setting, not the server, kept the user\'s session out.',
  ),
];
