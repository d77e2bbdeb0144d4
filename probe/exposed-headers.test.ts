import { describe, expect, it } from 'vitest';
import { exposeFix, exposureOf } from './exposed-headers.ts';

describe('exposureOf', () => {
  it('names the hidden headers as sent, leaving out Set-Cookie, connection, CORS headers, Date and Vary', () => {
    const sent: Array<[string, string]> = [
      ['Access-Control-Allow-Origin', 'http://localhost:3000'],
      ['Access-Control-Expose-Headers', 'X-Page'],
      ['X-Page', '2'],
      ['X-Total-Count', '40'],
      ['x-total-count', '41'],
      ['Set-Cookie', 'a=1'],
      ['Connection', 'keep-alive'],
      ['Date', 'Sun, 06 Dec 2026 22:19:22 GMT'],
      ['Vary', 'Origin'],
      ['Content-Type', 'text/plain'],
    ];
    expect(exposureOf(sent, ['x-page', 'content-type'], false)).toEqual({
      readable: ['content-type', 'x-page'],
      hidden: ['X-Total-Count'],
      fix: 'actual answer: Access-Control-Expose-Headers: X-Page, X-Total-Count',
    });
  });

  it('nothing hidden: no fix', () => {
    expect(exposureOf([['X-A', '1']], ['x-a'], false)).toEqual({ readable: ['x-a'], hidden: [], fix: null });
  });
});

describe('exposeFix', () => {
  it('merges with what the server exposes, one line, no name twice', () => {
    expect(exposeFix([['access-control-expose-headers', 'x-a, X-B'], ['Access-Control-Expose-Headers', 'x-c']], ['X-A', 'X-D'], false)).toBe(
      'actual answer: Access-Control-Expose-Headers: x-a, X-B, x-c, X-D',
    );
  });

  it('drops a * with credentials (it is a literal name there) and names the header', () => {
    expect(exposeFix([['Access-Control-Expose-Headers', '*']], ['X-Total-Count'], true)).toBe(
      'actual answer: Access-Control-Expose-Headers: X-Total-Count',
    );
    expect(exposeFix([['Access-Control-Expose-Headers', '*']], ['X-Total-Count'], false)).toBe(
      'actual answer: Access-Control-Expose-Headers: *, X-Total-Count',
    );
  });
});
