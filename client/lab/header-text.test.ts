import { describe, expect, it } from 'vitest';
import { headersToText, textToHeaders } from './header-text.ts';

describe('header text', () => {
  it('round-trips repeated lines and keeps spaces inside values', () => {
    const headers = { 'Access-Control-Allow-Origin': ['{page}', '  *  '], 'X-A': '1' };
    expect(textToHeaders(headersToText(headers))).toEqual({ headers, problems: [] });
  });
  it('names a line without a colon by its number', () => {
    expect(textToHeaders('X-A: 1\nnonsense').problems).toEqual(['line 2: "nonsense" is not "Name: value"']);
  });
});
