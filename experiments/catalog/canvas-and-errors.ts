/**
 * Format 1.2: what the same-origin policy still keeps from a page after a cross-origin element loaded
 * without CORS: an image's pixels (the canvas loses its origin-clean flag), a script's error details
 * (muted to "Script error."), a stylesheet's rules.
 * https://html.spec.whatwg.org/multipage/canvas.html#security-with-canvas-elements
 * https://html.spec.whatwg.org/multipage/webappapis.html#muted-errors
 */
import type { ExperimentInput } from '../../format/schema.ts';

const STAR = { 'Access-Control-Allow-Origin': '*' };
const PAGE = { 'Access-Control-Allow-Origin': '{page}' };
const CANVAS = 'https://html.spec.whatwg.org/multipage/canvas.html#security-with-canvas-elements';
const MUTED = 'https://html.spec.whatwg.org/multipage/webappapis.html#muted-errors';

export const canvasAndErrors: ExperimentInput[] = [
  {
    id: 'canvas-tainted-by-no-cors-image',
    title: 'A no-cors image from another site taints the canvas: getImageData throws',
    group: 'canvas-and-errors',
    explain:
      `The image loads and can be drawn, but it came from another origin without CORS, so the canvas loses its origin-clean flag: \`getImageData\`, \`toDataURL\` and \`toBlob\` throw a \`SecurityError\`. Otherwise any page could read pixels of images only the user can see (an intranet chart, a logged-in avatar). ${CANVAS}\n\n**Fix:** load it with \`crossorigin="anonymous"\` and have the server send \`Access-Control-Allow-Origin\` (see \`canvas-clean-with-cors-image\`).`,
    request: { api: 'img', target: 'partner' },
    expect: { outcome: 'allowed', reason: null, loaded: true, canvasTainted: true },
  },
  {
    id: 'canvas-clean-with-cors-image',
    title: 'A CORS image (crossorigin + Access-Control-Allow-Origin) keeps the canvas clean',
    group: 'canvas-and-errors',
    explain:
      'The same image requested with `crossorigin="anonymous"` and answered with `Access-Control-Allow-Origin: *`: the server has agreed to be read, so drawing it leaves the canvas origin-clean and `getImageData` works.',
    request: { api: 'img', target: 'partner', crossorigin: 'anonymous' },
    server: { actual: { headers: STAR } },
    expect: { outcome: 'allowed', reason: null, loaded: true, canvasTainted: false },
  },
  {
    id: 'canvas-clean-with-same-origin-image',
    title: 'An image from the page\'s own origin never taints the canvas',
    group: 'canvas-and-errors',
    explain:
      'The image comes from `app`, the page\'s own origin: no CORS is involved (no `Origin` header is sent for this GET) and the canvas stays clean. Tainting is about another origin\'s data only.',
    request: { api: 'img', target: 'app' },
    expect: { outcome: 'allowed', reason: null, originSeen: null, loaded: true, canvasTainted: false },
  },
  {
    id: 'errors-muted-for-no-cors-script',
    title: 'A no-cors script\'s exception reaches window.onerror only as "Script error."',
    group: 'canvas-and-errors',
    explain:
      `The script from \`api\` throws \`Error("secret")\`. Loaded without CORS, its errors are muted: the page's \`onerror\` sees the message "Script error." with no file, line or error object, so a page cannot learn what another origin's script contains by running it. ${MUTED} Firefox (measured in 153 ESR) does not mute them: its \`onerror\` gets the message, the file and the line, so only Chromium and WebKit keep this from the page.\n\n**Fix:** \`<script crossorigin="anonymous">\` and \`Access-Control-Allow-Origin\` on the script, as error-reporting tools ask.`,
    request: { api: 'script', target: 'api' },
    expect: {
      outcome: 'allowed', reason: null, originSeen: null, loaded: true, scriptErrorMuted: true,
      engines: { firefox: { scriptErrorMuted: false } },
    },
  },
  {
    id: 'errors-full-for-cors-script',
    title: 'A CORS script\'s exception reaches window.onerror in full',
    group: 'canvas-and-errors',
    explain:
      'The same script with `crossorigin="anonymous"`, and the server allows the page origin: the script is CORS-same-origin with the page, so `onerror` gets the real message (`Uncaught Error: secret`), the file and the line.',
    request: { api: 'script', target: 'api', crossorigin: 'anonymous' },
    server: { actual: { headers: PAGE } },
    expect: { outcome: 'allowed', reason: null, originSeen: '{page}', loaded: true, scriptErrorMuted: false },
  },
  {
    id: 'errors-css-rules-hidden-for-no-cors-stylesheet',
    title: 'A no-cors stylesheet applies, but its cssRules throw',
    group: 'canvas-and-errors',
    explain:
      'The stylesheet from `partner` styles the page, yet `sheet.cssRules` throws a `SecurityError`: reading another origin\'s rules could reveal what it serves only to this user.\n\n**Fix:** `crossorigin="anonymous"` on the link and `Access-Control-Allow-Origin` on the stylesheet.',
    request: { api: 'stylesheet', target: 'partner' },
    expect: { outcome: 'allowed', reason: null, loaded: true, cssRulesReadable: false },
  },
  {
    id: 'errors-css-rules-readable-for-cors-stylesheet',
    title: 'A CORS stylesheet\'s cssRules are readable',
    group: 'canvas-and-errors',
    explain: 'With `crossorigin="anonymous"` and `Access-Control-Allow-Origin: *`, the same stylesheet is a CORS load and `sheet.cssRules` lists its one rule.',
    request: { api: 'stylesheet', target: 'partner', crossorigin: 'anonymous' },
    server: { actual: { headers: STAR } },
    expect: { outcome: 'allowed', reason: null, loaded: true, cssRulesReadable: true },
  },
];
