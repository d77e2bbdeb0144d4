/** The strict parser of the raw-packet path, on bytes (no socket). */
import { METHODS } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseRawRequest, requestStart, type RawLimits } from './raw-request.ts';

const LIMITS: RawLimits = { maxHeaderBytes: 16 * 1024, maxHeaders: 2000, maxBodyBytes: 1024 };
const parse = (text: string, limits = LIMITS) => parseRawRequest(Buffer.from(text, 'latin1'), limits);
const req = (...lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;

describe('parseRawRequest', () => {
  it('reads method, origin-form target and headers (lower-case names, repeats joined, OWS trimmed)', () => {
    const parsed = parse(req('CHICKEN /a?b=1 HTTP/1.1', 'Host: h', 'X-A:  1 ', 'x-a: 2', 'Origin: http://o'));
    expect(parsed).toMatchObject({ kind: 'request', request: { method: 'CHICKEN', target: '/a?b=1', headers: { host: 'h', 'x-a': '1, 2', origin: 'http://o' } } });
  });

  it('reads an absolute-form target as its path, its authority taking the place of Host (RFC 9112 3.2.2)', () => {
    const parsed = parse(req('CHICKEN http://lab:1/a?b HTTP/1.1', 'Host: other'));
    expect(parsed).toMatchObject({ kind: 'request', request: { target: '/a?b', headers: { host: 'lab:1' } } });
  });

  it('keeps header names such as __proto__ and constructor as plain entries', () => {
    const parsed = parse(req('CHICKEN / HTTP/1.1', 'Host: h', '__proto__: p', 'constructor: c', 'toString: t'));
    if (parsed.kind !== 'request') throw new Error(parsed.kind);
    expect(Object.entries(parsed.request.headers)).toEqual([['host', 'h'], ['__proto__', 'p'], ['constructor', 'c'], ['tostring', 't']]);
  });

  it('waits for the rest of a split request, the body included', () => {
    expect(parse('CHICKEN / HTTP/1.1\r\nHo')).toEqual({ kind: 'incomplete' });
    expect(parse(req('CHICKEN / HTTP/1.1', 'Host: h', 'Content-Length: 5') + 'he')).toEqual({ kind: 'incomplete' });
    const head = req('CHICKEN / HTTP/1.1', 'Host: h', 'Content-Length: 5');
    expect(parse(`${head}helloGET`)).toMatchObject({ kind: 'request', length: head.length + 5 });
  });

  for (const [title, text, status] of [
    ['whitespace before the colon', req('CHICKEN / HTTP/1.1', 'Host: h', 'Origin : x'), 400],
    ['obsolete line folding', req('CHICKEN / HTTP/1.1', 'Host: h', 'X-A: 1', ' 2'), 400],
    ['a bare LF', 'CHICKEN / HTTP/1.1\nHost: h\r\n\r\n', 400],
    ['a control byte in a value', req('CHICKEN / HTTP/1.1', 'Host: h', 'X-A: a\x00b'), 400],
    ['DEL in a value', req('CHICKEN / HTTP/1.1', 'Host: h', 'X-A: a\x7fb'), 400],
    ['an absolute-form target of another scheme', req('CHICKEN https://h/ HTTP/1.1', 'Host: h'), 400],
    ['an asterisk-form target', req('CHICKEN * HTTP/1.1', 'Host: h'), 400],
    ['a header line without a colon', req('CHICKEN / HTTP/1.1', 'Host: h', 'X-No-Colon'), 400],
    ['a target with a space', req('CHICKEN /a b HTTP/1.1', 'Host: h'), 400],
    ['HTTP/2.0', req('CHICKEN / HTTP/2.0', 'Host: h'), 400],
    ['two spaces in the request line', req('CHICKEN  / HTTP/1.1', 'Host: h'), 400],
    ['no Host', req('CHICKEN / HTTP/1.1'), 400],
    ['two Host lines', req('CHICKEN / HTTP/1.1', 'Host: h', 'Host: i'), 400],
    ['Transfer-Encoding (smuggling with Content-Length)', req('CHICKEN / HTTP/1.1', 'Host: h', 'Content-Length: 3', 'Transfer-Encoding: chunked'), 400],
    ['two different Content-Length values', req('CHICKEN / HTTP/1.1', 'Host: h', 'Content-Length: 3', 'Content-Length: 4'), 400],
    ['a signed Content-Length', req('CHICKEN / HTTP/1.1', 'Host: h', 'Content-Length: +3'), 400],
    ['a body over the limit', req('CHICKEN / HTTP/1.1', 'Host: h', 'Content-Length: 2048'), 413],
    ['a header block over maxHeaderBytes', req('CHICKEN / HTTP/1.1', 'Host: h', `X-A: ${'a'.repeat(17 * 1024)}`), 431],
    ['more header lines than maxHeaders (2,000)', req('CHICKEN / HTTP/1.1', 'Host: h', ...Array.from({ length: 2000 }, () => 'X:1')), 400],
  ] as const) {
    it(`refuses ${title} with ${status}`, () => {
      expect(parse(text)).toMatchObject({ kind: 'refused', status });
    });
  }

  it('refuses an oversized header block before it is complete (a client cannot make it buffer more)', () => {
    expect(parse(`CHICKEN / HTTP/1.1\r\nX-A: ${'a'.repeat(17 * 1024)}`)).toMatchObject({ kind: 'refused', status: 431 });
  });
});

describe('requestStart', () => {
  const at = (text: string, errorAt: number) => requestStart(Buffer.from(text, 'latin1'), errorAt, METHODS);

  it('finds the request at the packet start, as llhttp failed inside its method', () => {
    expect(at('CHICKEN / HTTP/1.1\r\n', 2)).toBe(0);
    expect(at('patch / HTTP/1.1\r\n', 0)).toBe(0);
  });

  it('finds a request pipelined behind a complete one', () => {
    const first = 'GET / HTTP/1.1\r\nHost: h\r\n\r\n';
    expect(at(`${first}CHICKEN / HTTP/1.1\r\n`, first.length + 2)).toBe(first.length);
  });

  it('refuses to guess when the request follows a body in the same packet', () => {
    expect(at('helloCHICKEN / HTTP/1.1\r\n', 7)).toBeNull();
  });

  it('refuses when the error position does not fit a method prefix from a boundary', () => {
    expect(at('GETX / HTTP/1.1\r\n', 1)).toBeNull();
  });
});
