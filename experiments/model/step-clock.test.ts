import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog/index.ts';
import type { Experiment, ExperimentInput } from '../../format/schema.ts';
import { validateExperiments } from '../../format/validate.ts';
import { originMap, originsAtPortBase } from '../../plan/origins.ts';
import { predictExperiment } from './predict.ts';
import { latestClock, plannedClock, soonestClock, timingProblem, type StepSpan } from './step-clock.ts';

const origins = originMap(originsAtPortBase(5310));
const ALLOW = { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Methods': 'PUT' };

/** A PUT preflighted with this Max-Age (none: Chromium's 5 s), then the same request `delayMs` later. */
function repeated(maxAge: string | undefined, delayMs: number): Experiment {
  const headers = { ...ALLOW, ...(maxAge === undefined ? {} : { 'Access-Control-Max-Age': maxAge }) };
  const input: ExperimentInput = {
    id: 'x', title: 'x', group: 'cache', request: { target: 'api', method: 'PUT' },
    server: { preflight: { headers }, actual: { headers: ALLOW } }, then: [{ delayMs }],
  };
  return validateExperiments(input, 'test')[0]!;
}

/** Two steps: the first call from 0 to `firstEnd`, the second from `secondStart` to `secondEnd`. */
const spans = (firstEnd: number, secondStart: number, secondEnd: number): StepSpan[] => [{ start: 0, end: firstEnd }, { start: secondStart, end: secondEnd }];

function problem(experiment: Experiment, measured: StepSpan[]): string | null {
  const predict = (clock?: number[]) => predictExperiment(experiment, origins, 'r', undefined, 'en', clock);
  return timingProblem(experiment, measured, predict(), predict(soonestClock(measured)), predict(latestClock(measured)));
}

describe('the clocks a measured run allows', () => {
  it('the planned clock adds up the delays', () => {
    expect(plannedClock({ then: [{ delayMs: 1200 }, {}, { delayMs: 300 }] })).toEqual([0, 1200, 1200, 1500]);
  });

  it('soonest counts only the gaps between calls, latest whole calls twice over', () => {
    const measured = [{ start: 10, end: 60 }, { start: 1260, end: 1300 }, { start: 1350, end: 1400 }];
    expect(soonestClock(measured)).toEqual([0, 1200, 1250]);
    expect(latestClock(measured)).toEqual([50, 1340, 1480]);
  });

  it('for every pair of steps, soonest is no more and latest no less than the calls allow', () => {
    const measured = [{ start: 0, end: 400 }, { start: 500, end: 900 }, { start: 950, end: 2000 }, { start: 2100, end: 2150 }];
    const low = soonestClock(measured);
    const high = latestClock(measured);
    for (let j = 0; j < measured.length; j++) {
      for (let i = j + 1; i < measured.length; i++) {
        expect(low[i]! - low[j]!).toBeLessThanOrEqual(measured[i]!.start - measured[j]!.end);
        expect(high[i]! - high[j]!).toBeGreaterThanOrEqual(measured[i]!.end - measured[j]!.start);
      }
    }
  });
});

describe('the model on the measured clock', () => {
  it('Max-Age 3 is still cached 1.2 s later, expired when the machine made it 3.5 s', () => {
    const experiment = repeated('3', 1200);
    expect(predictExperiment(experiment, origins)[1]!.preflight).toBe(false);
    expect(predictExperiment(experiment, origins, 'r', undefined, 'en', [0, 3500])[1]!.preflight).toBe(true);
  });

  it('a run on time gives no timing problem', () => {
    expect(problem(repeated('3', 1200), spans(80, 1300, 1400))).toBeNull();
  });

  it('a run whose second step came after Max-Age 3 ran out gives no verdict, and says when it ran', () => {
    expect(problem(repeated('3', 1200), spans(80, 3300, 3400))).toBe(
      'then[0] ran 3220-3480 ms after the first request, not the 1200 ms the experiment means, and that changes what the browser has cached: no verdict from this run',
    );
  });

  it('a run whose calls straddle the expiry gives no verdict either', () => {
    expect(problem(repeated('3', 1200), spans(400, 2700, 3100))).toMatch(/^then\[0\] ran 2300-3500 ms/);
  });

  it('"at once" after the 5 s default: fine at 2 s, no verdict at 6 s', () => {
    expect(problem(repeated(undefined, 0), spans(500, 1500, 2000))).toBeNull();
    expect(problem(repeated(undefined, 0), spans(500, 6000, 6500))).not.toBeNull();
  });

  it('an expiry step stays expired however late it runs', () => {
    expect(problem(repeated('1', 1200), spans(100, 9000, 9500))).toBeNull();
  });

  it('the catalog experiments that wait or repeat hold on a quick run', () => {
    const timed = catalog.filter((e) => e.then?.length);
    expect(timed.length).toBeGreaterThan(10);
    for (const experiment of timed) {
      const clock = plannedClock(experiment);
      const quick = clock.map((now) => ({ start: now + 1, end: now + 20 }));
      expect(problem(experiment, quick), experiment.id).toBeNull();
    }
  });
});
