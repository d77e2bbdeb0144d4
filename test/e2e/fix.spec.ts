/**
 * The model's fix, observed: every blocked catalog experiment with its fix
 * applied to the plan runs in real Chromium, in one batch, and every step is
 * allowed. Where the fix says no header can help, the reason must be given.
 * Generic over the catalog: experiments added later are covered.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import { applyFix, fixForAsync } from '../../experiments/model/fix.ts';
import { predictExperimentAsync } from '../../experiments/model/predict.ts';
import { resolveRequest, type Experiment, type RequestOverrides } from '../../format/schema.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

test('every blocked catalog experiment, fixed by the model, is allowed in Chromium', async ({ lab, labBrowser }) => {
  const origins = originMap(lab.origins);
  // Async: a `server.middleware` plan is predicted and fixed against the real middleware.
  const predicted = await Promise.all(catalog.map((e) => predictExperimentAsync(e, origins)));
  const blocked = catalog.filter((_, i) => predicted[i]!.some((p) => p.outcome === 'blocked'));
  const fixed: Experiment[] = [];
  for (const experiment of blocked) {
    const fix = await fixForAsync(experiment, origins);
    if (fix.impossible !== null) {
      expect(fix.impossible, experiment.id).toMatch(/\w{3,}.*\./);
      continue;
    }
    // Every step must now be allowed (a no-cors step stays opaque by design): that is what the fix claims, and what the runner checks.
    const applied = applyFix(experiment, fix.changes);
    const want = (overrides?: RequestOverrides) => ({ outcome: resolveRequest(applied.request, overrides).mode === 'no-cors' ? ('opaque' as const) : ('allowed' as const) });
    fixed.push({ ...applied, id: `fixed-${experiment.id}`, expect: want(), then: applied.then?.map((s) => ({ ...s, expect: want(s.request) })) });
  }
  expect(fixed.length).toBeGreaterThan(20);
  const report = await runExperiments(fixed, lab, labBrowser, { browserKnowsPublic: true });
  for (const [i, result] of report.results.entries()) {
    const experiment = fixed[i]!;
    expect([result, ...result.steps].map((s) => s.observed.outcome), result.id).toEqual([experiment.expect, ...(experiment.then ?? []).map((s) => s.expect)].map((e) => e?.outcome));
    expect(result.mismatches, result.id).toEqual([]);
  }
});
