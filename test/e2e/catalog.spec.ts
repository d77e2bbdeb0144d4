/**
 * Every catalog experiment, run in real Chromium, checked against its
 * expectation and the model's prediction. The catalog runs as `cors-lab run`
 * runs it: whole groups together in one run, experiments concurrently; each
 * experiment is still its own test with its own verdict. Every lesson's claims
 * are held to the same run (test/e2e/lesson-claims.ts), each its own test.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import type { ExperimentResult } from '../../engines/run-result.ts';
import type { Experiment } from '../../format/schema.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { expect, test } from './lab-fixture.ts';
import { expectClaimHeld, lessonClaims } from './lesson-claims.ts';
import { paced } from '../pace/machine-pace.ts';

/**
 * Runs, each of whole groups: a run has a fixed cost (contexts, tabs, the browsers that allow third-party cookies or
 * know the public origin, a group's longest wait with idle slots beside it) of seconds on a busy machine, which a
 * run per group paid 26 times. Two runs keep both Playwright workers busy; groups go to the smaller one, largest first.
 */
const RUNS = 2;
const runs = Array.from({ length: RUNS }, () => ({ groups: [] as string[], experiments: [] as Experiment[] }));
const bySize = [...new Set(catalog.map((e) => e.group))]
  .map((group) => ({ group, experiments: catalog.filter((e) => e.group === group) }))
  .sort((a, b) => b.experiments.length - a.experiments.length || a.group.localeCompare(b.group));
for (const { group, experiments } of bySize) {
  const smallest = runs.reduce((min, run) => (run.experiments.length < min.experiments.length ? run : min));
  smallest.groups.push(group);
  smallest.experiments.push(...experiments);
}
/** Per experiment, generous on a busy 2-core machine (steps that wait, navigate or open popups); scaled by paced(). */
const EXPERIMENT_TIMEOUT_MS = 1_500;

for (const { groups, experiments } of runs) {
  test.describe(`groups ${groups.join(', ')}`, () => {
    // One worker runs these tests in order, so the run happens once (beforeAll) and a failure skips nothing.
    // The whole run is in the hook: give it the time a busy 2-core machine needs.
    test.describe.configure({ mode: 'default', timeout: paced(30_000 + EXPERIMENT_TIMEOUT_MS * experiments.length) });
    const results = new Map<string, ExperimentResult>();
    test.beforeAll(async ({ lab, labBrowser }) => {
      const report = await runExperiments(experiments, lab, labBrowser, { concurrency: 3, browserKnowsPublic: true });
      for (const result of report.results) results.set(result.id, result);
    });

    for (const experiment of experiments) {
      test(`${experiment.group}: ${experiment.id}`, () => {
        const result = results.get(experiment.id);
        expect(result, 'the run produced a result').toBeDefined();
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

    const ran = new Set(experiments.map((e) => e.id));
    for (const { title, claim } of lessonClaims.filter(({ claim }) => ran.has(claim.experiment))) {
      test(`lesson claim ${title}`, () => expectClaimHeld(claim, results.get(claim.experiment)));
    }
  });
}

test('every lesson cites at least one experiment, and each claim is held to one of the runs above', () => {
  const cited = new Set(lessonClaims.map(({ claim }) => claim.experiment));
  expect(cited.size).toBeGreaterThan(20);
  for (const id of cited) expect(catalog.some((e) => e.id === id), id).toBe(true);
  const held = runs.flatMap(({ experiments }) =>
    lessonClaims.filter(({ claim }) => experiments.some((e) => e.id === claim.experiment)));
  expect(held).toHaveLength(lessonClaims.length);
});
