/**
 * How the browser sees a response's header lines: values trimmed of
 * surrounding white space by the HTTP parser, repeated names combined with
 * ", " (https://fetch.spec.whatwg.org/#concept-header-list-get).
 */
import type { HeaderLines } from '../../format/headers.ts';
import { extractTokenList } from './header-list.ts';

export class ResponseHeaders {
  readonly #map = new Map<string, string>();

  constructor(lines: HeaderLines) {
    for (const [name, raw] of lines) {
      const key = name.toLowerCase();
      const value = raw.replace(/^[\t ]+|[\t ]+$/g, '');
      const existing = this.#map.get(key);
      this.#map.set(key, existing === undefined ? value : `${existing}, ${value}`);
    }
  }

  get(name: string): string | undefined {
    return this.#map.get(name.toLowerCase());
  }

  names(): string[] {
    return [...this.#map.keys()];
  }
}

/** https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name */
const SAFELISTED_RESPONSE_NAMES = ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'];

/** https://fetch.spec.whatwg.org/#forbidden-response-header-name */
const FORBIDDEN_RESPONSE_NAMES = ['set-cookie', 'set-cookie2'];

/**
 * The header names page JavaScript can read.
 * https://fetch.spec.whatwg.org/#concept-filtered-response-cors
 */
export function readableHeaderNames(headers: ResponseHeaders, type: 'basic' | 'cors' | 'opaque' | 'opaqueredirect', credentialsInclude: boolean): string[] {
  if (type === 'opaque' || type === 'opaqueredirect') return [];
  const names = headers.names().filter((n) => !FORBIDDEN_RESPONSE_NAMES.includes(n));
  if (type === 'basic') return names.sort();
  // A list that fails to parse (a quoted string, `x a`) exposes nothing: https://fetch.spec.whatwg.org/#main-fetch step 14.
  const list = extractTokenList(headers.get('access-control-expose-headers'));
  const exposed = Array.isArray(list) ? list.map((n) => n.toLowerCase()) : [];
  // `*` exposes every name only when credentials are not included.
  const all = !credentialsInclude && exposed.includes('*');
  return names.filter((n) => all || SAFELISTED_RESPONSE_NAMES.includes(n) || exposed.includes(n)).sort();
}
