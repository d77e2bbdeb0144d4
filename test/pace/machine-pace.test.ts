import { describe, expect, it } from 'vitest';
import { paceFactor, TIME_FACTOR_ENV } from './machine-pace.ts';

describe('the time factor for test limits', () => {
  it('is 1 on a quiet machine and the load per core on a busy one, at most 8', () => {
    expect(paceFactor({ env: {}, load: 0.5, cores: 2 })).toBe(1);
    expect(paceFactor({ env: {}, load: 6, cores: 2 })).toBe(3);
    expect(paceFactor({ env: {}, load: 40, cores: 2 })).toBe(8);
  });

  it('is at least 2 on CI, whose neighbours do not show in the load', () => {
    expect(paceFactor({ env: { CI: 'true' }, load: 0, cores: 4 })).toBe(2);
    expect(paceFactor({ env: { CI: 'true' }, load: 20, cores: 4 })).toBe(5);
  });

  it('is what the variable says, and a bad value is an error naming it', () => {
    expect(paceFactor({ env: { [TIME_FACTOR_ENV]: '4', CI: 'true' }, load: 30, cores: 2 })).toBe(4);
    for (const bad of ['0.5', 'fast', '-2', 'Infinity']) {
      expect(() => paceFactor({ env: { [TIME_FACTOR_ENV]: bad }, load: 0, cores: 2 })).toThrow(`${TIME_FACTOR_ENV}: expected a number >= 1, got "${bad}"`);
    }
  });
});
