/**
 * Format 1.2, group `beacon`: `navigator.sendBeacon`, the analytics call that outlives the page. It always
 * POSTs with credentials, and the page never sees the answer (outcome `opaque`): what the server received is
 * the whole story. A string or a Blob of a CORS-safelisted type is a no-cors request (no preflight, no CORS
 * check, always sent); any other Blob type makes it a CORS request, preflighted, and a credentialed one.
 * https://w3c.github.io/beacon/#sec-sendBeacon-method
 * Firefox 153 ESR and WebKitGTK 2.50 preflight a non-safelisted Blob type as Chromium does, and print the failure
 * to the console although the page never learns of it. WebKitGTK makes no Resource Timing entry for such a beacon
 * (the page's end of a beacon step elsewhere): there its driver ends the step on WebKit's line that the beacon's
 * fetch failed (engines/webkit/step-end-lines.ts), and the journal tells what the server received.
 */
import type { ExperimentInput } from '../../format/schema.ts';

const BEACON = 'https://w3c.github.io/beacon/#sec-sendBeacon-method';
const JSON_BLOB = { 'Content-Type': 'application/json' };
const EVENT = '{"event":"page-hidden"}';

export const beacon: ExperimentInput[] = [
  {
    id: 'beacon-text-no-preflight',
    title: 'A page on evil.localhost sends a text beacon to api, which has no CORS headers',
    group: 'beacon',
    page: 'evil',
    explain:
      `\`navigator.sendBeacon(url, "...")\` sends a \`POST\` with \`Content-Type: text/plain;charset=UTF-8\`, a CORS-safelisted type: a no-cors request, with no preflight and no CORS check. It reaches the server whatever the server answers; the page only learns that the beacon was queued. ${BEACON}`,
    request: { api: 'beacon', target: 'api', body: 'event=page-hidden' },
    expect: { outcome: 'opaque', reason: null, preflight: false, reachedServer: true, originSeen: '{page}' },
  },
  {
    id: 'beacon-json-blob-preflight-unanswered',
    title: 'A page on evil.localhost sends a beacon with an application/json Blob to api, which has no CORS headers',
    group: 'beacon',
    page: 'evil',
    explain:
      `A Blob whose type is \`application/json\` is not CORS-safelisted, so the beacon becomes a CORS request and Chromium sends a preflight first. \`api\` answers the \`OPTIONS\` without CORS headers, and the \`POST\` is never sent. The page cannot tell: \`sendBeacon\` already returned \`true\`. ${BEACON}\n\n**Fix:** answer the preflight with \`Access-Control-Allow-Origin: <page origin>\`, \`Access-Control-Allow-Credentials: true\` and \`Access-Control-Allow-Headers: content-type\`, or send the beacon as text.`,
    request: { api: 'beacon', target: 'api', headers: JSON_BLOB, body: EVENT },
    expect: { outcome: 'opaque', reason: null, preflight: true, reachedServer: false },
  },
  {
    id: 'beacon-json-blob-wildcard',
    title: 'A beacon with an application/json Blob goes to api, whose preflight answers Access-Control-Allow-Origin: *',
    group: 'beacon',
    explain:
      'A beacon always includes credentials, so its preflight is checked as a credentialed one: `Access-Control-Allow-Origin: *` is refused (a credentialed request needs the origin named and `Access-Control-Allow-Credentials: true`). The `POST` never goes.\n\n**Fix:** `Access-Control-Allow-Origin: <page origin>` with `Access-Control-Allow-Credentials: true`.',
    request: { api: 'beacon', target: 'api', headers: JSON_BLOB, body: EVENT },
    server: { preflight: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'content-type' } } },
    expect: { outcome: 'opaque', reason: null, preflight: true, reachedServer: false },
  },
  {
    id: 'beacon-json-blob-credentialed-preflight',
    title: 'A beacon with an application/json Blob goes to api, whose preflight names the page and allows credentials',
    group: 'beacon',
    explain:
      'The counterpart of `beacon-json-blob-wildcard`: the preflight names the page origin, allows credentials and the `content-type` header, so the `POST` follows. The answer to it is still never shown to the page.',
    request: { api: 'beacon', target: 'api', headers: JSON_BLOB, body: EVENT },
    server: {
      preflight: { headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Headers': 'content-type' } },
    },
    expect: { outcome: 'opaque', reason: null, preflight: true, reachedServer: true, requestHeadersSeen: 'content-type' },
  },
  {
    id: 'beacon-urlencoded-blob-no-preflight',
    title: 'A page on evil.localhost sends a beacon with an application/x-www-form-urlencoded Blob to api',
    group: 'beacon',
    page: 'evil',
    explain:
      '`application/x-www-form-urlencoded` is one of the three CORS-safelisted types (with `multipart/form-data` and `text/plain`): the beacon stays a no-cors request, and the `POST` reaches the server without a preflight, like a form would.',
    request: { api: 'beacon', target: 'api', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'event=page-hidden' },
    expect: { outcome: 'opaque', reason: null, preflight: false, reachedServer: true },
  },
  {
    id: 'beacon-same-site-lax-cookie',
    title: 'A page on app sends a text beacon to api after api set a SameSite=Lax cookie',
    group: 'beacon',
    explain:
      'Beacons include credentials. `app` and `api` are the same site (`localhost`, ports do not count), so even a `SameSite=Lax` cookie goes with the beacon: this is how analytics on your own site keep their session.',
    request: { target: 'api', path: '/collect', credentials: 'include' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true', 'Set-Cookie': 'cl-beacon-lax=1; SameSite=Lax' } } },
    expect: { outcome: 'allowed', cookieSent: false },
    then: [{ title: 'the beacon', request: { api: 'beacon', body: 'event=page-hidden' }, expect: { outcome: 'opaque', reason: null, reachedServer: true, cookieSent: true } }],
  },
  {
    id: 'beacon-cross-site-lax-cookie',
    title: 'A page on evil.localhost sends a text beacon to api after api set a SameSite=Lax cookie',
    group: 'beacon',
    explain:
      'The same beacon from `evil.localhost`, another site: a beacon is no navigation, so a `Lax` cookie does not go with it. The server still receives the `POST`, anonymously.',
    request: { target: 'api', path: '/collect', credentials: 'include' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true', 'Set-Cookie': 'cl-beacon-lax-x=1; SameSite=Lax' } } },
    expect: { outcome: 'allowed', cookieSent: false },
    then: [{ title: 'the beacon from evil', page: 'evil', request: { api: 'beacon', body: 'event=page-hidden' }, expect: { outcome: 'opaque', reason: null, reachedServer: true, cookieSent: false } }],
  },
];
