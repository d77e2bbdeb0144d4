/**
 * What `cors-lab probe` and the fixture's `cors.probe()` take, checked once:
 * a bad URL, origin, method or header is refused with the field it is in,
 * before any browser starts.
 */
import { headerNameProblem, headerValueProblem, isToken, type HeaderLines } from '../experiments/headers.ts';
import { CREDENTIALS, MODES } from '../experiments/request-modes.ts';
import {
  isForbiddenMethod,
  isForbiddenRequestHeader,
  isNoCorsSafelistedName,
  isSafelistedMethod,
  isSafelistedRequestHeader,
  normalizeMethod,
} from '../experiments/model/request-headers.ts';
import { FRAMEWORK_CHOICES, type FrameworkChoice } from './framework.ts';

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
}

export type ProbeField = keyof ProbeOptions;

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
  if (text === 'null') throw new ProbeInputError('origin', 'an opaque ("null") page cannot be served by request interception; give a scheme, host and port');
  const url = httpUrl('origin', text);
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new ProbeInputError('origin', `an origin is scheme://host[:port] with no path, query or user, got ${JSON.stringify(text)} (did you mean ${JSON.stringify(url.origin)}?)`);
  }
  return url.origin;
}

function headerList(headers: ProbeOptions['headers']): HeaderLines {
  const lines: HeaderLines = Array.isArray(headers) ? headers : Object.entries(headers ?? {});
  for (const [name, value] of lines) {
    const problem = headerNameProblem(name) ?? headerValueProblem(value);
    if (problem) throw new ProbeInputError('headers', problem);
    // fetch() would drop it without a word; say so instead of probing something else.
    if (isForbiddenRequestHeader(name, value)) throw new ProbeInputError('headers', `${name} is a forbidden request header: a page cannot set it, the browser drops it (https://fetch.spec.whatwg.org/#forbidden-request-header)`);
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
  const method = options.method ?? 'GET';
  if (!isToken(method)) throw new ProbeInputError('method', `invalid method ${JSON.stringify(method)}: a method is a token`);
  if (isForbiddenMethod(method)) throw new ProbeInputError('method', `${method} is a forbidden method: fetch() refuses it (https://fetch.spec.whatwg.org/#forbidden-method)`);
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
  const headers = headerList(options.headers);
  if (mode === 'no-cors') checkNoCors(method, headers);
  return { url: url.href, origin: pageOrigin(options.origin), method, headers, body, credentials, mode };
}
