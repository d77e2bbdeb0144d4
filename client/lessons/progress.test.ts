import { describe, expect, test } from 'vitest';
import { parseProgress, withFixSolved, withPrediction } from './progress.ts';

describe('lesson progress', () => {
  test('round-trips what was recorded', () => {
    const progress = withFixSolved(withPrediction(withPrediction({}, 'the-preflight', 'a', true), 'the-preflight', 'b', false), 'redirects');
    expect(parseProgress(JSON.stringify(progress))).toEqual({
      'the-preflight': { experiments: { a: { right: true }, b: { right: false } }, fixed: false },
      redirects: { experiments: {}, fixed: true },
    });
  });

  test('a later answer replaces an earlier one', () => {
    expect(withPrediction(withPrediction({}, 'l', 'a', false), 'l', 'a', true).l?.experiments).toEqual({ a: { right: true } });
  });

  for (const stored of [null, '', 'not json', '42', '[]', 'null', '"text"', '{"l": 5}', '{"l": []}']) {
    test(`corrupt or missing storage (${JSON.stringify(stored)}) reads as no progress`, () => {
      expect(parseProgress(stored)).toEqual({});
    });
  }

  test('keeps the entries that fit and drops the ones that do not', () => {
    const stored = JSON.stringify({ l: { experiments: { a: { right: true }, b: { right: 'yes' }, c: null }, fixed: 'true' }, m: 'x' });
    expect(parseProgress(stored)).toEqual({ l: { experiments: { a: { right: true } }, fixed: false } });
  });
});
