/** The expectation an engine other than Chromium is held to (format 1.2 `expect.engines`). */
import { describe, expect, it } from 'vitest';
import type { Expectation } from '../experiments/schema.ts';
import { expectationFor } from './run-in-engine.ts';

const main: Expectation = {
  outcome: 'allowed', reason: null, status: 302, responseType: 'cors', preflight: false,
  engines: { firefox: { outcome: 'blocked', reason: 'CORSDidNotSucceed', status: null } },
};

describe('expectationFor', () => {
  it('leaves Chromium\'s expectation as written', () => {
    expect(expectationFor('chromium', main)).toBe(main);
  });

  it('puts the engine\'s own fields over the main ones and drops Chromium\'s reason', () => {
    expect(expectationFor('firefox', main)).toEqual({
      outcome: 'blocked', reason: 'CORSDidNotSucceed', status: null, responseType: 'cors', preflight: false,
    });
    expect(expectationFor('webkit', main)).toEqual({ outcome: 'allowed', status: 302, responseType: 'cors', preflight: false });
  });

  it('leaves out the main fields where the engine\'s model deviates from Chromium\'s, never the engine\'s own', () => {
    const deviating = new Set(['outcome', 'status', 'responseType']);
    expect(expectationFor('webkit', main, deviating)).toEqual({ preflight: false });
    expect(expectationFor('firefox', main, deviating)).toEqual({
      outcome: 'blocked', reason: 'CORSDidNotSucceed', status: null, preflight: false,
    });
  });

  it('has nothing to hold when the experiment expects nothing', () => {
    expect(expectationFor('firefox', undefined)).toBeUndefined();
  });
});
