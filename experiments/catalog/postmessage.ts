/**
 * Format 1.2: postMessage, the one sanctioned channel between windows of different origins. The sender names
 * who may receive (`targetOrigin`); the receiver names whom it listens to (`event.origin`). Either side left
 * open ("*", or no check) is a leak or a forgery. The receiver is the lab's own target page, its checks given
 * as data (`server.actual.page.acceptMessagesFrom`, plan/target-page.ts).
 * https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage
 */
import type { ExperimentInput } from '../../format/schema.ts';

const POST_MESSAGE = 'https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage';
const AUTHORS = 'https://html.spec.whatwg.org/multipage/web-messaging.html#authors';

const OPEN = 'https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-open';
const COOP = 'https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policies';

const receiver = (acceptMessagesFrom: '*' | string[]) => ({ actual: { page: { acceptMessagesFrom } } });

export const postmessage: ExperimentInput[] = [
  {
    id: 'postmessage-target-origin-exact',
    title: "A page posts to a partner frame with the partner's origin as targetOrigin",
    group: 'postmessage',
    explain: `The page frames the partner's page and posts a message with \`targetOrigin\` set to the partner's origin. The frame is on that origin, so the browser delivers it, and the partner's page (which takes any message) takes it. Naming the receiver's origin is how a secret is sent safely: if the frame were anywhere else, the message would go nowhere. ${POST_MESSAGE}`,
    request: { api: 'postMessage', target: 'partner', targetOrigin: '{origin:partner}' },
    expect: { outcome: 'allowed', reason: null, framed: true, domReadable: false, delivered: true },
  },
  {
    id: 'postmessage-target-origin-mismatch',
    title: 'A page posts to a partner frame with another origin as targetOrigin',
    group: 'postmessage',
    explain: `The page posts with \`targetOrigin\` set to \`api\`'s origin, but the frame holds the partner's page. The browser drops the message without a word: no exception, no console line, no event in the frame (Chromium reports no reason: \`null\`). ${POST_MESSAGE}\n\n**Fix:** post with the origin the frame is really on: \`{origin:partner}\`.`,
    request: { api: 'postMessage', target: 'partner', targetOrigin: '{origin:api}' },
    expect: { outcome: 'blocked', reason: null, framed: true, delivered: false },
  },
  {
    id: 'postmessage-target-origin-star',
    title: 'A page posts to a partner frame with targetOrigin "*"',
    group: 'postmessage',
    explain: `With \`targetOrigin\` \`*\` the browser delivers the message to whatever page the frame holds. Here that is the partner's page, so it arrives; the next experiment shows why \`*\` is dangerous for anything secret. ${POST_MESSAGE}`,
    request: { api: 'postMessage', target: 'partner', targetOrigin: '*' },
    expect: { outcome: 'allowed', reason: null, framed: true, delivered: true },
  },
  {
    id: 'postmessage-star-frame-navigated-to-evil',
    title: 'A page posts a secret with targetOrigin "*" to an API frame that redirected to evil',
    group: 'postmessage',
    explain: `The classic leak. The page frames a page on \`api\`, which redirects the frame to \`evil\` (a frame can be navigated: by a redirect, by its own script, or by a parent that holds a reference). The page posts its secret with \`targetOrigin\` \`*\`, and the browser hands it to the evil page, which takes it. ${POST_MESSAGE}\n\n**Fix:** post with \`targetOrigin\` set to the origin you mean, \`{origin:api}\`: the browser then drops the message once the frame is elsewhere.`,
    request: { api: 'postMessage', target: 'api', targetOrigin: '*' },
    server: { redirects: [{ status: 302, to: 'evil' }] },
    expect: { outcome: 'allowed', reason: null, framed: true, delivered: true },
  },
  {
    id: 'postmessage-exact-frame-navigated-to-evil',
    title: "A page posts a secret with api's origin as targetOrigin to an API frame that redirected to evil",
    group: 'postmessage',
    explain: `The same frame, redirected from \`api\` to \`evil\`, and the same secret, posted with \`targetOrigin\` set to \`api\`'s origin. The frame is now on \`evil\`, so the browser drops the message: the secret stays with the page. ${POST_MESSAGE}`,
    request: { api: 'postMessage', target: 'api', targetOrigin: '{origin:api}' },
    server: { redirects: [{ status: 302, to: 'evil' }] },
    expect: { outcome: 'blocked', reason: null, framed: true, delivered: false },
  },
  {
    id: 'postmessage-receiver-checks-origin-evil-sender',
    title: 'An evil page posts to a partner frame whose page accepts messages only from app',
    group: 'postmessage',
    page: 'evil',
    explain: `Any page may frame the partner's page and post to it: the sender's \`targetOrigin\` protects the sender, not the receiver. The partner's page protects itself by checking \`event.origin\` against the origins it trusts (here only \`app\`): the message from \`evil\` arrives and is ignored. ${AUTHORS}`,
    request: { api: 'postMessage', target: 'partner', targetOrigin: '*' },
    server: receiver(['{origin:app}']),
    expect: { outcome: 'blocked', reason: null, framed: true, delivered: false },
  },
  {
    id: 'postmessage-receiver-no-check-evil-sender',
    title: 'An evil page posts to a partner frame whose page takes every message',
    group: 'postmessage',
    page: 'evil',
    explain: `The partner's page never looks at \`event.origin\`: it takes the message from \`evil\` as if the trusted app had sent it. A receiver acting on such messages (a login, a payment, a redirect) does it for any site that frames it. ${AUTHORS}\n\n**Fix:** the receiver compares \`event.origin\` with the origins it trusts and ignores every other message.`,
    request: { api: 'postMessage', target: 'partner', targetOrigin: '*' },
    server: receiver('*'),
    expect: { outcome: 'allowed', reason: null, framed: true, delivered: true },
  },
  {
    id: 'postmessage-receiver-checks-origin-app-sender',
    title: 'The app posts to a partner frame whose page accepts messages only from app',
    group: 'postmessage',
    explain: `The receiver that checks \`event.origin\` still takes messages from the origin it trusts: the page on \`app\` posts, and the partner's page takes it. Checking the origin costs the real sender nothing. ${AUTHORS}`,
    request: { api: 'postMessage', target: 'partner', targetOrigin: '{origin:partner}' },
    server: receiver(['{page}']),
    expect: { outcome: 'allowed', reason: null, framed: true, delivered: true },
  },
  {
    id: 'postmessage-target-origin-slash-same-origin',
    title: 'A page posts with targetOrigin "/" to a frame of its own origin',
    group: 'postmessage',
    explain: `\`targetOrigin\` \`/\` means "the sender's own origin". The frame is on \`app\`, like the page, so the message is delivered; the page could read the frame's document directly as well. ${POST_MESSAGE}`,
    request: { api: 'postMessage', target: 'app', targetOrigin: '/' },
    expect: { outcome: 'allowed', reason: null, framed: true, domReadable: true, delivered: true },
  },
  {
    id: 'postmessage-popup-opener-kept',
    title: 'A page opens a partner page as a popup',
    group: 'postmessage',
    explain: `\`window.open\` gives the page a handle on the popup, and the popup a handle back: \`window.opener\`. The page cannot read the partner's page (another origin: \`outcome\` is \`opaque\`), but the two can post messages to each other, and the popup can navigate the page it came from (reverse tabnabbing). ${OPEN}`,
    request: { api: 'window-open', target: 'partner' },
    expect: { outcome: 'opaque', reason: null, reachedServer: true, openerKept: true, domReadable: false },
  },
  {
    id: 'postmessage-popup-noopener',
    title: 'A page opens a partner page as a popup with noopener',
    group: 'postmessage',
    explain: `With the \`noopener\` feature the popup starts without \`window.opener\`, and \`window.open\` returns \`null\`: neither window can reach the other. Links with \`target="_blank"\` behave so by default. ${OPEN}`,
    request: { api: 'window-open', target: 'partner', noopener: true },
    expect: { outcome: 'opaque', reason: null, reachedServer: true, openerKept: false, domReadable: false },
  },
  {
    id: 'postmessage-popup-coop-same-origin',
    title: 'A page opens a partner page that sends Cross-Origin-Opener-Policy: same-origin',
    group: 'postmessage',
    explain: `The partner's page sends \`Cross-Origin-Opener-Policy: same-origin\`: the browser puts it in a browsing context group of its own, so the popup has no \`window.opener\`, and the page's handle reports the window \`closed\`. This is how a page protects itself from whoever opened it. ${COOP}`,
    request: { api: 'window-open', target: 'partner' },
    server: { actual: { headers: { 'Cross-Origin-Opener-Policy': 'same-origin' } } },
    expect: { outcome: 'opaque', reason: null, openerKept: false, domReadable: false },
  },
  {
    id: 'postmessage-popup-same-origin-readable',
    title: 'A page opens a page of its own origin as a popup',
    group: 'postmessage',
    explain: `A popup on the page's own origin keeps its opener (\`window.opener\`), and the page may read its document through the handle \`window.open\` returned, as it may read a same-origin frame. ${OPEN}`,
    request: { api: 'window-open', target: 'app' },
    expect: { outcome: 'opaque', reason: null, openerKept: true, domReadable: true },
  },
  {
    id: 'postmessage-via-popup-target-origin-exact',
    title: "A page opens a partner popup and posts to it with the partner's origin as targetOrigin",
    group: 'postmessage',
    explain: `The page opens the partner's page as a popup, waits until the popup says it runs, and posts through the handle \`window.open\` returned, with \`targetOrigin\` set to the partner's origin. The popup is on that origin and still has its opener, so the message is delivered and taken. The page still cannot read the popup's document (another origin): messages are the one channel between them. ${POST_MESSAGE}`,
    request: { api: 'postMessage', via: 'window-open', target: 'partner', targetOrigin: '{origin:partner}' },
    expect: { outcome: 'allowed', reason: null, reachedServer: true, delivered: true, openerKept: true, domReadable: false },
  },
  {
    id: 'postmessage-via-popup-target-origin-mismatch',
    title: "A page opens a partner popup and posts to it with api's origin as targetOrigin",
    group: 'postmessage',
    explain: `The same popup, the same handle, but \`targetOrigin\` names \`api\`. The popup is on the partner's origin, so the browser drops the message, silently, as it does for a frame: no exception, no console line (no reason: \`null\`). A popup can be navigated away by its own page at any time, which is why a secret names its receiver. ${POST_MESSAGE}\n\n**Fix:** post with the origin the popup is really on: \`{origin:partner}\`.`,
    request: { api: 'postMessage', via: 'window-open', target: 'partner', targetOrigin: '{origin:api}' },
    expect: { outcome: 'blocked', reason: null, delivered: false, openerKept: true },
  },
  {
    id: 'postmessage-via-popup-coop-same-origin',
    title: 'A page opens a partner popup that sends Cross-Origin-Opener-Policy: same-origin, then posts to it',
    group: 'postmessage',
    explain: `The partner's page answers with \`Cross-Origin-Opener-Policy: same-origin\`, so the browser puts the popup in a browsing context group of its own: it has no \`window.opener\`, and the handle the page holds reports the window \`closed\`. Posting to that handle throws nothing and delivers nothing (no reason: \`null\`). The popup chose this: COOP cuts every link from its opener, messages included. ${COOP}`,
    request: { api: 'postMessage', via: 'window-open', target: 'partner', targetOrigin: '{origin:partner}' },
    server: { actual: { headers: { 'Cross-Origin-Opener-Policy': 'same-origin' } } },
    expect: { outcome: 'blocked', reason: null, delivered: false, openerKept: false, domReadable: false },
  },
];
