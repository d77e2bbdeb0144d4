/**
 * Format 1.2: resources a page embeds with an element (img, script, link rel=stylesheet). Without a
 * `crossorigin` attribute the load is no-cors: it never fails for want of CORS headers, sends no Origin, and
 * leaves the page unable to read what it loaded. With `crossorigin` it is a CORS request, checked as a
 * fetch() is. https://html.spec.whatwg.org/multipage/urls-and-fetching.html#cors-settings-attributes
 */
import type { ExperimentInput } from '../../format/schema.ts';

const STAR = { 'Access-Control-Allow-Origin': '*' };
const PAGE_WITH_CREDENTIALS = { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true' };
const ATTRIBUTE = 'https://html.spec.whatwg.org/multipage/urls-and-fetching.html#cors-settings-attributes';

export const resources: ExperimentInput[] = [
  {
    id: 'resources-img-no-cors-loads',
    title: 'An <img> from another site loads without any CORS header',
    group: 'resources',
    explain:
      `Without a \`crossorigin\` attribute an image is a no-cors request: no \`Origin\` header is sent, no CORS check is made, and the image shows. This is why embedding images from anywhere has always worked. What the page cannot do is read it: drawn on a canvas, it taints the canvas (see the canvas-and-errors group). ${ATTRIBUTE}`,
    request: { api: 'img', target: 'partner' },
    expect: { outcome: 'allowed', reason: null, reachedServer: true, originSeen: null, loaded: true, canvasTainted: true },
  },
  {
    id: 'resources-img-anonymous-without-allow-origin',
    title: '<img crossorigin="anonymous"> fails when the server sends no Access-Control-Allow-Origin',
    group: 'resources',
    explain:
      'The same image with `crossorigin="anonymous"` becomes a CORS request: it carries `Origin`, and the answer must pass the CORS check like a `fetch()`. The server answered (it saw the request), but without `Access-Control-Allow-Origin` the browser throws the image away and fires `error`. Asking for CORS is what makes CORS headers necessary.\n\n**Fix:** `Access-Control-Allow-Origin: *` on the image (or the page origin), or drop `crossorigin` if the page never needs to read the pixels.',
    request: { api: 'img', target: 'partner', crossorigin: 'anonymous' },
    expect: { outcome: 'blocked', reason: 'MissingAllowOriginHeader', reachedServer: true, originSeen: '{page}', loaded: false },
  },
  {
    id: 'resources-img-anonymous-with-allow-origin',
    title: '<img crossorigin="anonymous"> loads with Access-Control-Allow-Origin: *',
    group: 'resources',
    explain:
      'With `Access-Control-Allow-Origin: *` the CORS load succeeds, and the page may read the image: a canvas it is drawn on stays clean, so `getImageData` and `toDataURL` work. `anonymous` sends no cookies to another site, so the wildcard is enough.',
    request: { api: 'img', target: 'partner', crossorigin: 'anonymous' },
    server: { actual: { headers: STAR } },
    expect: { outcome: 'allowed', reason: null, originSeen: '{page}', loaded: true, canvasTainted: false },
  },
  {
    id: 'resources-script-use-credentials-wildcard',
    title: '<script crossorigin="use-credentials"> refuses Access-Control-Allow-Origin: *',
    group: 'resources',
    explain:
      '`use-credentials` is the attribute\'s way of saying `credentials: "include"`: the script is requested with cookies, and a credentialed CORS answer may not use the wildcard. The script does not run and `error` fires, as a credentialed `fetch()` would fail.\n\n**Fix:** `Access-Control-Allow-Origin: <page origin>` with `Access-Control-Allow-Credentials: true`, or `crossorigin="anonymous"` if the script needs no cookies.',
    request: { api: 'script', target: 'api', crossorigin: 'use-credentials' },
    server: { actual: { headers: STAR } },
    expect: { outcome: 'blocked', reason: 'WildcardOriginNotAllowed', reachedServer: true, originSeen: '{page}', loaded: false },
  },
  {
    id: 'resources-script-use-credentials-allowed',
    title: '<script crossorigin="use-credentials"> runs with the origin named and credentials allowed',
    group: 'resources',
    explain:
      'The counterpart of `resources-script-use-credentials-wildcard`: the server names the page origin and allows credentials, so the credentialed CORS load passes and the script runs. Its errors now reach the page in full.',
    request: { api: 'script', target: 'api', crossorigin: 'use-credentials' },
    server: { actual: { headers: PAGE_WITH_CREDENTIALS } },
    expect: { outcome: 'allowed', reason: null, originSeen: '{page}', loaded: true, scriptErrorMuted: false },
  },
  {
    id: 'resources-stylesheet-anonymous-without-allow-origin',
    title: '<link rel="stylesheet" crossorigin> fails without Access-Control-Allow-Origin',
    group: 'resources',
    explain:
      'A stylesheet with `crossorigin` is a CORS request too. The server on `api` (same site, another port, so another origin) answers without `Access-Control-Allow-Origin`, so the stylesheet is not applied and `error` fires.\n\n**Fix:** `Access-Control-Allow-Origin: *` on the stylesheet, or drop `crossorigin` (the styles then apply, but `cssRules` stays unreadable).',
    request: { api: 'stylesheet', target: 'api', crossorigin: 'anonymous' },
    expect: { outcome: 'blocked', reason: 'MissingAllowOriginHeader', reachedServer: true, originSeen: '{page}', loaded: false },
  },
  {
    id: 'resources-script-not-ok-status',
    title: 'A script answered with 500 does not run, CORS or not',
    group: 'resources',
    explain:
      'The server on `api` answers the script with status 500 (and the script body). A script or a stylesheet is used only with an ok status (2xx), so Chromium cancels the load (`net::ERR_ABORTED`) and `error` fires; no CORS header is involved, since the load is no-cors.\n\n**Fix:** answer the script with a 2xx status.',
    request: { api: 'script', target: 'api' },
    server: { actual: { status: 500 } },
    expect: { outcome: 'blocked', reason: 'net::ERR_ABORTED', reachedServer: true, loaded: false },
  },
  {
    id: 'resources-stylesheet-no-cors-loads',
    title: 'A stylesheet from another site applies without any CORS header',
    group: 'resources',
    explain:
      'Without `crossorigin` the stylesheet is a no-cors load: it applies to the page (served as `text/css`, which a cross-origin stylesheet must be), no `Origin` is sent, and no CORS header is needed. Script on the page cannot read its rules: `sheet.cssRules` throws a `SecurityError`.',
    request: { api: 'stylesheet', target: 'partner' },
    expect: { outcome: 'allowed', reason: null, originSeen: null, loaded: true, cssRulesReadable: false },
  },
];
