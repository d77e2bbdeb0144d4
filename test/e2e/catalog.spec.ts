/**
 * Every catalog experiment, run in real Chromium, checked against its
 * expectation and the model's prediction. Each group runs once, its
 * experiments concurrently (as `cors-lab run` does); each experiment is
 * still its own test with its own verdict.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import type { ExperimentResult } from '../../engines/run-result.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { expect, test } from './lab-fixture.ts';
import { paced } from '../pace/machine-pace.ts';

const groups = [...new Set(catalog.map((e) => e.group))];

for (const group of groups) {
  const experiments = catalog.filter((e) => e.group === group);
  test.describe(group, () => {
    // One worker runs the group's tests in order, so the group runs once (beforeAll) and a failure skips nothing.
    // The whole group runs in the hook: give it the time a busy 2-core machine needs.
    test.describe.configure({ mode: 'default', timeout: paced(90_000) });
    const results = new Map<string, ExperimentResult>();
    test.beforeAll(async ({ lab, labBrowser }) => {
      const report = await runExperiments(experiments, lab, labBrowser, { concurrency: 3, browserKnowsPublic: true });
      for (const result of report.results) results.set(result.id, result);
    });

    for (const experiment of experiments) {
      test(`${group}: ${experiment.id}`, () => {
        const result = results.get(experiment.id);
        expect(result, 'the group run produced a result').toBeDefined();
        if (!result) return;
        const want = experiment.expect ?? {};
        if (want.outcome !== undefined) expect(result.observed.outcome, 'outcome').toBe(want.outcome);
        if (want.reason !== undefined) expect(result.observed.reason, 'Chromium reason').toBe(want.reason);
        if (want.preflight !== undefined) expect(result.observed.preflight, 'preflight').toBe(want.preflight);
        if (want.reachedServer !== undefined) expect(result.observed.reachedServer, 'reachedServer').toBe(want.reachedServer);
        if (result.observed.outcome === 'blocked' && result.observed.reason?.match(/^[A-Z]/)) {
          expect(result.observed.console, 'Chromium printed a console message').toMatch(/^(Access to (fetch|XMLHttpRequest|image|script|CSS stylesheet|resource) at|Fetch API cannot load)/);
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
  });
}
