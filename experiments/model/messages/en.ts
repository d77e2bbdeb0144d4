/** The model's words in English: the source every other language translates (and what the CLI prints). */
import type { ModelMessages, ReasonArgs } from './model-messages.ts';

const headerList = (names: string): string => names.split(',').join(', ');
const onOptions = (a: ReasonArgs): string => `on the OPTIONS answer:\n${a.allowOrigin}`;
const httpOnly = (): string => 'redirect to an http: or https: URL';

export const en = {
  outcome: { allowed: 'Allowed', blocked: 'Blocked', opaque: 'Opaque' },
  reasons: {
    MissingAllowOriginHeader: 'the answer has no Access-Control-Allow-Origin header',
    MultipleAllowOriginValues: 'Access-Control-Allow-Origin holds more than one value',
    InvalidAllowOriginValue: 'Access-Control-Allow-Origin holds something that is not an origin',
    AllowOriginMismatch: "Access-Control-Allow-Origin names another origin than the request's",
    WildcardOriginNotAllowed: 'Access-Control-Allow-Origin is * but the request carries credentials',
    InvalidAllowCredentials: "the request carries credentials but Access-Control-Allow-Credentials is not 'true'",
    PreflightMissingAllowOriginHeader: 'the preflight answer has no Access-Control-Allow-Origin header',
    PreflightMultipleAllowOriginValues: "the preflight answer's Access-Control-Allow-Origin holds more than one value",
    PreflightInvalidAllowOriginValue: "the preflight answer's Access-Control-Allow-Origin is not an origin",
    PreflightAllowOriginMismatch: "the preflight answer's Access-Control-Allow-Origin names another origin",
    PreflightWildcardOriginNotAllowed: 'the preflight answer allows * but the request carries credentials',
    PreflightInvalidAllowCredentials: "the preflight answer's Access-Control-Allow-Credentials is not 'true'",
    PreflightInvalidStatus: 'the preflight answer has no ok (2xx) status',
    PreflightDisallowedRedirect: 'the preflight was redirected',
    InvalidAllowMethodsPreflightResponse: 'Access-Control-Allow-Methods does not parse as a list',
    InvalidAllowHeadersPreflightResponse: 'Access-Control-Allow-Headers does not parse as a list',
    MethodDisallowedByPreflightResponse: 'the method is not in Access-Control-Allow-Methods',
    HeaderDisallowedByPreflightResponse: 'a request header is not in Access-Control-Allow-Headers',
    RedirectContainsCredentials: 'a redirect to a URL with user:password@',
    CorsDisabledScheme: 'a redirect to a scheme other than http: and https:',
    DisallowedByMode: 'mode "same-origin" refuses another origin',
    NoCorsRedirectModeNotFollow: 'mode "no-cors" to another origin without redirect "follow"',
    origin: 'mode "same-origin" refuses a redirect to another origin',
    'corp-not-same-origin': 'Cross-Origin-Resource-Policy: same-origin refuses another origin',
    'corp-not-same-site': 'Cross-Origin-Resource-Policy: same-site refuses another site',
    'corp-not-same-origin-after-defaulted-to-same-origin-by-coep':
      'the page sends Cross-Origin-Embedder-Policy: require-corp and the answer has no Cross-Origin-Resource-Policy',
    LocalNetworkAccessPermissionDenied: "a public page may not reach a local address without the user's permission",
    InvalidLocalNetworkAccess: 'targetAddressSpace does not match where the server is',
    'net::ERR_FAILED': 'redirect "error" met a redirect',
    'net::ERR_TOO_MANY_REDIRECTS': 'more than 20 redirects',
    'net::ERR_INVALID_REDIRECT': 'the Location header is not a valid URL',
    'net::ERR_UNSAFE_REDIRECT': 'a redirect to data:, about:, file: or blob:',
    'net::ERR_UNKNOWN_URL_SCHEME': 'a redirect to a scheme the browser cannot fetch',
    'net::ERR_CONNECTION_REFUSED': 'nothing listens at that address',
    'net::ERR_ABORTED': 'a script or a stylesheet answered without an ok (2xx) status',
    other: "the framed answer's X-Frame-Options or CSP frame-ancestors refuses the page (or another block without a name)",
    'coep-frame-resource-needs-coep-header': 'the page sends Cross-Origin-Embedder-Policy and the framed document sends none',
    csp: "the page's own Content-Security-Policy does not allow the URL, so the browser never sends the request",
  },
  offeredOnly: {
    'mixed-content': 'an https page loads a script, a stylesheet, a frame or calls an API over http (not from loopback)',
  },

  check: {
    forbiddenMethod: (method, forbidden) => `${method} ${forbidden ? 'is a forbidden method: fetch() and XHR refuse it' : 'is not a forbidden method'}`,
    noCorsMethod: (method) => `mode "no-cors" allows only GET, HEAD and POST; the method is ${method}`,
    labOrigin: (origin, name) => (name ? `${origin} is the lab origin ${name}` : `nothing of the lab listens at ${origin}`),
    ownOrigin: (origin) => `${origin} is the page's own origin: no CORS check`,
    sameOriginMode: (origin, pageOrigin) => `mode "same-origin" refuses ${origin}, another origin than the page's ${pageOrigin}`,
    noCorsRedirectMode: (redirectMode) => `mode "no-cors" to another origin needs redirect "follow"; it is "${redirectMode}"`,
    preflightNeeded: (method, headers) =>
      `a preflight is needed: ${[method ? `${method} is not a CORS-safelisted method` : '', headers.length ? `the headers ${headers.join(', ')} are not CORS-safelisted` : ''].filter(Boolean).join(' and ')}`,
    noPreflight: (method) => `no preflight: ${method} and the request headers are CORS-safelisted`,
    preflightCacheHit: () => 'the preflight cache holds an answer that covers this request: no OPTIONS is sent',
    preflightRedirected: (status, redirected) => (redirected ? `the OPTIONS answer is a ${status} redirect: a preflight may not be redirected` : `the OPTIONS answer (${status}) is not a redirect`),
    preflightStatus: (status, ok) => `the OPTIONS answer's status ${status} ${ok ? 'is' : 'is not'} an ok status (200-299)`,
    listUnparsable: (header) => `${header} does not parse as a comma-separated list of tokens`,
    methodAllowed: (method, allowed, literal) => `${method} ${allowed ? 'is allowed' : 'is not allowed'} by Access-Control-Allow-Methods${literal ? ' (with credentials, * is a literal name)' : ''}`,
    headerDisallowed: (header, literal) => `the request header ${header} is not in Access-Control-Allow-Headers${literal ? ' (with credentials, * is a literal name)' : ''}`,
    headersCovered: (names) => `Access-Control-Allow-Headers covers ${names.join(', ')}`,
    preflightStored: (seconds) => `the preflight answer is cached for ${seconds} s`,
    preflightNotStored: () => 'the preflight answer is not cached',
    opaque: () => 'mode "no-cors": the answer is opaque to JavaScript (status 0, no headers, no body)',
    readable: () => 'JavaScript can read the CORS-safelisted response headers and those named in Access-Control-Expose-Headers',
    cspRefused: (url, directive) =>
      `the page's Content-Security-Policy (${directive}) does not allow ${url}: nothing is sent`,
    mixedContent: (url) => `an https page may not fetch ${url} over http: the browser blocks it as mixed content before sending it`,
    socketNoCors: (origin) => `a WebSocket is not CORS: the browser sends Origin: ${origin} and the server alone decides (RFC 6455 10.2)`,
    socketHandshake: (status, origin) =>
      status === 101
        ? `the server accepts the handshake from ${origin} (101 Switching Protocols): the page reads what it sends`
        : `the server refuses the handshake from ${origin} (${status}): the page sees only the socket close, with no reason`,
    eventStream: (status, contentType, problem) =>
      problem === 'status'
        ? `an event stream needs status 200, the answer has ${status}: the EventSource fails the connection`
        : problem === 'type'
          ? `an event stream needs Content-Type text/event-stream, the answer has ${contentType ?? 'none'}: the EventSource fails the connection`
          : 'the answer is a text/event-stream with status 200: its first event reaches the page',
    elementStatus: (status, ok) => `the answer's status ${status} ${ok ? 'is' : 'is not'} ok (200-299), which a script or a stylesheet needs`,
    elementLoaded: (opaque) =>
      opaque
        ? 'the element loads, but no-cors from another origin: the page may show it, not read it (tainted canvas, muted errors, no cssRules)'
        : 'the element loads and the page may read it (clean canvas, full errors, cssRules)',
    beaconMode: (type, mode) =>
      mode === 'no-cors'
        ? `sendBeacon: a POST with credentials, Content-Type \`${type}\` is CORS-safelisted: mode "no-cors", no preflight, no CORS check`
        : `sendBeacon: a POST with credentials, Content-Type \`${type}\` is not CORS-safelisted: mode "cors", so a preflight first`,
    formSubmitted: (method, enctype) =>
      `the form submits ${method}${method === 'POST' ? ` (${enctype})` : ''} into a popup: a navigation, which no CORS check ever stops`,
    formCookie: (sameSite, method, sent) =>
      sameSite
        ? `the page is on the target's site: a same-site navigation carries every cookie (${sent ? 'one is' : 'none is'} stored)`
        : `a cross-site top-level ${method}: SameSite=None cookies go, Lax only with GET, Strict never; ${sent ? 'a cookie goes' : 'no cookie goes'}`,
    locationNotUrl: (status) => `the ${status} answer's Location is not a URL`,
    unsafeScheme: (protocol) => `the Location is a ${protocol} URL, which Chromium never follows a redirect to`,
    redirectMode: (status, mode) => `the answer is a ${status} redirect; redirect mode is "${mode}"`,
    redirectCount: (n) => `redirect ${n} of at most 20`,
    onlyHttp: (protocol) => `the Location is a ${protocol} URL: a redirect may lead only to http: or https:`,
    userinfo: () => 'the Location holds user:password@, which a CORS request may not follow',
    tainted: (from, to) => `the redirect leaves ${from} for ${to}: from now on the request's Origin is "null"`,
    blocked: (reason) => `blocked: ${reason}`,
    corsAllowed: (origin, include) => `Access-Control-Allow-Origin allows the request's Origin ${origin}${include ? ' and Access-Control-Allow-Credentials is true' : ''}`,
    corsMissing: (origin) => `the answer has no Access-Control-Allow-Origin for the request's Origin ${origin}`,
    corsMultiple: (value) => `Access-Control-Allow-Origin holds several values ('${value}'); one is allowed`,
    corsInvalid: (value) => `Access-Control-Allow-Origin '${value}' is not an origin`,
    corsMismatch: (value, origin) => `Access-Control-Allow-Origin '${value}' is not the request's Origin ${origin}`,
    corsWildcard: () => "Access-Control-Allow-Origin '*' does not allow a request with credentials",
    corsCredentials: (value) => `Access-Control-Allow-Credentials is '${value}', but a request with credentials needs 'true'`,
    corsOther: (reason, origin) => `the CORS check fails (${reason}) for the request's Origin ${origin}`,
  },

  explain: {
    allowedSameOrigin: () => 'a same-origin request needs no CORS headers',
    elementLoaded: (readable) =>
      readable === false
        ? 'Allowed: the element loaded without CORS (no-cors from another origin): the page shows it but cannot read it (a tainted canvas, muted script errors, no cssRules).'
        : `Allowed: the element loaded${readable ? ', and the page may read it (its own origin, or the answer passed the CORS check)' : ''}.`,
    sent: (api, reached, cookie) =>
      reached
        ? `Opaque: the ${api === 'form' ? 'form' : 'beacon'} reached the server${cookie ? ' with the user\'s cookie' : ' without a cookie'}; the page never sees the answer, and CORS never stopped the request.`
        : `Opaque: the ${api === 'form' ? 'form' : 'beacon'} never reached the server (its preflight failed); the page cannot tell.`,
    socketOpened: (cookieSent) =>
      `Allowed: the WebSocket opened, and the page reads what the server sends. No CORS applies to a WebSocket; only the server's check of Origin protects it${cookieSent ? ' (the handshake carried the cookies)' : ''}.`,
    socketRefused: (status) => `Blocked by the server: it refused the WebSocket handshake${status === null ? '' : ` (${status})`}; the page sees only the socket close (code 1006), no reason.`,
    socketFix: () => 'the server decides whom it accepts: list the page\'s origin in server.websocket.acceptOrigins (never "any" for a socket that acts on cookies)',
    eventArrived: () => 'Allowed: the first event arrived (the answer passed the CORS check, or came from the page\'s own origin).',
    eventStreamFailed: (why) => `Blocked: ${why}. It is not a CORS error: Chromium prints it as an EventSource error and gives no reason.`,
    eventStreamFix: () => 'answer with status 200 and Content-Type: text/event-stream',
    allowedCors: (afterPreflight) => `the answer passed the CORS check${afterPreflight ? ' after a passed preflight' : ''}`,
    allowed: (how, status, headers) => `Allowed: ${how}; JavaScript can read status ${status} and ${headers} ${headers === 1 ? 'header' : 'headers'}.`,
    opaqueRedirect: () => 'the redirect was not followed (redirect "manual")',
    opaqueNoCors: () => 'mode "no-cors" skips the CORS check',
    opaque: (what) => `Opaque: ${what}; JavaScript sees status 0, no headers and no body.`,
    opaqueFix: () => 'to read the answer, use mode "cors" and have the server send Access-Control-Allow-Origin',
    refused: (pageError) => `Blocked before sending: ${pageError ?? 'the page refused the request'}.`,
    cspRefused: (directive, fallback) =>
      `Blocked before sending: the page's own Content-Security-Policy says "${directive}", ` +
      'which does not allow this URL' +
      `${fallback ? ` (no ${fallback} directive, so it falls back on this one)` : ''}. The server received nothing.`,
    cspFix: (directive, origin) =>
      `add ${origin} to ${directive} in the page's Content-Security-Policy (or 'self' for the page's own origin); no ` +
      'header of the server can lift it.',
    stage: { preflight: 'Blocked at the preflight', response: 'Blocked after the response arrived', redirect: 'Blocked at a redirect', page: 'Blocked before sending' },
    blocked: (stage, what, reached) => `${stage}: ${what}${reached ? ' (the server still ran the request)' : ''}.`,
    allowOrigin: (origin, include) => {
      if (include) return `Access-Control-Allow-Origin: ${origin}\nAccess-Control-Allow-Credentials: true\nVary: Origin`;
      return origin === 'null' ? 'Access-Control-Allow-Origin: *' : `Access-Control-Allow-Origin: ${origin}\nVary: Origin   (or * for public data)`;
    },
    reasons: {
      MissingAllowOriginHeader: { what: () => 'the answer has no Access-Control-Allow-Origin header', fix: (a) => a.allowOrigin },
      MultipleAllowOriginValues: { what: (a) => `Access-Control-Allow-Origin holds several values ('${a.param}')`, fix: (a) => a.allowOrigin },
      InvalidAllowOriginValue: { what: (a) => `Access-Control-Allow-Origin '${a.param}' is not an origin`, fix: (a) => a.allowOrigin },
      AllowOriginMismatch: { what: (a) => `Access-Control-Allow-Origin '${a.param}' is not the request's origin '${a.origin}'`, fix: (a) => a.allowOrigin },
      WildcardOriginNotAllowed: { what: () => 'Access-Control-Allow-Origin is * but the request carries credentials', fix: (a) => a.allowOrigin },
      InvalidAllowCredentials: { what: (a) => `Access-Control-Allow-Credentials is '${a.param}', not 'true'`, fix: () => 'Access-Control-Allow-Credentials: true' },
      PreflightMissingAllowOriginHeader: { what: () => 'the OPTIONS answer has no Access-Control-Allow-Origin header', fix: onOptions },
      PreflightMultipleAllowOriginValues: { what: (a) => `the OPTIONS answer's Access-Control-Allow-Origin holds several values ('${a.param}')`, fix: (a) => `on the OPTIONS answer, once:\n${a.allowOrigin}` },
      PreflightInvalidAllowOriginValue: { what: (a) => `the OPTIONS answer's Access-Control-Allow-Origin '${a.param}' is not an origin`, fix: onOptions },
      PreflightAllowOriginMismatch: { what: (a) => `the OPTIONS answer allows '${a.param}', not '${a.origin}'`, fix: onOptions },
      PreflightWildcardOriginNotAllowed: { what: () => 'the OPTIONS answer allows * but the request carries credentials', fix: onOptions },
      PreflightInvalidAllowCredentials: { what: (a) => `the OPTIONS answer's Access-Control-Allow-Credentials is '${a.param}', not 'true'`, fix: () => 'on the OPTIONS answer:\nAccess-Control-Allow-Credentials: true' },
      PreflightInvalidStatus: { what: () => 'the OPTIONS answer does not have an ok (2xx) status', fix: () => 'answer OPTIONS with 204 No Content (any 2xx) and the CORS headers' },
      PreflightDisallowedRedirect: { what: () => 'the OPTIONS request was redirected', fix: () => 'answer OPTIONS at the requested URL itself: no redirect (check auth and trailing-slash rules)' },
      InvalidAllowMethodsPreflightResponse: { what: () => 'Access-Control-Allow-Methods does not parse as a comma-separated list of methods', fix: (a) => `Access-Control-Allow-Methods: ${a.method}   (a comma-separated list)` },
      InvalidAllowHeadersPreflightResponse: { what: () => 'Access-Control-Allow-Headers does not parse as a comma-separated list of names', fix: (a) => `Access-Control-Allow-Headers: ${headerList(a.requestHeaders ?? '')}` },
      MethodDisallowedByPreflightResponse: { what: (a) => `${a.param} is not in Access-Control-Allow-Methods`, fix: (a) => `Access-Control-Allow-Methods: ${a.param}${a.credentialsInclude ? '   (with credentials, * is not a wildcard: name it)' : ''}` },
      HeaderDisallowedByPreflightResponse: { what: (a) => `the request header ${a.param} is not in Access-Control-Allow-Headers`, fix: (a) => `Access-Control-Allow-Headers: ${headerList(a.requestHeaders ?? a.param)}${a.credentialsInclude ? '   (with credentials, * is not a wildcard: name them)' : ''}` },
      RedirectContainsCredentials: { what: () => 'the redirect points to a URL with user:password@', fix: () => 'redirect to a URL without user:password@ (send credentials in a header instead)' },
      CorsDisabledScheme: { what: (a) => `the redirect leads to ${a.param}, and a CORS request may only fetch http: and https: URLs`, fix: httpOnly },
      'net::ERR_UNSAFE_REDIRECT': { what: () => 'the redirect leads to a local scheme (data:, about:, file:, blob:), which the browser never follows', fix: httpOnly },
      'net::ERR_UNKNOWN_URL_SCHEME': { what: () => 'the redirect leads to a scheme the browser cannot fetch', fix: httpOnly },
      DisallowedByMode: { what: () => 'mode "same-origin" forbids a request to another origin', fix: () => 'use mode "cors" (the default) and have the server send CORS headers' },
      NoCorsRedirectModeNotFollow: { what: () => 'a no-cors request to another origin must follow redirects', fix: () => 'use redirect "follow" with mode "no-cors"' },
      origin: { what: () => 'a same-origin request was redirected to another origin under mode "same-origin"', fix: () => 'use mode "cors", or keep the redirect on the same origin' },
      'corp-not-same-origin': {
        what: () => 'the answer carries Cross-Origin-Resource-Policy: same-origin and the page is on another origin',
        fix: () => 'Cross-Origin-Resource-Policy: cross-origin   (or leave it out) if other origins may embed it; or call it with mode "cors" and CORS headers',
      },
      'corp-not-same-origin-after-defaulted-to-same-origin-by-coep': {
        what: () => 'the page sends Cross-Origin-Embedder-Policy: require-corp, so an answer without Cross-Origin-Resource-Policy counts as same-origin only, and the page is on another origin',
        fix: () => 'Cross-Origin-Resource-Policy: cross-origin   on the answer; or load it with crossorigin (a CORS load) and CORS headers; or the page sends Cross-Origin-Embedder-Policy: credentialless',
      },
      'corp-not-same-site': {
        what: () => 'the answer carries Cross-Origin-Resource-Policy: same-site and the page is on another site',
        fix: () => 'Cross-Origin-Resource-Policy: cross-origin   (or leave it out) if other sites may embed it; or call it with mode "cors" and CORS headers',
      },
      'net::ERR_FAILED': { what: () => 'redirect "error" turns any redirect into a network error', fix: () => 'use redirect "follow" (or "manual"), or stop redirecting' },
      'net::ERR_INVALID_REDIRECT': { what: () => 'the Location header is not a valid URL', fix: () => 'send a valid absolute or relative URL in Location' },
      'net::ERR_TOO_MANY_REDIRECTS': { what: () => 'more than 20 redirects', fix: () => 'shorten the redirect chain' },
      LocalNetworkAccessPermissionDenied: {
        what: (a) => `a public page may reach the ${a.space} address space only with the user's Local Network Access permission, asked before any CORS check`,
        fix: () => 'no response header fixes it: the user must allow "local network access" for the page\'s site (Chrome asks with a prompt; tests: grantPermissions([\'local-network-access\'])), or serve the API from a public address',
      },
      InvalidLocalNetworkAccess: {
        what: (a) => `the request declared targetAddressSpace "${a.targetAddressSpace}" but the server is in the ${a.space} address space`,
        fix: (a) => `fetch(url, { targetAddressSpace: '${a.space}' }), or leave the option out`,
      },
      'net::ERR_CONNECTION_REFUSED': { what: () => 'nothing listens at that address', fix: () => 'start the server' },
      'net::ERR_ABORTED': { what: () => 'the element\'s answer has no ok (2xx) status, and a script or a stylesheet is used only with one', fix: () => 'answer the script or stylesheet with a 2xx status' },
      other: {
        what: () => "the framed answer's X-Frame-Options or CSP frame-ancestors does not allow this page as its ancestor",
        fix: () => "Content-Security-Policy: frame-ancestors 'self' <the page's origin>   on the framed answer, without X-Frame-Options: DENY",
      },
      'coep-frame-resource-needs-coep-header': {
        what: () => 'the page sends Cross-Origin-Embedder-Policy: require-corp, and a document it frames must send one too',
        fix: () => 'Cross-Origin-Embedder-Policy: require-corp   on the framed document',
      },
      csp: {
        what: (a) => `the page's Content-Security-Policy (${a.param}) does not allow this URL`,
        fix: (a) => `allow the URL's origin in ${a.param.split(' ')[0] ?? ''} of the page's Content-Security-Policy`,
      },
    },
  },

  fix: {
    noHeaderHelps: {
      DisallowedByMode: 'mode "same-origin" refuses another origin before anything is sent; no response header changes that. Use mode "cors" (the default), then the CORS headers apply.',
      origin: 'mode "same-origin" refuses a redirect to another origin; no response header changes that. Use mode "cors", or keep the redirect on the same origin.',
      NoCorsRedirectModeNotFollow: 'mode "no-cors" to another origin requires redirect "follow"; the page must change its redirect mode, no header can.',
      'net::ERR_FAILED': 'redirect "error" fails on any redirect, whatever the headers. Use redirect "follow", or have the server answer without redirecting.',
      'net::ERR_INVALID_REDIRECT': 'the Location header is not a URL; no CORS header helps. The server must redirect to a valid URL (or not redirect).',
      RedirectContainsCredentials: 'a CORS request may not follow a redirect to a URL with user:password@ (Fetch, HTTP-redirect fetch step 7); no header allows it. Redirect to a URL without userinfo and send credentials in a header.',
      'net::ERR_UNSAFE_REDIRECT': 'the browser never follows a redirect to data:, about:, file: or blob:; no header helps. Redirect to an http: or https: URL.',
      CorsDisabledScheme: 'a CORS request may only fetch http: and https: URLs (Fetch, HTTP-redirect fetch step 6); no header helps. Redirect to an http: or https: URL.',
      'net::ERR_UNKNOWN_URL_SCHEME': 'the browser cannot fetch the scheme the redirect leads to; no header helps. Redirect to an http: or https: URL.',
      'net::ERR_TOO_MANY_REDIRECTS': 'Fetch gives up after 20 redirects; shorten the chain on the server.',
      'net::ERR_CONNECTION_REFUSED': 'nothing answers at that address; start the server there.',
      LocalNetworkAccessPermissionDenied: 'Local Network Access: a public page may reach a loopback or local address only when the user grants the permission (Chromium asks); no CORS header helps.',
    },
    pageRefuses: (pageError) => `the page refuses the request before sending it (${pageError ?? 'a TypeError'}); no response header can change that. Use a method and mode fetch() allows.`,
    on: (t) => (t.kind === 'preflight' ? 'the preflight answer' : t.kind === 'redirect' ? `redirect hop ${t.index}` : 'the final answer'),
    allowOrigin: (on, origin, reflected) => `${on} must allow the request's Origin ${origin}${reflected ? ' (it answers more than one origin)' : ''}`,
    vary: () => 'the answer depends on Origin: caches must keep one copy per Origin',
    credentialsToo: () => 'a request with credentials also needs Access-Control-Allow-Credentials: true',
    allowCredentials: (on) => `${on} must say Access-Control-Allow-Credentials: true (exactly, lower-case) for a request with credentials`,
    okStatus: (status) =>
      status === 401 || status === 403
        ? `a preflight answer needs an ok status (200-299), not ${status}: auth answers OPTIONS before CORS; ` +
          'a preflight never carries credentials, so let OPTIONS through unauthenticated'
        : status === 404 || status === 405
          ? `a preflight answer needs an ok status (200-299), not ${status}: nothing answers OPTIONS here; ` +
            'let the CORS middleware answer it, or add the route'
          : 'a preflight answer needs an ok status (200-299)',
    noRedirect: () => 'a preflight may not be redirected: answer OPTIONS at the URL itself',
    noLocation: () => 'no Location on the preflight answer',
    listNames: (names, include) => `the preflight answer must list ${names}${include ? ' by name (with credentials * is literal)' : ''}`,
    resourcePolicy: (on) => `${on} must name who may embed it (same-site is enough when the page is on the same site)`,
    unknown: (reason) => `the model knows no header change that gets past ${reason}.`,
    noFailedCheck: (reason) => `the model blocked the request without a failed check (${reason}).`,
    planIgnored: (reason) => `changing the plan's headers does not get past ${reason}: the server does not answer with them.`,
    tooManyRounds: (rounds) => `no fix found within ${rounds} rounds of changes.`,
    where: (t) => (t.kind === 'preflight' ? 'OPTIONS (preflight)' : t.kind === 'redirect' ? `redirect hop ${t.index}` : 'actual answer'),
    option: (middleware, name, value) => `${middleware} option ${name}: ${value}`,
    status: (where, status) => `${where}: status ${status}`,
    remove: (where, header) => `${where}: remove ${header}`,
    send: (where, header, value) => `${where}: ${header}: ${value}`,
    impossible: (why) => `No header change alone: ${why}`,
    pagePolicy: (why) => `Fix the page: ${why}`,
    reflectedOrigin: "(the request's Origin, reflected)",
  },

  middleware: {
    allowOrigin: (origin, include) => `the middleware must allow the request's Origin ${origin}${include ? ' by name (with credentials * is not allowed)' : ''}`,
    credentials: () => 'a request with credentials needs Access-Control-Allow-Credentials: true',
    credentialsRefused: (reason) => `the middleware sends Access-Control-Allow-Credentials, yet the browser refuses it (${reason}).`,
    preflightContinue: () => 'with preflightContinue the route answers OPTIONS, here not with an ok status: let the middleware answer the preflight',
    routeStatus: (middleware) => `the preflight answer has no ok status; the route behind ${middleware} must answer OPTIONS with 200-299.`,
    listNames: (names) => `the preflight answer must list ${names}`,
    unknown: (middleware, reason) => `no ${middleware} option the model knows gets past ${reason}.`,
  },

  assumptions: {
    thirdPartyCookies: (setting) =>
      `Assumes third-party cookies ${setting}. Your browser keeps its own cookie setting, so whether a cookie is sent can differ here. Run it with \`cors-lab run\` to see what Chromium does with that setting.`,
    localNetworkAccess: (setting) => `Assumes the Local Network Access permission ${setting}. A page cannot grant or withdraw it for itself.`,
    publicOnLoopback: () =>
      'In your browser the lab\'s "public" origin is on loopback like the others, so Local Network Access does not apply and the outcome here can differ from the prediction, as expected. Run it with `cors-lab run` to see what Chromium does with that setting.',
    formPopup: () =>
      'The form submits into a popup window, as the format says, so the page stays to run the next step. A browser that blocks popups from the lab\'s runner frame stops the form before it is sent: the run then says that the browser blocked the popup, and differs from the prediction. Allow popups for the lab\'s origins, or run it with `cors-lab run`.',
    secureCookiesInFrame: () =>
      'This experiment\'s page is the https origin, and it sets a cookie. The playground runs that page in a frame of its own http page, where the cookie is a third-party one (another site: the scheme is part of the site), which this browser may block, so the outcome here can differ from the prediction, as expected. Run it with `cors-lab run` to see it on a top-level https page.',
    pageHeadersInFrame: () =>
      'This experiment sets headers on its page (`pageHeaders`: COOP, COEP, CSP). The playground runs the page in a frame of its own page, which does not carry them (and COOP and COEP could not act in a frame as on a top-level page), so the outcome here can differ from the prediction, as expected. Run it with `cors-lab run` to see what Chromium does with them.',
  },
} satisfies ModelMessages;
