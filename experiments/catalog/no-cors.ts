/**
 * Request modes: `no-cors` sends without CORS and hands the page an opaque
 * response; `same-origin` refuses other origins; and what no-cors may send.
 * https://fetch.spec.whatwg.org/#concept-request-mode
 * https://fetch.spec.whatwg.org/#concept-filtered-response-opaque
 */
import type { ExperimentInput } from '../../format/schema.ts';

const STAR = { 'Access-Control-Allow-Origin': '*' };

export const noCors: ExperimentInput[] = [
  {
    id: 'no-cors-opaque-still-reaches-server',
    title: 'mode "no-cors": the server runs the request, the page gets an opaque response',
    group: 'no-cors',
    explain:
      '`no-cors` skips the CORS check, so nothing is blocked, and nothing is readable either: the response is opaque (`type: "opaque"`, status 0, no headers, empty body). The server received and answered the request all the same. This is how `<img>` and `<script>` load cross-origin, and why CORS is not a defence against requests, only against reading answers.\n\n**To read the answer:** use mode "cors" and have the server send `Access-Control-Allow-Origin`.',
    request: { target: 'api', mode: 'no-cors' },
    server: { actual: { headers: { 'X-Secret': '42' }, body: 'secret' } },
    expect: { outcome: 'opaque', preflight: false, reachedServer: true, status: 0, responseType: 'opaque', hiddenHeaders: ['x-secret', 'content-type'] },
  },
  {
    id: 'no-cors-cors-headers-do-not-help',
    title: 'mode "no-cors" stays opaque even when the server allows CORS',
    group: 'no-cors',
    explain:
      'A common misreading of the console hint "set the request\'s mode to \'no-cors\'": it does not make the data readable. Even with `Access-Control-Allow-Origin: *` on the answer, a no-cors response is opaque.\n\n**Fix:** drop `mode: "no-cors"`; the default mode "cors" reads this answer (see `no-cors-cors-mode-reads-it`).',
    request: { target: 'api', mode: 'no-cors' },
    server: { actual: { headers: { ...STAR, 'X-Secret': '42' } } },
    expect: { outcome: 'opaque', status: 0, responseType: 'opaque', hiddenHeaders: ['content-type'] },
  },
  {
    id: 'no-cors-cors-mode-reads-it',
    title: 'The same answer in mode "cors" is readable',
    group: 'no-cors',
    explain: 'The counterpart of `no-cors-cors-headers-do-not-help`: mode "cors" with `Access-Control-Allow-Origin: *` gives a `cors` response with status 200 and the safelisted headers.',
    request: { target: 'api' },
    server: { actual: { headers: { ...STAR, 'X-Secret': '42' } } },
    expect: { outcome: 'allowed', status: 200, responseType: 'cors', readableHeaders: ['content-type'] },
  },
  {
    id: 'no-cors-post-side-effect',
    title: 'A no-cors POST with a form body reaches the server: no preflight protects it',
    group: 'no-cors',
    explain:
      'No-cors allows only GET, HEAD and POST with safelisted headers, exactly what an HTML form can send, so a page on any origin can make this POST without a preflight. The server acts on it (cookies permitting); the page just cannot read the answer. This is cross-site request forgery, and CORS does not stop it.\n\n**Fix** (server side): accept state-changing requests only with a non-safelisted content type or header (which forces a preflight), check `Origin`/`Sec-Fetch-Site`, or use CSRF tokens.',
    request: { target: 'api', mode: 'no-cors', method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'amount=100' },
    expect: { outcome: 'opaque', preflight: false, reachedServer: true, originSeen: '{page}', status: 0 },
  },
  {
    id: 'no-cors-put-refused',
    title: 'mode "no-cors" refuses a method other than GET, HEAD and POST',
    group: 'no-cors',
    explain:
      'A no-cors request can never be preflighted, so it may use only the CORS-safelisted methods. `fetch()` throws `TypeError: Failed to execute \'fetch\' on \'Window\': \'PUT\' is unsupported in no-cors mode.` before anything is sent: no network request, no CORS reason.\n\n**Fix:** use mode "cors" and have the server answer the preflight.',
    request: { target: 'api', mode: 'no-cors', method: 'PUT', body: 'x' },
    expect: { outcome: 'blocked', reason: null, preflight: false, reachedServer: false },
  },
  {
    id: 'no-cors-custom-header-dropped',
    title: 'mode "no-cors" silently drops a non-safelisted request header',
    group: 'no-cors',
    explain:
      'Headers of a no-cors request are limited to the CORS-safelisted ones. `X-Api-Key` is not thrown at; it is silently left out, so the request goes without a preflight and the server never sees the key (check the journal).\n\n**Fix:** use mode "cors"; the header then triggers a preflight the server must allow (`Access-Control-Allow-Headers: X-Api-Key`).',
    request: { target: 'api', mode: 'no-cors', headers: { 'X-Api-Key': 'k' } },
    expect: { outcome: 'opaque', preflight: false, reachedServer: true, requestHeadersSeen: null },
  },
  {
    id: 'no-cors-same-origin-mode-refuses-other-origin',
    title: 'mode "same-origin" refuses another origin before sending',
    group: 'no-cors',
    explain:
      '`mode: "same-origin"` is a promise that the request never leaves the page origin. A URL on `api` breaks it: Chromium refuses it before any network request (`DisallowedByMode`), and the server sees nothing.\n\n**Fix:** use mode "cors" for cross-origin calls.',
    request: { target: 'api', mode: 'same-origin' },
    server: { actual: { headers: STAR } },
    expect: { outcome: 'blocked', reason: 'DisallowedByMode', preflight: false, reachedServer: false },
  },
  {
    id: 'no-cors-same-origin-mode-own-origin',
    title: 'mode "same-origin" on the page origin: a basic, fully readable response',
    group: 'no-cors',
    explain: 'On its own origin, `mode: "same-origin"` is an ordinary request: a `basic` response with every header readable (but `Set-Cookie`), no CORS headers needed.',
    request: { target: 'app', mode: 'same-origin' },
    server: { actual: { headers: { 'X-Secret': '42' } } },
    expect: { outcome: 'allowed', status: 200, responseType: 'basic', readableHeaders: ['x-secret'] },
  },
  {
    id: 'no-cors-corp-same-origin',
    title: 'Cross-Origin-Resource-Policy: same-origin blocks a no-cors load from another origin',
    group: 'no-cors',
    explain:
      'CORS does not govern no-cors loads; `Cross-Origin-Resource-Policy` does. With `same-origin`, Chromium refuses the response to any other origin (`corp-not-same-origin`): the page gets `TypeError: Failed to fetch` instead of an opaque response. The server still ran the request. Use it to stop other sites embedding private resources (and Spectre-style reads of them).\n\n**If other origins should embed it:** `Cross-Origin-Resource-Policy: same-site` or `cross-origin`.',
    request: { target: 'api', mode: 'no-cors' },
    server: { actual: { headers: { 'Cross-Origin-Resource-Policy': 'same-origin' } } },
    expect: { outcome: 'blocked', reason: 'corp-not-same-origin', preflight: false, reachedServer: true },
  },
  {
    id: 'no-cors-corp-same-site-allows-same-site',
    title: 'Cross-Origin-Resource-Policy: same-site lets a same-site page embed it',
    group: 'no-cors',
    explain: 'The page (`localhost:A`) and `api` (`localhost:B`) are different origins but the same site, so `Cross-Origin-Resource-Policy: same-site` lets the no-cors load through as an opaque response.',
    request: { target: 'api', mode: 'no-cors' },
    server: { actual: { headers: { 'Cross-Origin-Resource-Policy': 'same-site' } } },
    expect: { outcome: 'opaque', status: 0, reachedServer: true },
  },
  {
    id: 'no-cors-corp-same-site-refuses-other-site',
    title: 'Cross-Origin-Resource-Policy: same-site refuses a page on another site',
    group: 'no-cors',
    explain:
      'The page runs on `partner` (`127.0.0.1`), another site than `api` (`localhost`), so `same-site` refuses it: `corp-not-same-site`.\n\n**If every site may embed it:** `Cross-Origin-Resource-Policy: cross-origin`.',
    page: 'partner',
    request: { target: 'api', mode: 'no-cors' },
    server: { actual: { headers: { 'Cross-Origin-Resource-Policy': 'same-site' } } },
    expect: { outcome: 'blocked', reason: 'corp-not-same-site', reachedServer: true },
  },
];
