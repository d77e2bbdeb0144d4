/**
 * Format 1.2, group `csp`: the page's own Content-Security-Policy (`pageHeaders`). Before any request leaves, the
 * browser asks the page's policy whether the URL is allowed for the request's kind: connect-src for fetch, XHR and
 * beacons, img-src, script-src, frame-src, form-action, each falling back on default-src but form-action. A refused
 * request is never sent, whatever the server would have answered: CORS never gets to look. The model:
 * experiments/model/page-csp.ts. https://w3c.github.io/webappsec-csp/#should-block-request
 *
 * Measured in Chromium 156: fetch() rejects with a TypeError and Chromium reports no blocked request (the renderer
 * refuses it before one exists); XHR and elements fail with BlockedReason `csp`; a frame shows an error page; a form
 * and a beacon are not sent. The lab's ports are chosen at run time, so the host-sources here name ports with `*`.
 * Every policy here leaves the runner page its inline script and its own origin's journal (the page is the lab's
 * runner: a policy refusing them stops the runner, not only the request).
 */
import type { ExperimentInput } from '../../format/schema.ts';

const CSP = 'https://w3c.github.io/webappsec-csp/#should-block-request';
const FALLBACK = 'https://w3c.github.io/webappsec-csp/#directive-fallback-list';
const SOURCES = 'https://w3c.github.io/webappsec-csp/#match-url-to-source-expression';
const page = (policy: string): Record<string, string> => ({ 'Content-Security-Policy': policy });
const ANY_ORIGIN = { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } };

export const csp: ExperimentInput[] = [
  {
    id: 'csp-connect-src-self-refuses-api',
    title: "A page whose CSP says connect-src 'self' fetches api, which allows any origin",
    group: 'csp',
    pageHeaders: page("connect-src 'self'"),
    explain:
      `\`'self'\` is the page's own origin only: \`api\` is another port, so another origin. The page's policy refuses the URL before anything is sent, and \`fetch()\` rejects with \`TypeError: Failed to fetch\`. \`api\` would have allowed it (\`Access-Control-Allow-Origin: *\`), but CORS never gets to look: no header of the server can lift the page's own policy. ${CSP}\n\n**Fix:** allow the API in the page's policy: \`connect-src 'self' http://localhost:5311\`.`,
    request: { target: 'api' },
    server: ANY_ORIGIN,
    expect: { outcome: 'blocked', reason: null, preflight: false, reachedServer: false },
  },
  {
    id: 'csp-connect-src-host-allows-api',
    title: 'A page whose CSP says connect-src localhost:* fetches api, which allows any origin',
    group: 'csp',
    pageHeaders: page("connect-src 'self' localhost:*"),
    explain:
      `The counterpart of \`csp-connect-src-self-refuses-api\`: a host-source names the host, and \`:*\` any port (without a port only the scheme's default port matches, 80 for http). Without a scheme it takes the page's: \`http\`, which also matches \`https\`. The request goes, and CORS decides as usual. ${SOURCES}`,
    request: { target: 'api' },
    server: ANY_ORIGIN,
    expect: { outcome: 'allowed', reachedServer: true },
  },
  {
    id: 'csp-connect-src-self-allows-own-origin',
    title: "A page whose CSP says connect-src 'self' fetches its own origin",
    group: 'csp',
    pageHeaders: page("connect-src 'self'"),
    explain: `\`'self'\` matches the page's own origin (scheme, host and port): the request goes, a same-origin one with no CORS at all. ${SOURCES}`,
    request: { target: 'app' },
    expect: { outcome: 'allowed', reachedServer: true },
  },
  {
    id: 'csp-connect-src-refuses-xhr',
    title: "A page whose CSP says connect-src 'self' sends an XMLHttpRequest to partner",
    group: 'csp',
    pageHeaders: page("connect-src 'self'"),
    explain:
      `XMLHttpRequest is governed by \`connect-src\` like \`fetch()\`. Its refusal reaches the network layer, so Chromium reports the blocked request with the reason \`csp\`; the page sees only the \`error\` event. ${CSP}\n\n**Fix:** \`connect-src 'self' 127.0.0.1:5313\` in the page's policy.`,
    request: { api: 'xhr', target: 'partner' },
    server: ANY_ORIGIN,
    expect: { outcome: 'blocked', reason: 'csp', reachedServer: false },
  },
  {
    id: 'csp-default-src-refuses-img',
    title: "A page whose CSP says only default-src 'self' shows an image from partner",
    group: 'csp',
    pageHeaders: page("default-src 'self'"),
    explain:
      `The policy has no \`img-src\`, so images fall back on \`default-src\`, which allows only the page's own origin: the image is never requested and its \`error\` event fires (BlockedReason \`csp\`). ${FALLBACK}\n\n**Fix:** an \`img-src\` of its own, which replaces \`default-src\` for images: \`img-src 'self' 127.0.0.1:5313\`.`,
    request: { api: 'img', target: 'partner' },
    expect: { outcome: 'blocked', reason: 'csp', reachedServer: false, loaded: false },
  },
  {
    id: 'csp-img-src-overrides-default-src',
    title: "A page whose CSP has default-src 'self' and img-src 127.0.0.1:* shows an image from partner",
    group: 'csp',
    pageHeaders: page("default-src 'self'; img-src 'self' 127.0.0.1:*"),
    explain:
      `The counterpart of \`csp-default-src-refuses-img\`: \`img-src\` is present, so images use it and \`default-src\` is not consulted for them. An IP address is a host like any other in a host-source. The image loads. ${FALLBACK}`,
    request: { api: 'img', target: 'partner' },
    expect: { outcome: 'allowed', reachedServer: true, loaded: true },
  },
  {
    id: 'csp-img-src-host-without-port',
    title: 'A page whose CSP says img-src http://127.0.0.1 shows an image from partner on another port',
    group: 'csp',
    pageHeaders: page('img-src http://127.0.0.1'),
    explain:
      `A host-source without a port matches only the scheme's default port (80 for http), not \`partner\`'s: the image is refused (BlockedReason \`csp\`). ${SOURCES}\n\n**Fix:** name the port (\`img-src http://127.0.0.1:5313\`) or allow any (\`http://127.0.0.1:*\`).`,
    request: { api: 'img', target: 'partner' },
    expect: { outcome: 'blocked', reason: 'csp', reachedServer: false, loaded: false },
  },
  {
    id: 'csp-script-src-refuses-partner',
    title: "A page whose CSP says script-src 'self' loads a script from partner",
    group: 'csp',
    pageHeaders: page("script-src 'self'"),
    explain:
      `A script element's URL is checked against \`script-src-elem\`, here absent, so \`script-src\`: only the page's own origin. The script is never requested (BlockedReason \`csp\`), its \`error\` event fires. ${FALLBACK}\n\n**Fix:** \`script-src 'self' 127.0.0.1:5313\`, or better a nonce (\`'nonce-…'\`) or a hash (\`'sha256-…'\`) for the scripts you mean to run.`,
    request: { api: 'script', target: 'partner' },
    expect: { outcome: 'blocked', reason: 'csp', reachedServer: false, loaded: false },
  },
  {
    id: 'csp-strict-dynamic-trusts-inserted-script',
    title: "A page whose CSP says script-src 'strict-dynamic' loads a script from partner from its own script",
    group: 'csp',
    pageHeaders: page("script-src 'strict-dynamic'"),
    explain:
      `With \`'strict-dynamic'\` a policy stops judging script URLs by their host: it trusts the page's own trusted script (allowed by its \`'nonce-…'\` or \`'sha256-…'\`; the lab's runner script by its \`'nonce-…'\`) and every script that script inserts with \`createElement\`, whatever its origin. So the partner's script loads, though no host is listed; a \`<script>\` written in the page's markup would not. https://w3c.github.io/webappsec-csp/#strict-dynamic-usage\n\n**Fix:** nothing to fix: this is how a policy with a \`'nonce-…'\` lets a page's loader pull in its scripts. To refuse it, drop \`'strict-dynamic'\` and list the hosts.`,
    request: { api: 'script', target: 'partner' },
    expect: { outcome: 'allowed', reason: null, reachedServer: true, loaded: true },
  },
  {
    id: 'csp-frame-src-refuses-partner',
    title: "A page whose CSP says frame-src 'self' frames a page of partner",
    group: 'csp',
    pageHeaders: page("frame-src 'self'"),
    explain:
      `\`frame-src\` decides what the page may frame (before it, \`child-src\`, then \`default-src\`). Unlike \`frame-ancestors\`, which the framed page sends, this is the framing page's own choice: the frame is never requested and shows an error page. ${FALLBACK}\n\n**Fix:** \`frame-src 'self' 127.0.0.1:5313\`.`,
    request: { api: 'iframe', target: 'partner' },
    // Firefox 153 fires no `load` for it: the page's violation event ends the step (runner-page/run-frame.ts).
    // WebKitGTK 2.50 leaves the frame on its initial about:blank: readable, but not the target's document.
    expect: { outcome: 'blocked', reason: null, preflight: false, reachedServer: false, framed: false },
  },
  {
    id: 'csp-connect-src-self-refuses-websocket',
    title: "A page whose CSP says connect-src 'self' opens a WebSocket to api, which accepts any origin",
    group: 'csp',
    pageHeaders: page("connect-src 'self'"),
    explain:
      `\`new WebSocket(url)\` is governed by \`connect-src\` like \`fetch()\`, and \`api\` is another origin: the page's policy refuses the URL and the handshake is never sent, so the server's own check of \`Origin\` never runs. Browsers tell the page differently: Firefox and Safari throw from the constructor; Chromium returns a socket that is already closed and fires \`securitypolicyviolation\` and \`error\` (and no \`close\`). The URL checked is the \`ws:\` one as written: a source \`localhost:*\` or \`http://localhost:*\` does not cover it (measured in Chromium, Firefox and WebKit). ${CSP}\n\n**Fix:** name the socket's scheme and origin: \`connect-src 'self' ws://localhost:5311\`.`,
    request: { api: 'websocket', target: 'api' },
    server: { websocket: 'any' },
    expect: { outcome: 'blocked', reason: null, preflight: false, reachedServer: false, opened: false },
  },
  {
    id: 'csp-connect-src-ws-allows-websocket',
    title: "A page whose CSP says connect-src 'self' ws://localhost:* opens a WebSocket to api",
    group: 'csp',
    pageHeaders: page("connect-src 'self' ws://localhost:*"),
    explain:
      `The counterpart of \`csp-connect-src-self-refuses-websocket\`: the source names the \`ws\` scheme and \`api\`'s host, with any port, so the handshake goes and the socket opens. From here the server alone decides, on the \`Origin\` it receives. ${SOURCES}`,
    request: { api: 'websocket', target: 'api' },
    server: { websocket: 'any' },
    expect: { outcome: 'allowed', reason: null, reachedServer: true, originSeen: '{page}', opened: true },
  },
  {
    id: 'csp-form-action-self-refuses-api',
    title: "A page whose CSP says form-action 'self' posts a form to api",
    group: 'csp',
    pageHeaders: page("form-action 'self'"),
    explain:
      `\`form-action\` decides where the page's forms may submit, and it never falls back on \`default-src\`. The form is not submitted: \`api\` receives nothing, which is also how a page limits where an injected form could send its data. ${CSP}\n\n**Fix:** \`form-action 'self' http://localhost:5311\`.`,
    request: { api: 'form', target: 'api', method: 'POST' },
    expect: { outcome: 'blocked', reason: null, preflight: false, reachedServer: false },
  },
  {
    id: 'csp-form-action-host-allows-api',
    title: "A page whose CSP says form-action 'self' localhost:* posts a form to api",
    group: 'csp',
    pageHeaders: page("form-action 'self' localhost:*"),
    explain:
      'The counterpart of `csp-form-action-self-refuses-api`: the host-source allows `api`, so the form is submitted; the page never sees the answer (outcome `opaque`).',
    request: { api: 'form', target: 'api', method: 'POST' },
    expect: { outcome: 'opaque', reason: null, reachedServer: true },
  },
  {
    id: 'csp-default-src-refuses-beacon',
    title: "A page whose CSP says default-src 'self' sends a beacon to api",
    group: 'csp',
    pageHeaders: page("default-src 'self'"),
    explain:
      `A beacon is a fetch with the empty destination, so \`connect-src\`, here absent: \`default-src\` decides, and refuses \`api\`. The beacon is never queued and the server receives nothing. ${FALLBACK}\n\n**Fix:** \`connect-src 'self' http://localhost:5311\`.`,
    request: { api: 'beacon', target: 'api', body: 'event=page-hidden' },
    expect: { outcome: 'blocked', reason: null, preflight: false, reachedServer: false },
  },
];
