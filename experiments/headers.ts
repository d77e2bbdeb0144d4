/**
 * Header name and value rules, shared by the schema (client, CLI) and the
 * servers, so both refuse the same input with the same words.
 */

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

/** Why a header name is refused, or null when it is fine. */
export function headerNameProblem(name: string): string | null {
  if (name === '') return 'empty header name';
  return TOKEN.test(name) ? null : `invalid header name ${JSON.stringify(name)}: a name is a token (letters, digits and !#$%&'*+-.^_\`|~)`;
}

/** Why a header value is refused, or null when it is fine. */
export function headerValueProblem(value: string): string | null {
  if (WIRE_VALUE.test(value)) return null;
  if (/[\r\n]/.test(value)) return `invalid header value ${JSON.stringify(value)}: CR and LF are not allowed`;
  return `invalid header value ${JSON.stringify(value)}: only tab, printable ASCII and bytes 0x80-0xFF are allowed`;
}

/** Expands a header map into lines: an array value gives one line per element. */
export function headerLines(headers: HeaderMap | undefined): HeaderLines {
  const lines: HeaderLines = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) lines.push([name, one]);
  }
  return lines;
}
