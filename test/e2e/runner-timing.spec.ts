/**
 * Timed experiments measure their delay (experiments/model/step-clock.ts): the runner asks the model
 * again on the clock it measured, and a run whose timing changed what the experiment means is run
 * again, then reported, never judged.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import { predictExperimentAsync } from '../../experiments/model/predict.ts';
import { runExperiments, type Predictor } from '../../runner/run-experiments.ts';
import { expect, test } from './lab-fixture.ts';

const byId = (id: string) => catalog.find((e) => e.id === id)!;

test('the model is asked on the measured clock: a 1.2 s step is predicted at no less than 1.2 s', async ({ lab, labBrowser }) => {
  const clocks: (readonly number[])[] = [];
  const predict: Predictor = (e, origins, run, clock) => {
    if (clock) clocks.push(clock);
    return predictExperimentAsync(e, origins, run, 'en', clock);
  };
  const report = await runExperiments([byId('cache-max-age-expiry')], lab, labBrowser, { predict });
  expect(report.results[0]?.mismatches).toEqual([]);
  // The soonest and the latest clock the measured spans allow.
  expect(clocks).toHaveLength(2);
  const [soonest, latest] = clocks as [readonly number[], readonly number[]];
  expect(soonest[0]).toBe(0);
  expect(soonest[1]).toBeGreaterThanOrEqual(1200);
  expect(latest[1]).toBeGreaterThan(soonest[1]!);
});

test('a run whose measured timing changes the prediction is run three times, then fails saying why', async ({ lab, labBrowser }) => {
  let planned = 0;
  // On any measured clock, a predictor that sees the steps hours apart: the 600 s entry has expired, unlike on the planned one.
  const predict: Predictor = (e, origins, run, clock) => {
    if (!clock) planned++;
    return predictExperimentAsync(e, origins, run, 'en', clock ? [0, 3_600_000] : undefined);
  };
  const [result] = (await runExperiments([byId('cache-max-age-reuse')], lab, labBrowser, { predict })).results;
  expect(planned).toBe(3);
  expect(result?.pass).toBe(false);
  expect(result?.mismatches.at(-1)).toMatch(
    /^timing: then\[0\] ran \d+-\d+ ms after the first request, not the 0 ms the experiment means, .*: no verdict from this run \(3 attempts on a busy machine\)$/,
  );
});
