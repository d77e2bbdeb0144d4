/**
 * What `cors-lab probe` and the fixture's `cors.probe()` take, checked once:
 * a bad URL, origin, method or header is refused with the field it is in,
 * before any browser starts.
 */
import { headerNameProblem, headerValueProblem, isToken, type HeaderLines } from '../format/headers.ts';
import { CREDENTIALS, MODES } from '../format/request-modes.ts';
import { DEFAULT_PORT_BASE, originSpec } from '../plan/origins.ts';
import {
  isForbiddenMethod,
  isForbiddenRequestHeader,
  isNoCorsSafelistedName,
  isSafelistedMethod,
  isSafelistedRequestHeader,
  normalizeMethod,
} from '../experiments/model/request-headers.ts';
import { FRAMEWORK_CHOICES, type FrameworkChoice } from './framework.ts';
import { ENGINES, type EngineName } from '../format/engine-names.ts';

export interface ProbeOptions {
  /** The user's URL the request goes to (http or https). */
  url: string;
  /** The page's origin, e.g. http://localhost:3000 (served by request interception). */
  origin: string;
  /** Default GET; any token, sent as written. */
  method?: string;
  /** Request headers: an object, or [name, value] lines for repeated names. */
  headers?: Record<string, string> | HeaderLines;
  body?: string | null;
  credentials?: (typeof CREDENTIALS)[number];
  mode?: (typeof MODES)[number];
  /** The terms the fix is written in (default `headers`); `auto` guesses from the server's headers. */
  framework?: FrameworkChoice;
  /** Cookies set for the URL's host in the probe's browser context, each `name=value`. */
  cookies?: string[];
  /** Accept the server's TLS certificate whatever it is (a self-signed https API in development). */
  insecure?: boolean;
  /**
   * Further requests to the same URL after the first, in the same page (the preflight cache kept), each with the
   * first request's headers, body and credentials unless it names its own. Each result says whether a preflight
   * was sent again.
   */
  then?: ThenStep[];
  /**
   * The engine the request runs in (default `chromium`). Firefox and WebKit give their own reason and console line
   * (probe/probe-in-engine.ts); the wire (preflight, headers, hops, cookies) is Chromium's to tell.
   */
  browser?: EngineName;
}

/** One request of `then`. */
export interface ThenStep {
  method?: string;
  headers?: Record<string, string> | HeaderLines;
}

/** The options with every default filled in and every field checked. */
export interface ProbeRequest {
  url: string;
  origin: string;
  method: string;
  headers: HeaderLines;
  body: string | null;
  credentials: (typeof CREDENTIALS)[number];
  mode: (typeof MODES)[number];
  /** `[name, value]` pairs. */
  cookies: Array<[string, string]>;
  insecure: boolean;
  then: Array<{ method: string; headers: HeaderLines }>;
}

export type ProbeField = keyof ProbeOptions;

/**
 * `--origin null`: the request comes from a sandboxed iframe (`sandbox="allow-scripts"`, an opaque origin) in a
 * page on the lab's page origin; its fetches carry `Origin: null`.
 * https://html.spec.whatwg.org/multipage/browsers.html#sandboxed-origin-browsing-context-flag
 */
export const NULL_ORIGIN = 'null';
const APP = originSpec('app');
/** The page holding the sandboxed frame: the lab's page origin. */
export const NULL_ORIGIN_HOST = `http://${APP.host}:${DEFAULT_PORT_BASE + APP.offset}`;

/** Where the probe page is served: the origin itself, or the page holding the sandboxed frame. */
export const hostOrigin = (request: Pick<ProbeRequest, 'origin'>): string =>
  request.origin === NULL_ORIGIN ? NULL_ORIGIN_HOST : request.origin;

/** cookie-octet, https://www.rfc-editor.org/rfc/rfc6265#section-4.1.1 (a value may also be wrapped in DQUOTE). */
const COOKIE_VALUE = /^("?)[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*\1$/;

function cookieList(cookies: readonly string[]): Array<[string, string]> {
  return cookies.map((text) => {
    const equals = typeof text === 'string' ? text.indexOf('=') : -1;
    if (equals <= 0) throw new ProbeInputError('cookies', `expected 'name=value', got ${JSON.stringify(text)}`);
    const name = text.slice(0, equals);
    const value = text.slice(equals + 1);
    const rule = '(https://www.rfc-editor.org/rfc/rfc6265#section-4.1.1)';
    if (!isToken(name)) {
      throw new ProbeInputError('cookies', `invalid cookie name ${JSON.stringify(name)}: a name is a token ${rule}`);
    }
    if (!COOKIE_VALUE.test(value)) {
      const why = 'no spaces, quotes inside, commas, semicolons, backslashes or control characters';
      const quoted = JSON.stringify(value);
      throw new ProbeInputError('cookies', `invalid value of cookie ${name}: ${quoted} (${why}) ${rule}`);
    }
    return [name, value];
  });
}

export class ProbeInputError extends Error {
  constructor(
    readonly field: ProbeField,
    message: string,
  ) {
    super(message);
    this.name = 'ProbeInputError';
  }
}

/** `host:port...` typed without `http://` ("localhost:3000" even parses, as scheme "localhost:"). */
const SCHEMELESS = /^[^/:]+:\d+(\/|$)/;

function httpUrl(field: ProbeField, text: string): URL {
  const noScheme = () => new ProbeInputError(field, `no scheme in ${JSON.stringify(text)} (did you mean ${JSON.stringify(`http://${text}`)}?)`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    if (SCHEMELESS.test(text)) throw noScheme();
    throw new ProbeInputError(field, `not an absolute URL: ${JSON.stringify(text)} (e.g. http://127.0.0.1:8080/items)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    if (SCHEMELESS.test(text)) throw noScheme();
    throw new ProbeInputError(field, `only http and https URLs, got ${JSON.stringify(text)}`);
  }
  return url;
}

/** A page origin is scheme, host and port, nothing else (https://html.spec.whatwg.org/#ascii-serialisation-of-an-origin). */
function pageOrigin(text: string): string {
  if (text === NULL_ORIGIN) return NULL_ORIGIN;
  const url = httpUrl('origin', text);
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new ProbeInputError('origin', `an origin is scheme://host[:port] with no path, query or user, got ${JSON.stringify(text)} (did you mean ${JSON.stringify(url.origin)}?)`);
  }
  return url.origin;
}

function headerList(field: ProbeField, headers: ProbeOptions['headers']): HeaderLines {
  const lines: HeaderLines = Array.isArray(headers) ? headers : Object.entries(headers ?? {});
  for (const [name, value] of lines) {
    const problem = headerNameProblem(name) ?? headerValueProblem(value);
    if (problem) throw new ProbeInputError(field, problem);
    // fetch() would drop it without a word; say so instead of probing something else.
    if (isForbiddenRequestHeader(name, value)) {
      const cookie = name.toLowerCase() === 'cookie' ? "; set cookies with cookies (--cookie 'name=value')" : '';
      const why = 'a page cannot set it, the browser drops it ' +
        '(https://fetch.spec.whatwg.org/#forbidden-request-header)';
      throw new ProbeInputError(field, `${name} is a forbidden request header: ${why}${cookie}`);
    }
  }
  return lines;
}

/**
 * A mode "no-cors" request may only use a CORS-safelisted method (new Request() throws otherwise), and its
 * headers are guarded "request-no-cors": any other header is dropped without a word.
 * https://fetch.spec.whatwg.org/#dom-request (the steps for mode "no-cors")
 * https://fetch.spec.whatwg.org/#concept-headers-append
 */
function checkNoCors(method: string, headers: HeaderLines): void {
  if (!isSafelistedMethod(normalizeMethod(method))) {
    const why = 'a no-cors request may only be GET, HEAD or POST (https://fetch.spec.whatwg.org/#dom-request)';
    throw new ProbeInputError('method', `${method} is not allowed with mode no-cors: ${why}`);
  }
  const kept = ([name, value]: [string, string]): boolean =>
    isNoCorsSafelistedName(name) && isSafelistedRequestHeader(name, value);
  const dropped = headers.find((line) => !kept(line));
  if (dropped) {
    const why =
      'fetch() drops every header but Accept, Accept-Language, Content-Language and a safelisted Content-Type ' +
      '(https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header)';
    throw new ProbeInputError('headers', `${dropped[0]} cannot be sent with mode no-cors: ${why}`);
  }
}

export function probeRequest(options: ProbeOptions): ProbeRequest {
  const url = httpUrl('url', options.url);
  // new Request() throws for a URL with credentials: nothing would be sent.
  // https://fetch.spec.whatwg.org/#dom-request
  if (url.username || url.password) {
    throw new ProbeInputError(
      'url',
      "a URL with a user name or password (user:pass@) cannot be fetched: fetch() refuses it before sending; " +
        "send the credentials in a header instead, e.g. -H 'Authorization: Basic ...'",
    );
  }
  url.hash = '';
  const method = checkedMethod('method', options.method ?? 'GET');
  const body = options.body ?? null;
  if (body !== null && ['GET', 'HEAD'].includes(normalizeMethod(method))) throw new ProbeInputError('body', `a ${normalizeMethod(method)} request cannot have a body`);
  const credentials = options.credentials ?? 'same-origin';
  if (!CREDENTIALS.includes(credentials)) throw new ProbeInputError('credentials', `expected one of ${CREDENTIALS.join(', ')}, got ${JSON.stringify(credentials)}`);
  const mode = options.mode ?? 'cors';
  if (!MODES.includes(mode)) throw new ProbeInputError('mode', `expected one of ${MODES.join(', ')}, got ${JSON.stringify(mode)}`);
  if (options.framework !== undefined && !FRAMEWORK_CHOICES.includes(options.framework)) {
    const got = JSON.stringify(options.framework);
    throw new ProbeInputError('framework', `expected one of ${FRAMEWORK_CHOICES.join(', ')}, got ${got}`);
  }
  if (options.browser !== undefined && !(ENGINES as readonly string[]).includes(options.browser)) {
    throw new ProbeInputError('browser', `unknown engine ${JSON.stringify(options.browser)} (${ENGINES.join(', ')})`);
  }
  const headers = headerList('headers', options.headers);
  if (mode === 'no-cors') checkNoCors(method, headers);
  const origin = pageOrigin(options.origin);
  const cookies = cookieList(options.cookies ?? []);
  // A cross-origin fetch sends cookies only with credentials "include".
  // https://fetch.spec.whatwg.org/#concept-request-credentials-mode
  if (cookies.length && credentials !== 'include' && (credentials === 'omit' || origin !== url.origin)) {
    const got = `(got "${credentials}")`;
    throw new ProbeInputError('cookies', `a cross-origin request sends cookies only with credentials "include" ${got}`);
  }
  if (options.insecure !== undefined && typeof options.insecure !== 'boolean') {
    throw new ProbeInputError('insecure', `expected true or false, got ${JSON.stringify(options.insecure)}`);
  }
  const then = (options.then ?? []).map((step) => {
    const stepMethod = checkedMethod('then', step.method ?? method);
    const stepHeaders = step.headers === undefined ? headers : headerList('then', step.headers);
    if (mode === 'no-cors') checkNoCors(stepMethod, stepHeaders);
    if (body !== null && ['GET', 'HEAD'].includes(normalizeMethod(stepMethod))) {
      const again = "(the first request's body is sent again)";
      throw new ProbeInputError('then', `a ${normalizeMethod(stepMethod)} request cannot have a body ${again}`);
    }
    return { method: stepMethod, headers: stepHeaders };
  });
  const insecure = options.insecure ?? false;
  return { url: url.href, origin, method, headers, body, credentials, mode, cookies, insecure, then };
}

function checkedMethod(field: ProbeField, method: string): string {
  if (!isToken(method)) {
    throw new ProbeInputError(field, `invalid method ${JSON.stringify(method)}: a method is a token`);
  }
  if (isForbiddenMethod(method)) {
    const why = 'fetch() refuses it (https://fetch.spec.whatwg.org/#forbidden-method)';
    throw new ProbeInputError(field, `${method} is a forbidden method: ${why}`);
  }
  return method;
}
