/**
 * What Chromium's run holds the model to (runner/compare.ts): beside outcome, reason, preflight and reachedServer,
 * what the servers saw and the page got; not the console line, whose words depend on the user's Chromium build.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import { predictExperimentAsync } from '../../experiments/model/predict.ts';
import { originMap } from '../../plan/origins.ts';
import { runExperiments, type Predictor } from '../../runner/run-experiments.ts';
import { expect, test } from './lab-fixture.ts';

const experiment = catalog.find((e) => e.id === 'simple-get-no-acao')!;

test("a wrong originSeen fails Chromium's run, which keeps Chromium's own console line for the reader", async ({ lab, labBrowser }) => {
  const wrongOrigin: Predictor = async (e, origins, run, clock) =>
    (await predictExperimentAsync(e, origins, run, 'en', clock)).map((step) => ({ ...step, originSeen: 'http://wrong.example' }));
  const [wrong] = (await runExperiments([experiment], lab, labBrowser, { predict: wrongOrigin })).results;
  expect(wrong?.pass).toBe(false);
  expect(wrong?.mismatches).toEqual([`predicted.originSeen: predicted http://wrong.example, observed ${originMap(lab.origins).app}`]);
  // With the model's own prediction the run passes, Chromium's line in `observed`.
  const [right] = (await runExperiments([experiment], lab, labBrowser)).results;
  expect(right?.mismatches).toEqual([]);
  expect(right?.observed.console).toMatch(/^Access to fetch at .* has been blocked by CORS policy/);
});
