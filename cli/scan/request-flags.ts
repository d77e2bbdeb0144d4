/**
 * The request flags of `cors-lab scan`: `-X METHOD`, `-H 'Name: value'` and `--cookie`, checked as fetch()
 * would check them in the attacker's page (a request a page cannot send tests nothing an attacker can do).
 * A bad one is refused with the flag and the value named.
 */
import { CliError } from '../cli-error.ts';
import { headerNameProblem, headerValueProblem, isToken } from '../../format/headers.ts';
import {
  isForbiddenMethod,
  isForbiddenRequestHeader,
  normalizeMethod,
} from '../../experiments/model/request-headers.ts';

/** https://fetch.spec.whatwg.org/#concept-method: a token; fetch() upper-cases the six standard names. */
export function scanMethods(values: readonly string[]): string[] {
  const methods = values.map((value) => {
    if (!isToken(value))
      throw new CliError(
        `-X: invalid method ${JSON.stringify(value)}: a method is a token (letters, digits, !#$%&'*+-.^_\`|~)`,
      );
    if (isForbiddenMethod(value))
      throw new CliError(
        `-X: ${value} is a forbidden method: no page can send it (https://fetch.spec.whatwg.org/#forbidden-method)`,
      );
    return normalizeMethod(value);
  });
  return [...new Set(methods)];
}

/** Headers a user passes for the scan but that have a flag of their own. */
const OWN_FLAG: Record<string, string> = { origin: '--origin', cookie: '--cookie' };

export function scanHeaders(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const text of values) {
    const colon = text.indexOf(':');
    if (colon < 0) throw new CliError(`-H: expected 'Name: value', got ${JSON.stringify(text)}`);
    const name = text.slice(0, colon).trim();
    // Header values lose their leading and trailing whitespace
    // (https://fetch.spec.whatwg.org/#concept-header-value-normalize).
    const value = text.slice(colon + 1).trim();
    const problem = headerNameProblem(name) ?? headerValueProblem(value);
    if (problem) throw new CliError(`-H: ${JSON.stringify(text)}: ${problem}`);
    const own = OWN_FLAG[name.toLowerCase()];
    if (own) throw new CliError(`-H: ${JSON.stringify(text)}: pass ${name} with ${own}`);
    if (isForbiddenRequestHeader(name, value)) {
      throw new CliError(
        `-H: ${JSON.stringify(text)}: ${name} is a forbidden request header, which no page can set ` +
          `(https://fetch.spec.whatwg.org/#forbidden-request-header)`,
      );
    }
    const same = Object.keys(headers).find((known) => known.toLowerCase() === name.toLowerCase());
    // Headers of one name combine with ", ", as fetch()'s Headers does
    // (https://fetch.spec.whatwg.org/#concept-header-list-combine).
    if (same) headers[same] = `${headers[same]}, ${value}`;
    else headers[name] = value;
  }
  return headers;
}

/** A Cookie header's value: name=value pairs separated by "; " (https://httpwg.org/specs/rfc6265.html#cookie). */
export function scanCookie(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const pairs = value
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '');
  const bad = pairs.find(
    (pair) =>
      !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+=[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/.test(pair) &&
      !/^[^=]+="[^"]*"$/.test(pair),
  );
  if (pairs.length === 0)
    throw new CliError(`--cookie: expected name=value pairs such as 'session=abc123', got ${JSON.stringify(value)}`);
  if (bad !== undefined)
    throw new CliError(
      `--cookie: ${JSON.stringify(bad)} is not a name=value pair (a cookie name is a token; a value has no ` +
        `space, comma, semicolon or backslash)`,
    );
  return pairs.join('; ');
}
