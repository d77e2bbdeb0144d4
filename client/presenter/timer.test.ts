import { describe, expect, it } from 'vitest';
import { clockText, elapsedMs, paceOf, parseTimer, pauseTimer, resumeTimer, startTimer } from './timer.ts';

describe('the presenter timer', () => {
  it('counts from the start, not while paused', () => {
    let t = startTimer(1_000);
    expect(elapsedMs(t, 61_000)).toBe(60_000);
    t = pauseTimer(t, 61_000);
    expect(elapsedMs(t, 500_000)).toBe(60_000);
    expect(pauseTimer(t, 90_000)).toBe(t);
    t = resumeTimer(t, 121_000);
    expect(elapsedMs(t, 131_000)).toBe(70_000);
    expect(resumeTimer(t, 140_000)).toBe(t);
  });

  it('never shows negative time when the clock went back', () => {
    expect(elapsedMs(startTimer(10_000), 5_000)).toBe(0);
  });

  it('writes m:ss, and h:mm:ss from an hour', () => {
    expect([0, 5_999, 65_000, 600_000, 3_599_999, 3_600_000, 3_725_000].map(clockText)).toEqual(['0:00', '0:05', '1:05', '10:00', '59:59', '1:00:00', '1:02:05']);
  });

  it('says on time, closing in the last fifth of the plan, then over', () => {
    expect(paceOf(15 * 60_000, 20)).toBe('on-time');
    expect(paceOf(16 * 60_000, 20)).toBe('closing');
    expect(paceOf(20 * 60_000, 20)).toBe('closing');
    expect(paceOf(20 * 60_000 + 1, 20)).toBe('over');
  });

  it('reads back a stored timer and refuses anything else', () => {
    const t = pauseTimer(startTimer(5), 9);
    expect(parseTimer(JSON.stringify(t))).toEqual(t);
    for (const bad of [null, '', '{', 'null', '42', '[]', '{"startedAt":"1","pausedAt":null,"pausedMs":0}', '{"startedAt":1,"pausedMs":0}', '{"startedAt":1,"pausedAt":null,"pausedMs":-3}', '{"startedAt":1e999,"pausedAt":null,"pausedMs":0}']) {
      expect(parseTimer(bad), String(bad)).toBeNull();
    }
  });
});
