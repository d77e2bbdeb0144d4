/**
 * The one place that says which plan strings may reach the wire: header names
 * and values, framing headers, and the URL parts a redirect's Location is
 * built from. The schema (client, CLI, and the servers, which parse every plan
 * with it) and the servers' last check before writing all call these, so a
 * file `cors-lab run` accepts is one the servers answer, and the reverse.
 */
import { problemText, type Problem } from './problems/index.ts';

/** A header name is an HTTP token. https://httpwg.org/specs/rfc9110.html#fields.names */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * A value may hold anything Node can put on the wire: tab, visible ASCII and
 * obs-text. Leading and trailing spaces are allowed on purpose (the lab can
 * send `Access-Control-Allow-Origin:  *  `); CR, LF and NUL never are.
 * https://fetch.spec.whatwg.org/#header-value
 */
const WIRE_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export type HeaderValue = string | string[];
export type HeaderMap = Record<string, HeaderValue>;
/** Header lines in order, names as written. */
export type HeaderLines = Array<[name: string, value: string]>;

export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/** English for a check below, as the servers and the CLI print it. */
const inEnglish = (problem: Problem | null): string | null => (problem ? problemText(problem) : null);

/** Why a header name is refused, or null when it is fine. */
export function headerNameIssue(name: string): Problem | null {
  if (name === '') return { code: 'emptyHeaderName' };
  return TOKEN.test(name) ? null : { code: 'headerName', name };
}
export const headerNameProblem = (name: string): string | null => inEnglish(headerNameIssue(name));

/** Why a header value is refused, or null when it is fine. */
export function headerValueIssue(value: string): Problem | null {
  if (WIRE_VALUE.test(value)) return null;
  return /[\r\n]/.test(value) ? { code: 'headerValueLine', value } : { code: 'headerValueBytes', value };
}
export const headerValueProblem = (value: string): string | null => inEnglish(headerValueIssue(value));

/**
 * Framing belongs to the server: a plan's Content-Length or Transfer-Encoding
 * would make one response swallow the next on a keep-alive connection
 * (request smuggling's mirror image), and Connection, Keep-Alive and the
 * other hop-by-hop fields would keep open a connection the client asked to
 * close. https://httpwg.org/specs/rfc9112.html#message.body.length
 * https://httpwg.org/specs/rfc9110.html#field.connection
 */
export const FRAMING_HEADERS = ['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer', 'proxy-connection'] as const;

/** Why a plan may not send this header (framing), or null. */
export function framingHeaderIssue(name: string): Problem | null {
  return (FRAMING_HEADERS as readonly string[]).includes(name.toLowerCase()) ? { code: 'framingHeader', name, framing: FRAMING_HEADERS } : null;
}
export const framingHeaderProblem = (name: string): string | null => inEnglish(framingHeaderIssue(name));

/**
 * Statuses whose response has no body: a fetch `Response` built with one
 * throws. (101 and 103 are below the 200 a plan may ask for.)
 * https://fetch.spec.whatwg.org/#null-body-status
 */
export const NULL_BODY_STATUSES: readonly number[] = [204, 205, 304];

/** Visible ASCII (RFC 9110 VCHAR): what a path or userinfo may hold, so nothing widens to CR or LF on a latin1 write. */
const URL_PART = /^[\x21-\x7e]*$/;

/**
 * Why a redirect path (or the request path) is refused: it becomes part of a
 * Location header and of a request line, so only visible ASCII without "#"
 * (percent-encode the rest). A character above U+00FF would be cut to one
 * byte by the latin1 write (U+010D to CR), so it is refused, not truncated.
 */
export function urlPathIssue(path: string): Problem | null {
  if (!path.startsWith('/')) return { code: 'pathStart' };
  if (!URL_PART.test(path)) return { code: 'pathAscii', path };
  if (path.includes('#')) return { code: 'pathFragment', path };
  return null;
}
export const urlPathProblem = (path: string): string | null => inEnglish(urlPathIssue(path));

/** Why a redirect's userinfo is refused: "user" or "user:pass", visible ASCII without "@", "/", "?", "#". */
export function userinfoIssue(userinfo: string): Problem | null {
  return !URL_PART.test(userinfo) || /[@/?#]/.test(userinfo) ? { code: 'userinfo', userinfo } : null;
}
export const userinfoProblem = (userinfo: string): string | null => inEnglish(userinfoIssue(userinfo));

/** Expands a header map into lines: an array value gives one line per element. */
/** Header lines to a map (headerLines' inverse): a name given more than once keeps every value, in order. */
export function headerMap(lines: HeaderLines): HeaderMap {
  const map: Record<string, string[]> = {};
  for (const [name, value] of lines) (map[name] ??= []).push(value);
  const one = (values: string[]): HeaderValue => (values.length === 1 ? (values[0] as string) : values);
  return Object.fromEntries(Object.entries(map).map(([name, values]) => [name, one(values)]));
}

export function headerLines(headers: HeaderMap | undefined): HeaderLines {
  const lines: HeaderLines = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) lines.push([name, one]);
  }
  return lines;
}
