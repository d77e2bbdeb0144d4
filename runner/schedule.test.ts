import { describe, expect, it } from 'vitest';
import { catalog } from '../experiments/catalog/index.ts';
import { browserOf, pageOf } from '../experiments/schema.ts';
import { Schedule, type Scheduled } from './schedule.ts';

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

/** Key changes a worker makes: each one is a navigation of its page. */
const moves = (ran: Scheduled[]): number => ran.filter((item, i) => i === 0 || item.key !== ran[i - 1]?.key).length;

describe('Schedule', () => {
  it('hands out every experiment exactly once, keeping input order within a key', () => {
    const items = [0, 1, 2, 3, 4, 5, 6].map((index) => ({ index, key: index % 3 === 0 ? 'a' : 'b' }));
    const ran = drain(new Schedule(items), 3).flat();
    expect(ran.map((r) => r.index).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const alone = drain(new Schedule(items), 1).flat();
    expect(alone.filter((r) => r.key === 'a').map((r) => r.index)).toEqual([0, 3, 6]);
    expect(alone.filter((r) => r.key === 'b').map((r) => r.index)).toEqual([1, 2, 4, 5]);
  });

  it('puts workers on different keys first, then joins the largest key left', () => {
    const items = [
      ...Array.from({ length: 10 }, (_, index) => ({ index, key: 'big' })),
      { index: 10, key: 'small' },
      { index: 11, key: 'tiny' },
    ];
    const schedule = new Schedule(items);
    expect([schedule.next(0)?.key, schedule.next(1)?.key, schedule.next(2)?.key]).toEqual(['big', 'small', 'tiny']);
    // small and tiny are done: both workers join the big key rather than idling.
    expect([schedule.next(1)?.key, schedule.next(2)?.key]).toEqual(['big', 'big']);
  });

  it('navigates each slot about once per key over the whole catalog (round robin would navigate at every key boundary of every slot)', () => {
    const items = catalog.map((e, index) => ({ index, key: `${browserOf(e).localNetworkAccess} ${pageOf(e)}` }));
    const keys = new Set(items.map((i) => i.key)).size;
    const workers = 3;
    const ran = drain(new Schedule(items), workers);
    const navigations = ran.reduce((sum, r) => sum + moves(r), 0);
    // Every key once, plus at most one join of a larger key per worker after its own ran out.
    expect(navigations).toBeLessThanOrEqual(keys + workers);
    expect(ran.flat()).toHaveLength(catalog.length);
  });

  it('returns null once nothing is left, for every worker', () => {
    const schedule = new Schedule([{ index: 0, key: 'a' }]);
    expect(schedule.next(0)).toEqual({ index: 0, key: 'a' });
    expect(schedule.next(0)).toBeNull();
    expect(schedule.next(1)).toBeNull();
    expect(schedule.size).toBe(0);
  });
});
