import { describe, expect, it } from 'vitest';
import { catalog } from '../experiments/catalog/index.ts';
import { pageOf } from '../format/schema.ts';
import { JOIN_MIN, Schedule, type Scheduled } from './schedule.ts';

/** Drains the schedule with `workers` taking turns; returns what each worker ran, in order. */
function drain(schedule: Schedule, workers: number): Scheduled[][] {
  const ran: Scheduled[][] = Array.from({ length: workers }, () => []);
  for (let busy = true; busy; ) {
    busy = false;
    for (let w = 0; w < workers; w++) {
      const item = schedule.next(w);
      if (item) (ran[w] as Scheduled[]).push(item), (busy = true);
    }
  }
  return ran;
}

/** The tabs a worker opened: one per page origin it ran on. */
const tabs = (ran: Scheduled[]): number => new Set(ran.flatMap((item) => item.pages)).size;

const on = (page: string, n: number, from = 0): Scheduled[] => Array.from({ length: n }, (_, i) => ({ index: from + i, pages: [page] }));

describe('Schedule', () => {
  it('hands out every experiment exactly once, keeping input order within a key', () => {
    const items = [0, 1, 2, 3, 4, 5, 6].map((index) => ({ index, pages: index % 3 === 0 ? ['a'] : ['b', 'b'] }));
    const ran = drain(new Schedule(items), 3).flat();
    expect(ran.map((r) => r.index).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const alone = drain(new Schedule(items), 1).flat();
    expect(alone.filter((r) => r.pages[0] === 'a').map((r) => r.index)).toEqual([0, 3, 6]);
    expect(alone.filter((r) => r.pages[0] === 'b').map((r) => r.index)).toEqual([1, 2, 4, 5]);
  });

  it('keys experiments by the set of pages they use, in any order', () => {
    const schedule = new Schedule([
      { index: 0, pages: ['app', 'api2'] },
      { index: 1, pages: ['x', 'y', 'z'] },
      { index: 2, pages: ['api2', 'app', 'app'] },
    ]);
    expect([schedule.next(0)?.index, schedule.next(0)?.index]).toEqual([0, 2]);
  });

  it('puts workers on different keys first, then joins the largest key left', () => {
    const schedule = new Schedule([...on('big', 20), ...on('small', 1, 20), ...on('tiny', 1, 21)]);
    expect([schedule.next(0)?.pages, schedule.next(1)?.pages, schedule.next(2)?.pages]).toEqual([['big'], ['small'], ['tiny']]);
    // small and tiny are done: both workers join the big key rather than idling.
    expect([schedule.next(1)?.pages, schedule.next(2)?.pages]).toEqual([['big'], ['big']]);
  });

  it('takes a key whose pages the worker already has open before one that needs a new tab', () => {
    const both = (index: number): Scheduled => ({ index, pages: ['app', 'other'] });
    const schedule = new Schedule([...on('app', 2), ...on('other2', 2, 2), { index: 4, pages: ['other'] }, both(5), both(6)]);
    expect(schedule.next(0)?.pages).toEqual(['app']);
    expect(schedule.next(1)?.pages).toEqual(['other2']);
    expect(schedule.next(0)?.pages).toEqual(['app']);
    // Worker 0 has an app tab: app+other needs one new tab, as `other` does; the key with more left goes first...
    expect([schedule.next(0)?.index, schedule.next(0)?.index]).toEqual([5, 6]);
    // ...and then `other` needs none.
    expect(schedule.next(0)?.pages).toEqual(['other']);
    expect(schedule.next(0)).toBeNull();
  });

  it(`joins a key another worker is on only when at least ${JOIN_MIN} are left there: a tab costs more than a few runs`, () => {
    const few = new Schedule(on('a', JOIN_MIN - 1));
    expect(few.next(0)).not.toBeNull();
    expect(few.next(1)).toBeNull();
    expect(drain(few, 1).flat()).toHaveLength(JOIN_MIN - 2);
    const many = new Schedule(on('a', JOIN_MIN + 1));
    expect(many.next(0)).not.toBeNull();
    expect(many.next(1)).not.toBeNull();
  });

  // The exploits group's two-page experiments (victim on app, attacker on evil) cost one tab more than the bound before.
  it('opens a tab for each page origin of the catalog in about one slot, plus about one per slot for the origin most experiments use', () => {
    const items = catalog.map((e, index) => ({ index, pages: [pageOf(e), ...(e.then ?? []).map((s) => s.page ?? pageOf(e))] }));
    const origins = new Set(items.flatMap((i) => i.pages)).size;
    const workers = 3;
    const ran = drain(new Schedule(items), workers);
    expect(ran.reduce((sum, r) => sum + tabs(r), 0)).toBeLessThanOrEqual(origins + workers);
    expect(ran.flat()).toHaveLength(catalog.length);
  });

  it('returns null once nothing is left, for every worker', () => {
    const schedule = new Schedule([{ index: 0, pages: ['a'] }]);
    expect(schedule.next(0)).toEqual({ index: 0, pages: ['a'] });
    expect(schedule.next(0)).toBeNull();
    expect(schedule.next(1)).toBeNull();
    expect(schedule.size).toBe(0);
  });
});
