/**
 * Format 1.2 `pageHeaders`: the page's own Content-Security-Policy, as the model needs it: whether the policy lets
 * the page make a request at all. A refused request is never sent; the page sees its API fail (fetch's TypeError,
 * an element's or an EventSource's error event, a frame's error page, a form not submitted).
 * CSP Level 3: https://w3c.github.io/webappsec-csp/#should-block-request
 * Only the enforced header is here: the format has no Content-Security-Policy-Report-Only page header (its
 * policies only report, https://w3c.github.io/webappsec-csp/#cspro-header). Frame-ancestors is the framed
 * document's own (frame-load.ts), never the page's.
 */
import type { ResolvedRequest } from '../../format/format-defaults.ts';

type Api = ResolvedRequest['api'];

/** The directives a page's request is checked against. https://w3c.github.io/webappsec-csp/#effective-directive-for-a-request */
export type EffectiveDirective =
  'connect-src' | 'img-src' | 'script-src-elem' | 'style-src-elem' | 'frame-src' | 'form-action';

/** https://w3c.github.io/webappsec-csp/#directive-fallback-list; form-action has none (a navigation directive). */
const FALLBACKS: Record<EffectiveDirective, readonly string[]> = {
  'connect-src': ['connect-src', 'default-src'],
  'img-src': ['img-src', 'default-src'],
  'script-src-elem': ['script-src-elem', 'script-src', 'default-src'],
  'style-src-elem': ['style-src-elem', 'style-src', 'default-src'],
  'frame-src': ['frame-src', 'child-src', 'default-src'],
  'form-action': ['form-action'],
};

/**
 * The directive a step's API is checked against: fetch, XHR, a beacon and an EventSource have the empty
 * destination, so connect-src (as a WebSocket's handshake); an element its destination's; a frame frame-src; a form
 * form-action. A popup (window-open, postMessage to a popup) is a navigation no directive of the page governs.
 */
export function effectiveDirective(api: Api, popup: boolean): EffectiveDirective | null {
  switch (api) {
    case 'fetch': case 'xhr': case 'beacon': case 'eventsource': case 'websocket': return 'connect-src';
    case 'img': return 'img-src';
    case 'script': return 'script-src-elem';
    case 'stylesheet': return 'style-src-elem';
    case 'iframe': return 'frame-src';
    case 'postMessage': return popup ? null : 'frame-src';
    case 'form': return 'form-action';
    case 'window-open': return null;
  }
}

/** One policy: its directives by lower-cased name, each the list of its source expressions. */
export type Policy = ReadonlyMap<string, readonly string[]>;

/**
 * A header value to its policies: a comma separates policies, a semicolon directives; a directive's name is its
 * first token (ASCII case-insensitive); a name seen twice in one policy keeps its first value; a name with other
 * characters than letters, digits and dashes is ignored, as an empty directive is.
 * https://w3c.github.io/webappsec-csp/#parse-serialized-policy-list
 */
export function parsePolicies(value: string): Policy[] {
  return value.split(',').map((serialized) => {
    const policy = new Map<string, readonly string[]>();
    for (const directive of serialized.split(';')) {
      const [name, ...sources] = directive.trim().split(/[\t\n\f\r ]+/).filter((t) => t !== '');
      if (name === undefined || !/^[A-Za-z0-9-]+$/.test(name)) continue;
      const lower = name.toLowerCase();
      if (!policy.has(lower)) policy.set(lower, sources);
    }
    return policy;
  }).filter((policy) => policy.size > 0);
}

/** https://w3c.github.io/webappsec-csp/#match-schemes: `a` is the expression's scheme, `b` the URL's. */
function schemePartMatches(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x === y || (x === 'http' && y === 'https') || (x === 'ws' && ['wss', 'http', 'https'].includes(y)) ||
    (x === 'wss' && y === 'https');
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ws: '80', wss: '443' };

/** The URL's port, its scheme's default port when it has none. */
function portOf(url: URL): string {
  return url.port || (DEFAULT_PORTS[url.protocol.slice(0, -1)] ?? '');
}

/** https://w3c.github.io/webappsec-csp/#match-paths: a path ending in "/" is a prefix, any other exact. */
function pathMatches(expression: string, url: URL): boolean {
  const decode = (path: string): string => {
    try {
      return decodeURIComponent(path);
    } catch {
      return path;
    }
  };
  const [want, got] = [decode(expression), decode(url.pathname)];
  if (want === '' || (want === '/' && got === '')) return true;
  return want.endsWith('/') ? got.startsWith(want) : got === want;
}

/** https://w3c.github.io/webappsec-csp/#grammardef-host-source */
const HOST_SOURCE = new RegExp(
  '^(?:([A-Za-z][A-Za-z0-9+.-]*)://)?' + // scheme-part "://"
  '(\\*|(?:\\*\\.)?[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*)' + // host-part
  '(?::(\\*|\\d+))?' + // port-part
  '(/[^?#]*)?$', // path-part
);

/**
 * One source expression against the URL. `self`: the page's origin (its URL's origin for a sandboxed page: the
 * policy's self-origin is set before the sandbox makes the document's origin opaque). Keywords other than 'self'
 * (nonces, hashes, 'unsafe-inline', ...) never match a URL.
 * https://w3c.github.io/webappsec-csp/#match-url-to-source-expression
 */
function expressionMatches(expression: string, url: URL, self: URL, redirected: boolean): boolean {
  const urlScheme = url.protocol.slice(0, -1);
  const lower = expression.toLowerCase();
  // https://w3c.github.io/webappsec-csp/#match-url-to-source-expression step 1
  if (expression === '*') return ['http', 'https'].includes(urlScheme) || url.protocol === self.protocol;
  if (/^[a-z][a-z0-9+.-]*:$/.test(lower)) return schemePartMatches(lower.slice(0, -1), urlScheme);
  if (lower === "'self'") {
    if (url.origin === self.origin) return true;
    const secureUpgrade = ['https', 'wss'].includes(urlScheme) ||
      (self.protocol === 'http:' && ['http', 'ws'].includes(urlScheme));
    return url.hostname === self.hostname && portOf(url) === portOf(self) && secureUpgrade;
  }
  const host = HOST_SOURCE.exec(expression);
  if (!host || url.hostname === '') return false;
  const [, scheme, hostPart = '', port, path] = host;
  if (!schemePartMatches(scheme ?? self.protocol.slice(0, -1), urlScheme)) return false;
  const urlHost = url.hostname.toLowerCase();
  const wanted = hostPart.toLowerCase();
  if (wanted.startsWith('*')) {
    if (!urlHost.endsWith(wanted.slice(1))) return false;
  } else if (wanted !== urlHost) return false;
  // https://w3c.github.io/webappsec-csp/#match-ports: no port is the URL scheme's default one.
  if (port !== '*' && (port ?? DEFAULT_PORTS[urlScheme]) !== portOf(url)) return false;
  // After a redirect the path is not matched (it would leak where the redirect led).
  return redirected || path === undefined || pathMatches(path, url);
}

/** https://w3c.github.io/webappsec-csp/#match-url-to-source-list */
function listMatches(sources: readonly string[], url: URL, self: URL, redirected: boolean): boolean {
  if (sources.length === 0 || (sources.length === 1 && sources[0]?.toLowerCase() === "'none'")) return false;
  return sources.some((expression) => expressionMatches(expression, url, self, redirected));
}

/** Why the page's policy refused a request. */
export interface CspRefusal {
  /** The directive checked (the API's). */
  effective: EffectiveDirective;
  /** The directive that decided, as the policy names it: the effective one or a fallback (default-src). */
  directive: string;
  /** Its value, as written: `connect-src 'self'`. */
  written: string;
}

export interface CspRequest {
  api: Api;
  popup: boolean;
  url: URL;
  /** The page's URL origin ('self'). */
  self: URL;
  /** A redirect led here (paths are then not matched). */
  redirected: boolean;
}

/**
 * The URL the policy checks: a WebSocket's as the page wrote it, ws: or wss: (the step's URL is the plan's http: URL,
 * which the runner page turns into ws:, runner-page/run-socket.ts). Measured in Chromium 156, Firefox 153 ESR and
 * WebKitGTK 2.50: `connect-src localhost:*` and `connect-src http://localhost:*` refuse `ws://localhost:5311`, and
 * only a source with the ws scheme (or 'self' on its own host and port) allows it. The WebSockets standard now
 * fetches the http: URL (https://websockets.spec.whatwg.org/#concept-websocket-establish), and CSP's scheme match
 * lets `ws:` sources cover it (https://w3c.github.io/webappsec-csp/#match-schemes); no engine checks that URL yet.
 */
export function cspCheckedUrl(api: Api, url: URL): URL {
  if (api !== 'websocket') return url;
  return new URL(url.href.replace(/^http(s?):/, 'ws$1:'));
}

/**
 * Whether the page's Content-Security-Policy refuses the request, and by which directive; null: allowed. Every
 * policy must allow it; a policy without the directive or its fallbacks allows it.
 * https://w3c.github.io/webappsec-csp/#should-block-request
 */
export function cspRefusal(
  headers: Readonly<Record<string, string>> | undefined, request: CspRequest,
): CspRefusal | null {
  const effective = effectiveDirective(request.api, request.popup);
  const value = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'content-security-policy')?.[1];
  if (!effective || value === undefined) return null;
  for (const policy of parsePolicies(value)) {
    const directive = FALLBACKS[effective].find((name) => policy.has(name));
    const sources = directive === undefined ? undefined : policy.get(directive);
    if (directive === undefined || sources === undefined) continue;
    // https://w3c.github.io/webappsec-csp/#script-pre-request: with 'strict-dynamic' a script the page's script
    // inserts (not parser-inserted, as every lab element) is allowed, and the list's URLs are ignored.
    if (effective === 'script-src-elem' && sources.some((s) => s.toLowerCase() === "'strict-dynamic'")) continue;
    if (!listMatches(sources, cspCheckedUrl(request.api, request.url), request.self, request.redirected)) {
      return { effective, directive, written: [directive, ...sources].join(' ') };
    }
  }
  return null;
}

/** The observations of a refused request (a subset of the model's StepPrediction). */
export interface RefusedFields {
  outcome: 'blocked';
  reason: 'csp' | null;
  pageError?: string;
  framed?: boolean;
  domReadable?: boolean;
  delivered?: boolean | null;
  opened?: boolean;
}

/**
 * What the page sees of a request its policy refused (measured in Chromium 156 through the lab's runner, the
 * catalog's `csp` group): nothing is sent. fetch() rejects with a TypeError and Chromium reports no blocked request
 * (its renderer refuses it before any network request exists); XHR, an element and an EventSource fail with the
 * blocked reason `csp`; a frame shows an error page, a form is not submitted, a beacon not queued, a WebSocket not
 * opened, none with a reason.
 */
export function refusedFields(api: Api): RefusedFields {
  const reason = ['xhr', 'img', 'script', 'stylesheet', 'eventsource'].includes(api) ? 'csp' : null;
  const frame = api === 'iframe' || api === 'postMessage';
  return {
    outcome: 'blocked', reason,
    ...(api === 'fetch' ? { pageError: 'TypeError: Failed to fetch' } : {}),
    ...(frame ? { framed: false, domReadable: false, delivered: api === 'postMessage' ? false : null } : {}),
    ...(api === 'websocket' ? { opened: false } : {}),
  };
}
