import { describe, expect, it } from 'vitest';
import { parseHeadersText } from './network-watch.ts';

describe('parseHeadersText', () => {
  it('keeps names as sent, repeated lines, and spaces inside values', () => {
    expect(parseHeadersText('HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin:  *  \r\nvary: Origin\r\nVary: Cookie\r\n\r\n')).toEqual([
      ['Access-Control-Allow-Origin', ' *  '],
      ['vary', 'Origin'],
      ['Vary', 'Cookie'],
    ]);
  });
});
