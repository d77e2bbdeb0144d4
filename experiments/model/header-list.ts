/**
 * Header values that hold comma-separated lists, parsed as the Fetch
 * standard does: commas inside a quoted string do not split, and a list
 * with one element outside its grammar fails as a whole (measured: Chromium
 * 156 then exposes or allows nothing from that header).
 * https://fetch.spec.whatwg.org/#header-value-get-decode-and-split
 * https://fetch.spec.whatwg.org/#extract-header-list-values
 */
import { isToken } from '../../format/headers.ts';

/**
 * https://fetch.spec.whatwg.org/#collect-an-http-quoted-string with
 * extract-value false: the quoted string as written, quotes included.
 * `start` points at the opening `"`; returns the text and the position after it.
 */
export function collectQuotedString(input: string, start: number): { text: string; end: number } {
  let position = start + 1;
  for (;;) {
    while (position < input.length && input[position] !== '"' && input[position] !== '\\') position++;
    if (position >= input.length) break;
    const quoteOrBackslash = input[position];
    position++;
    if (quoteOrBackslash === '\\') {
      if (position >= input.length) break;
      position++;
      continue;
    }
    break;
  }
  return { text: input.slice(start, position), end: position };
}

/** https://fetch.spec.whatwg.org/#header-value-get-decode-and-split: elements trimmed, empty ones kept. */
export function getDecodeSplit(input: string): string[] {
  const values: string[] = [];
  let position = 0;
  let temporary = '';
  for (;;) {
    const start = position;
    while (position < input.length && input[position] !== '"' && input[position] !== ',') position++;
    temporary += input.slice(start, position);
    if (position < input.length && input[position] === '"') {
      const quoted = collectQuotedString(input, position);
      temporary += quoted.text;
      position = quoted.end;
      if (position < input.length) continue;
    }
    values.push(temporary.replace(/^[\t ]+|[\t ]+$/g, ''));
    temporary = '';
    if (position >= input.length) return values;
    position++; // past the ","
  }
}

/**
 * The `#token` lists of the CORS headers (Access-Control-Allow-Methods,
 * -Allow-Headers, -Expose-Headers): null when the header is absent, failure
 * when an element is not a token (a quoted string, `x a`, `x;`), else the
 * non-empty elements (empty list elements are allowed and skipped, RFC 9110 §5.6.1).
 */
export function extractTokenList(value: string | undefined): string[] | null | 'failure' {
  if (value === undefined) return null;
  const elements = getDecodeSplit(value).filter((v) => v !== '');
  return elements.every(isToken) ? elements : 'failure';
}
