import { describe, expect, it } from 'vitest';
import { delay } from './delay.ts';

describe('delay', () => {
  it('never ends before the time asked for, on performance.now()', async () => {
    for (const ms of [1, 7, 20, 33]) {
      const start = performance.now();
      await delay(ms);
      expect(performance.now() - start).toBeGreaterThanOrEqual(ms);
    }
  });

  it('ends at once for no delay', async () => {
    const start = performance.now();
    await delay(0);
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});
