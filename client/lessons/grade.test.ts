import { describe, expect, test } from 'vitest';
import type { Prediction } from '../../lessons/schema.ts';
import { NO_ANSWER, grade, isComplete, type StepSeen } from './grade.ts';

const blocked: StepSeen = { outcome: 'blocked', preflight: true, reachedServer: false, cookieSent: false, readableHeaders: [], modelReason: 'MethodDisallowedByPreflightResponse' };
const withReasons: Prediction = { outcomes: ['allowed', 'blocked'], reasons: ['MethodDisallowedByPreflightResponse', 'MissingAllowOriginHeader'], ask: ['reachedServer'] };

describe('predict first', () => {
  test('an answer is complete only when every question asked has one', () => {
    expect(isComplete(withReasons, NO_ANSWER)).toBe(false);
    expect(isComplete(withReasons, { ...NO_ANSWER, outcome: 'blocked', ask: { reachedServer: false } })).toBe(false); // reason missing
    expect(isComplete(withReasons, { ...NO_ANSWER, outcome: 'blocked', reason: 'MissingAllowOriginHeader' })).toBe(false); // question missing
    expect(isComplete(withReasons, { ...NO_ANSWER, outcome: 'blocked', reason: 'MissingAllowOriginHeader', ask: { reachedServer: true } })).toBe(true);
    // Saying allowed asks no reason.
    expect(isComplete(withReasons, { ...NO_ANSWER, outcome: 'allowed', ask: { reachedServer: true } })).toBe(true);
    expect(isComplete({ outcomes: ['allowed', 'blocked'], readable: 'X-Secret' }, { ...NO_ANSWER, outcome: 'allowed' })).toBe(false);
  });

  test('grades outcome, reason and questions against the run', () => {
    const graded = grade(withReasons, { ...NO_ANSWER, outcome: 'blocked', reason: 'MissingAllowOriginHeader', ask: { reachedServer: false } }, blocked);
    expect(graded).toEqual([
      { question: 'outcome', answered: 'blocked', actual: 'blocked', right: true },
      { question: 'reason', answered: 'MissingAllowOriginHeader', actual: 'MethodDisallowedByPreflightResponse', right: false },
      { question: 'reachedServer', answered: false, actual: false, right: true },
    ]);
  });

  test('no reason is graded when the browser allowed the request', () => {
    const graded = grade(withReasons, { ...NO_ANSWER, outcome: 'blocked', reason: 'MissingAllowOriginHeader', ask: { reachedServer: true } }, { ...blocked, outcome: 'allowed', reachedServer: true, modelReason: null });
    expect(graded.map((g) => [g.question, g.right])).toEqual([['outcome', false], ['reachedServer', true]]);
  });

  test('"can the page read it" is answered by the headers the page could read, in any case', () => {
    const p: Prediction = { outcomes: ['allowed', 'blocked'], readable: 'X-Secret' };
    const seen = { ...blocked, outcome: 'allowed' as const, readableHeaders: ['x-secret'] };
    expect(grade(p, { ...NO_ANSWER, outcome: 'allowed', readable: false }, seen).at(-1)).toEqual({ question: 'readable', answered: false, actual: true, right: false });
  });
});
