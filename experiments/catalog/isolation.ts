/**
 * Format 1.2: the page's own policies. Cross-Origin-Embedder-Policy makes every no-cors load need CORP
 * (or CORS); with Cross-Origin-Opener-Policy: same-origin the page becomes cross-origin isolated and gets
 * SharedArrayBuffer back. `pageHeaders` puts these lines on the lab's runner page for the run.
 * https://html.spec.whatwg.org/multipage/browsers.html#coep
 * https://html.spec.whatwg.org/multipage/webappapis.html#concept-settings-object-cross-origin-isolated-capability
 */
import type { ExperimentInput } from '../../format/schema.ts';

const COOP = { 'Cross-Origin-Opener-Policy': 'same-origin' };
const COEP = { 'Cross-Origin-Embedder-Policy': 'require-corp' };
const ISOLATED = { ...COOP, ...COEP };
const COEP_LINK = 'https://html.spec.whatwg.org/multipage/browsers.html#coep';

export const isolation: ExperimentInput[] = [
  {
    id: 'isolation-none-no-shared-array-buffer',
    title: 'A page without COOP and COEP is not cross-origin isolated: no SharedArrayBuffer',
    group: 'isolation',
    explain:
      'A plain page fetches from its own origin. `self.crossOriginIsolated` is `false` and `SharedArrayBuffer` is not defined: since Spectre, Chromium gives shared memory (and precise timers) only to pages that guarantee every cross-origin resource they hold agreed to it.\n\n**Fix:** serve the page with `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`.',
    request: { target: 'app' },
    expect: { outcome: 'allowed', reason: null, crossOriginIsolated: false, sharedArrayBuffer: false },
  },
  {
    id: 'isolation-coop-and-coep-isolate',
    title: 'COOP same-origin plus COEP require-corp: crossOriginIsolated, SharedArrayBuffer defined',
    group: 'isolation',
    explain: 'The same page served with both headers. COOP puts it in a browsing context group of its own, COEP promises that every embedded resource opted in: the page is cross-origin isolated and `SharedArrayBuffer` is back. In WebKitGTK 2.50 (the lab\'s WebKit) the page is isolated (`crossOriginIsolated` is `true`) but `SharedArrayBuffer` stays undefined.',
    pageHeaders: ISOLATED,
    request: { target: 'app' },
    expect: {
      outcome: 'allowed', reason: null, crossOriginIsolated: true, sharedArrayBuffer: true,
      engines: { webkit: { sharedArrayBuffer: false } },
    },
  },
  {
    id: 'isolation-coep-alone-not-enough',
    title: 'COEP without COOP does not isolate the page',
    group: 'isolation',
    explain:
      'Only `Cross-Origin-Embedder-Policy: require-corp`: the page already pays the price (every no-cors load needs CORP) but is not isolated, since a popup or opener of another origin could still share its process.\n\n**Fix:** add `Cross-Origin-Opener-Policy: same-origin`.',
    pageHeaders: COEP,
    request: { target: 'app' },
    expect: { outcome: 'allowed', reason: null, crossOriginIsolated: false, sharedArrayBuffer: false },
  },
  {
    id: 'isolation-coep-blocks-image-without-corp',
    title: 'Under COEP require-corp, a third-party image without CORP is blocked',
    group: 'isolation',
    explain:
      `The isolated page embeds an image from \`partner\` that sends no \`Cross-Origin-Resource-Policy\`. COEP makes a missing policy count as \`same-origin\`, so the image fails with \`corp-not-same-origin-after-defaulted-to-same-origin-by-coep\`. This is the breakage people meet when they turn isolation on. ${COEP_LINK}\n\n**Fix:** the image's server sends \`Cross-Origin-Resource-Policy: cross-origin\`; or the page loads it with \`crossorigin="anonymous"\` and the server sends CORS headers; or the page uses \`Cross-Origin-Embedder-Policy: credentialless\`.`,
    pageHeaders: ISOLATED,
    request: { api: 'img', target: 'partner' },
    expect: { outcome: 'blocked', reason: 'corp-not-same-origin-after-defaulted-to-same-origin-by-coep', reachedServer: true, loaded: false, crossOriginIsolated: true },
  },
  {
    id: 'isolation-coep-blocks-same-site-image',
    title: 'COEP require-corp defaults to same-origin, not same-site: an image from api is blocked',
    group: 'isolation',
    explain:
      'The image is on `api`, the same site as the page but another origin. Without its own CORP it counts as `same-origin`, so even this neighbour is refused.\n\n**Fix:** `Cross-Origin-Resource-Policy: same-site` on the image is enough here.',
    pageHeaders: ISOLATED,
    request: { api: 'img', target: 'api' },
    expect: { outcome: 'blocked', reason: 'corp-not-same-origin-after-defaulted-to-same-origin-by-coep', reachedServer: true, loaded: false },
  },
  {
    id: 'isolation-coep-image-with-corp-loads',
    title: 'Under COEP, an image with Cross-Origin-Resource-Policy: cross-origin loads',
    group: 'isolation',
    explain: 'The third-party image opts in with `Cross-Origin-Resource-Policy: cross-origin`: it loads into the isolated page (still unreadable: the canvas is tainted, since no CORS was involved).',
    pageHeaders: ISOLATED,
    request: { api: 'img', target: 'partner' },
    server: { actual: { headers: { 'Cross-Origin-Resource-Policy': 'cross-origin' } } },
    expect: { outcome: 'allowed', reason: null, loaded: true, canvasTainted: true, crossOriginIsolated: true },
  },
  {
    id: 'isolation-coep-cors-image-loads',
    title: 'Under COEP, a CORS image (crossorigin + Access-Control-Allow-Origin) loads',
    group: 'isolation',
    explain: 'A CORS load needs no CORP: the server agreed through `Access-Control-Allow-Origin`. The image loads into the isolated page and is even readable (clean canvas).',
    pageHeaders: ISOLATED,
    request: { api: 'img', target: 'partner', crossorigin: 'anonymous' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    expect: { outcome: 'allowed', reason: null, loaded: true, canvasTainted: false, crossOriginIsolated: true },
  },
  {
    id: 'isolation-coep-credentialless-loads-image',
    title: 'COEP credentialless: the third-party image loads without CORP, and the page is still isolated',
    group: 'isolation',
    explain: '`Cross-Origin-Embedder-Policy: credentialless` sends no-cors requests to other origins without cookies, so they need no CORP: the image from `partner` loads, and with COOP the page is cross-origin isolated all the same. WebKit does not know `credentialless`: the image loads there too, as on a page with no embedder policy, and the page is not isolated.',
    pageHeaders: { ...COOP, 'Cross-Origin-Embedder-Policy': 'credentialless' },
    request: { api: 'img', target: 'partner' },
    expect: {
      outcome: 'allowed', reason: null, loaded: true, cookieSent: false,
      crossOriginIsolated: true, sharedArrayBuffer: true,
      engines: { webkit: { crossOriginIsolated: false, sharedArrayBuffer: false } },
    },
  },
  // After fetch/cross-origin-embedder-policy (WPT): under require-corp every answer needs CORP, a redirect's too.
  {
    id: 'isolation-coep-redirect-without-corp',
    title: 'COEP require-corp: a redirect without Cross-Origin-Resource-Policy stops an <img>, whatever the last answer says',
    group: 'isolation',
    explain:
      `Under \`Cross-Origin-Embedder-Policy: require-corp\` a no-cors answer from another origin needs \`Cross-Origin-Resource-Policy\`, and a missing one counts as \`same-origin\`. \`api\` redirects to \`partner\`, whose answer says \`cross-origin\`, but the redirect itself says nothing: the image fails at the first hop with \`corp-not-same-origin-after-defaulted-to-same-origin-by-coep\`, and \`partner\` is never asked. ${COEP_LINK}\n\n**Fix:** \`Cross-Origin-Resource-Policy: cross-origin\` (or \`same-site\`) on the redirect's answer too.`,
    pageHeaders: COEP,
    request: { api: 'img', target: 'api' },
    server: { redirects: [{ to: 'partner' }], actual: { headers: { 'Cross-Origin-Resource-Policy': 'cross-origin' } } },
    expect: { outcome: 'blocked', reason: 'corp-not-same-origin-after-defaulted-to-same-origin-by-coep', reachedServer: false, loaded: false },
  },
  {
    id: 'isolation-coep-redirect-with-corp',
    title: 'COEP require-corp: with CORP on the redirect and on the answer, the <img> loads',
    group: 'isolation',
    explain: 'The fixed twin of `isolation-coep-redirect-without-corp`: the redirect from `api` also sends `Cross-Origin-Resource-Policy: cross-origin`, so both answers opt in and the image from `partner` loads.',
    pageHeaders: COEP,
    request: { api: 'img', target: 'api' },
    server: {
      redirects: [{ to: 'partner', headers: { 'Cross-Origin-Resource-Policy': 'cross-origin' } }],
      actual: { headers: { 'Cross-Origin-Resource-Policy': 'cross-origin' } },
    },
    expect: { outcome: 'allowed', reason: null, reachedServer: true, loaded: true },
  },
];
