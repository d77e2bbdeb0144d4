/**
 * Format 1.2: frames. A page embeds another origin's page with `<iframe>`; the framed answer decides whether
 * it may be framed at all (X-Frame-Options, CSP frame-ancestors), the page's own COEP whether it may frame a
 * document that does not opt in, and the same-origin policy what the page may read once it rendered.
 * The framed page is the lab's own target page (plan/target-page.ts).
 * Every experiment here runs in all three engines. A frame the page's COEP refuses fires no `load` in Firefox 153,
 * nor one failing CORP in WebKitGTK 2.50 (measured): there the driver ends the step on the engine's own event for
 * the URL (Firefox's failed navigation, WebKit's CORP line: runner-page/engine-ends.ts), never on a clock.
 * https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-x-frame-options-header
 * https://w3c.github.io/webappsec-csp/#directive-frame-ancestors
 */
import type { ExperimentInput } from '../../format/schema.ts';

const XFO = 'https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-x-frame-options-header';
const FRAME_ANCESTORS = 'https://w3c.github.io/webappsec-csp/#directive-frame-ancestors';

const answer = (headers: Record<string, string>) => ({ actual: { headers } });

export const frames: ExperimentInput[] = [
  {
    id: 'frames-xfo-deny',
    title: 'A page frames an API page that sends X-Frame-Options: DENY',
    group: 'frames',
    explain:
      `\`X-Frame-Options: DENY\` says the page may be framed by no one, its own origin included. The request reaches the server (a navigation, no CORS and no preflight), and the browser then refuses to render the answer: the frame shows an error page, and the console says \`Refused to display '...' in a frame because it set 'X-Frame-Options' to 'deny'.\` Chromium's reason is the blocked reason \`other\` (\`net::ERR_BLOCKED_BY_RESPONSE\`). ${XFO}\n\n**Fix:** if this page should be embeddable by some sites, drop X-Frame-Options and send \`Content-Security-Policy: frame-ancestors\` with those origins.`,
    request: { api: 'iframe', target: 'api' },
    server: answer({ 'X-Frame-Options': 'DENY' }),
    expect: { outcome: 'blocked', reason: 'other', reachedServer: true, framed: false, domReadable: false },
  },
  {
    id: 'frames-xfo-sameorigin-own-origin',
    title: 'A page frames a page of its own origin that sends X-Frame-Options: SAMEORIGIN',
    group: 'frames',
    explain:
      `\`X-Frame-Options: SAMEORIGIN\` lets only pages of the framed page's own origin frame it. Here the page on \`app\` frames a page on \`app\`: the frame renders, and since both are one origin, the page may also read the frame's document (\`contentDocument\`). ${XFO}`,
    request: { api: 'iframe', target: 'app' },
    server: answer({ 'X-Frame-Options': 'SAMEORIGIN' }),
    expect: { outcome: 'allowed', reason: null, framed: true, domReadable: true },
  },
  {
    id: 'frames-xfo-sameorigin-other-origin',
    title: 'A page frames a page of another origin on its own site that sends X-Frame-Options: SAMEORIGIN',
    group: 'frames',
    explain:
      `\`SAMEORIGIN\` means the same origin, not the same site: \`api\` (another port of \`localhost\`) refuses to be framed by \`app\`. The frame shows an error page; Chromium's reason is \`other\`. ${XFO}\n\n**Fix:** \`Content-Security-Policy: frame-ancestors 'self' {page}\` on the framed page names exactly who may frame it (and takes precedence over X-Frame-Options).`,
    request: { api: 'iframe', target: 'api' },
    server: answer({ 'X-Frame-Options': 'SAMEORIGIN' }),
    expect: { outcome: 'blocked', reason: 'other', framed: false, domReadable: false },
  },
  {
    id: 'frames-frame-ancestors-lists-page',
    title: "A page frames a partner page whose CSP frame-ancestors lists the page's origin",
    group: 'frames',
    explain:
      `\`Content-Security-Policy: frame-ancestors {page}\` on the partner's page lists the page's origin, so the page may frame it. It renders; the page still cannot read its document: \`partner\` is another origin, and the same-origin policy keeps \`contentDocument\` null. Framing and reading are two different permissions. ${FRAME_ANCESTORS}`,
    request: { api: 'iframe', target: 'partner' },
    server: answer({ 'Content-Security-Policy': 'frame-ancestors {page}' }),
    expect: { outcome: 'allowed', reason: null, framed: true, domReadable: false },
  },
  {
    id: 'frames-frame-ancestors-other-origin',
    title: 'A page frames a partner page whose CSP frame-ancestors lists only another origin',
    group: 'frames',
    explain:
      `The partner's page sends \`Content-Security-Policy: frame-ancestors {origin:api}\`: only pages on \`api\` may frame it, and the page is on \`app\`. The frame shows an error page; the console says \`Framing '...' violates the following Content Security Policy directive\`; Chromium's reason is \`other\`. ${FRAME_ANCESTORS}\n\n**Fix:** add the page's origin to the list: \`frame-ancestors {origin:api} {page}\`.`,
    request: { api: 'iframe', target: 'partner' },
    server: answer({ 'Content-Security-Policy': 'frame-ancestors {origin:api}' }),
    expect: { outcome: 'blocked', reason: 'other', framed: false, domReadable: false },
  },
  {
    id: 'frames-frame-ancestors-over-xfo',
    title: 'A page frames an API page that sends both X-Frame-Options: DENY and a CSP frame-ancestors listing the page',
    group: 'frames',
    explain:
      `When an answer carries a CSP \`frame-ancestors\` directive, the browser ignores \`X-Frame-Options\`: the newer header wins. Here \`frame-ancestors {page}\` allows the page, so the \`DENY\` beside it changes nothing and the frame renders. Old browsers that know only X-Frame-Options would refuse it. ${XFO}`,
    request: { api: 'iframe', target: 'api' },
    server: answer({ 'X-Frame-Options': 'DENY', 'Content-Security-Policy': 'frame-ancestors {page}' }),
    expect: { outcome: 'allowed', reason: null, framed: true, domReadable: false },
  },
  {
    id: 'frames-cross-origin-not-readable',
    title: 'A page frames an API page of another origin that sends no framing headers',
    group: 'frames',
    explain:
      'Without X-Frame-Options or frame-ancestors any page may frame this one (a clickjacking risk for pages with buttons that act). The frame renders, and the same-origin policy still keeps its document from the page: `contentDocument` is null for another origin, even one on the same site. CORS headers would change nothing: they are about reading responses of fetch(), not documents in frames. https://html.spec.whatwg.org/multipage/iframe-embed-object.html#dom-iframe-contentdocument',
    request: { api: 'iframe', target: 'api' },
    expect: { outcome: 'allowed', reason: null, reachedServer: true, originSeen: null, framed: true, domReadable: false },
  },
  {
    id: 'frames-coep-page-frames-without-coep',
    title: 'A page with Cross-Origin-Embedder-Policy: require-corp frames a partner page that sends CORP but no COEP',
    group: 'frames',
        explain:
      'A page that sends `Cross-Origin-Embedder-Policy: require-corp` (as a cross-origin isolated page must) may frame only documents that send a COEP of their own. The partner\'s page allows embedding (`Cross-Origin-Resource-Policy: cross-origin`) but sends no COEP, so the frame is refused with the blocked reason `coep-frame-resource-needs-coep-header`. https://html.spec.whatwg.org/multipage/browsers.html#check-a-navigation-response\'s-adherence-to-its-embedder-policy\n\n**Fix:** the framed page also sends `Cross-Origin-Embedder-Policy: require-corp`.',
    pageHeaders: { 'Cross-Origin-Embedder-Policy': 'require-corp' },
    request: { api: 'iframe', target: 'partner' },
    server: answer({ 'Cross-Origin-Resource-Policy': 'cross-origin' }),
    expect: { outcome: 'blocked', reason: 'coep-frame-resource-needs-coep-header', framed: false, domReadable: false },
  },
  {
    id: 'frames-coep-page-frames-plain-page',
    title: 'A page with Cross-Origin-Embedder-Policy: require-corp frames a partner page that sends neither CORP nor COEP',
    group: 'frames',
        explain:
      'Under `require-corp` a framed document from another origin first needs a Cross-Origin-Resource-Policy: without one it counts as `same-origin` only, and the partner is another site. Chromium refuses it with `corp-not-same-origin-after-defaulted-to-same-origin-by-coep`, before it looks at the document\'s own COEP. https://fetch.spec.whatwg.org/#cross-origin-resource-policy-check\n\n**Fix:** the framed page sends `Cross-Origin-Resource-Policy: cross-origin` and `Cross-Origin-Embedder-Policy: require-corp`.',
    pageHeaders: { 'Cross-Origin-Embedder-Policy': 'require-corp' },
    request: { api: 'iframe', target: 'partner' },
    expect: { outcome: 'blocked', reason: 'corp-not-same-origin-after-defaulted-to-same-origin-by-coep', framed: false, domReadable: false },
  },
  {
    id: 'frames-coep-page-frames-with-coep',
    title: 'A page with Cross-Origin-Embedder-Policy: require-corp frames a partner page that sends COEP and CORP',
    group: 'frames',
    explain:
      'The partner\'s page now sends `Cross-Origin-Embedder-Policy: require-corp` and `Cross-Origin-Resource-Policy: cross-origin`: it opts in to being embedded by a cross-origin isolated page, and the frame renders. https://html.spec.whatwg.org/multipage/browsers.html#coep',
    pageHeaders: { 'Cross-Origin-Embedder-Policy': 'require-corp' },
    request: { api: 'iframe', target: 'partner' },
    server: answer({ 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'cross-origin' }),
    expect: { outcome: 'allowed', reason: null, framed: true, domReadable: false },
  },
];
