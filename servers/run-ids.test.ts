/** Run ids the lab issued, told apart from made-up ones. */
import { describe, expect, it } from 'vitest';
import { parsePlannedPath, plannedPath } from '../plan/plan-url.ts';
import { RunIds } from './run-ids.ts';

const FETCH = { method: 'GET', target: '/', headers: { 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' } };

describe('RunIds', () => {
  it('issues unique ids that a planned URL carries and the same lab recognises', () => {
    const ids = new RunIds();
    const issued = Array.from({ length: 100 }, () => ids.issue());
    expect(new Set(issued).size).toBe(100);
    for (const run of issued) {
      expect(parsePlannedPath(plannedPath(run, 0, 'e30', '/'))?.run).toBe(run);
      expect(ids.issued(run)).toBe(true);
      expect(ids.notRunFetch(run, FETCH)).toBeNull();
    }
  });

  it('refuses ids it did not issue: made up, copied in shape, another lab\'s, altered', () => {
    const ids = new RunIds();
    const run = ids.issue();
    const flipped = `${run.slice(0, -1)}${run.endsWith('0') ? '1' : '0'}`;
    for (const made of ['r1', 'predicted', `${'0'.repeat(32)}-${'0'.repeat(24)}`, new RunIds().issue(), flipped, `${run}0`, run.toUpperCase()]) {
      expect(ids.issued(made)).toBe(false);
      expect(ids.notRunFetch(made, FETCH)).toMatch(/was not issued by this lab/);
    }
  });

  it('refuses a navigation even with an issued id', () => {
    const ids = new RunIds();
    expect(ids.notRunFetch(ids.issue(), { ...FETCH, headers: { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' } })).toMatch(/navigate/);
  });
});
