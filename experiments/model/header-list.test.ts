/**
 * Header-list parsing against the Fetch standard's own examples
 * (https://fetch.spec.whatwg.org/#header-value-get-decode-and-split) and the
 * Access-Control-Expose-Headers cases measured in Chromium (the expose
 * group of the catalog and test/probes/wpt-cases.ts).
 */
import { describe, expect, it } from 'vitest';
import { collectQuotedString, extractTokenList, getDecodeSplit } from './header-list.ts';

describe('get, decode, and split (https://fetch.spec.whatwg.org/#header-value-get-decode-and-split)', () => {
  it.each([
    ['nosniff,', ['nosniff', '']],
    ['', ['']],
    ['text/html;", x/x', ['text/html;", x/x']],
    ['text/html;"', ['text/html;"']],
    ['x/x;test="hi",y/y', ['x/x;test="hi"', 'y/y']],
    ['x/x;test="hi"', ['x/x;test="hi"']],
    ['x/x;test=",y/y', ['x/x;test=",y/y']],
    ['x/x;test="\\",y/y"', ['x/x;test="\\",y/y"']],
    ['"a""b"', ['"a""b"']],
    ['  a ,\tb\t', ['a', 'b']],
  ])('%j -> %j', (input, values) => expect(getDecodeSplit(input)).toEqual(values));
});

describe('collect an HTTP quoted string, extract-value false', () => {
  it('keeps the quotes and stops after the closing one', () => expect(collectQuotedString('"a,b" rest', 0)).toEqual({ text: '"a,b"', end: 5 }));
  it('a backslash escapes the next code point', () => expect(collectQuotedString('"a\\"b"', 0)).toEqual({ text: '"a\\"b"', end: 6 }));
  it('an unterminated string runs to the end', () => expect(collectQuotedString('"abc', 0)).toEqual({ text: '"abc', end: 4 }));
  it('a trailing backslash is kept', () => expect(collectQuotedString('"a\\', 0)).toEqual({ text: '"a\\', end: 3 }));
});

describe('extracting a #token list (Access-Control-Expose-Headers, -Allow-Methods, -Allow-Headers)', () => {
  it.each([
    [undefined, null],
    ['', []],
    ['x-a, x-b', ['x-a', 'x-b']],
    ['x-a,,x-b, ,', ['x-a', 'x-b']],
    ['\tx-a\t,  x-b ', ['x-a', 'x-b']],
    ['*', ['*']],
    ['x-a, x b', 'failure'],
    ['x-a;, x-b', 'failure'],
    ['"x-a", x-b', 'failure'],
    ['"x-a, x-b"', 'failure'],
    ['x-a, "unterminated', 'failure'],
    ['x-a,"x-b"x', 'failure'],
    ['x-\u00e9', 'failure'],
  ] as const)('%j -> %j', (value, result) => expect(extractTokenList(value)).toEqual(result));
});
