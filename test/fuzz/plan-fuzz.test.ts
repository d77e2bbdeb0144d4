/** A short deterministic fuzz over every origin, part of `npm test` (`npm run stress` runs 10,000). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../servers/lab.ts';
import { fuzzCases, runFuzz } from './plan-fuzzer.ts';

describe('plan fuzzing', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab({ clientDir: null });
  });
  afterAll(() => lab.close());

  it('answers 2,000 fuzzed requests: no hang, no unasked 5xx, every refused plan a 400 JSON naming the field', async () => {
    const cases = fuzzCases(7, 2000);
    // The http origins: the fuzzer speaks plain HTTP/1.1 (the `secure` origin's TLS and HTTP/2 parsing are Node's).
    const figures = await runFuzz(cases, lab.bound.filter((b) => b.name !== 'secure').map((b) => b.port));
    expect(figures.failures.slice(0, 5)).toEqual([]);
    expect(figures.requests).toBe(2000);
    // The fuzzer reaches both answers and refusals.
    expect(figures.byStatus[400]).toBeGreaterThan(200);
    expect(Object.keys(figures.byStatus).filter((s) => Number(s) < 400).length).toBeGreaterThan(1);
  }, 60_000);
});
