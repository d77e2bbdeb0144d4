/** Every catalog experiment, run in real Chromium, checked against its expectation. */
import { catalog } from '../../experiments/catalog/index.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { expect, test } from './lab-fixture.ts';

for (const experiment of catalog) {
  test(`${experiment.group}: ${experiment.id}`, async ({ lab, labBrowser }) => {
    const report = await runExperiments([experiment], lab, labBrowser, { concurrency: 1, browserKnowsPublic: true });
    const result = report.results[0]!;
    const want = experiment.expect ?? {};
    if (want.outcome !== undefined) expect(result.observed.outcome, 'outcome').toBe(want.outcome);
    if (want.reason !== undefined) expect(result.observed.reason, 'Chromium reason').toBe(want.reason);
    if (want.preflight !== undefined) expect(result.observed.preflight, 'preflight').toBe(want.preflight);
    if (want.reachedServer !== undefined) expect(result.observed.reachedServer, 'reachedServer').toBe(want.reachedServer);
    if (result.observed.outcome === 'blocked' && result.observed.reason?.match(/^[A-Z]/)) {
      expect(result.observed.console, 'Chromium printed a console message').toMatch(/^(Access to (fetch|XMLHttpRequest) at|Fetch API cannot load)/);
    }
    for (const step of [result, ...result.steps]) {
      expect(step.predicted.outcome, 'predicted outcome').toBe(step.observed.outcome);
      expect(step.predicted.reason, 'predicted reason').toBe(step.observed.reason);
      expect(step.explanation?.console ?? null, 'predicted console line').toBe(step.observed.console);
    }
    expect(result.mismatches).toEqual([]);
    expect(result.steps).toHaveLength(experiment.then?.length ?? 0);
  });
}
