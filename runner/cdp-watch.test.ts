import { describe, expect, it } from 'vitest';
import { answeredBy, parseHeadersText } from './cdp-watch.ts';

describe('parseHeadersText', () => {
  it('keeps names as sent, repeated lines, and spaces inside values', () => {
    const text = 'HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin:  *  \r\nvary: Origin\r\nVary: Cookie\r\n\r\n';
    expect(parseHeadersText(text)).toEqual([
      ['Access-Control-Allow-Origin', ' *  '],
      ['vary', 'Origin'],
      ['Vary', 'Cookie'],
    ]);
  });
});

describe('answeredBy: the answers a verdict proves came, which the wire view waits for', () => {
  it('an allowed request had its actual answer', () => {
    expect(answeredBy('allowed', null)).toEqual({ preflight: false, actual: true });
  });
  it("a failed check of the actual response's headers had that answer, not a preflight's", () => {
    expect(answeredBy('blocked', 'MissingAllowOriginHeader')).toEqual({ preflight: false, actual: true });
  });
  it("a failed check of the preflight's answer had that answer and no actual one", () => {
    expect(answeredBy('blocked', 'PreflightMissingAllowOriginHeader')).toEqual({ preflight: true, actual: false });
  });
  it('a network error proves no answer', () => {
    expect(answeredBy('blocked', 'net::ERR_CONNECTION_REFUSED')).toEqual({ preflight: false, actual: false });
  });
});
