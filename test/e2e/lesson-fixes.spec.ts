/**
 * Each lesson's fix-it solution, applied to its experiment and run in real
 * Chromium: every step is allowed, and the headers the lesson promises are
 * readable. (The unfixed experiment is blocked: catalog.spec.ts checks it.)
 */
import { usesSecureOrigin } from '../../client/lab/secure-trust.ts';
import { catalog } from '../../experiments/catalog/index.ts';
import { applySolution } from '../../lessons/catalog-check.ts';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { expect, test } from './lab-fixture.ts';

for (const lesson of loadLessonsFromDisk().en) {
  const title = `lesson ${lesson.order} ${lesson.id}: the fix-it solution works in Chromium`;
  test(title, async ({ lab, browser, labBrowser }) => {
    const experiment = catalog.find((e) => e.id === lesson.fixIt.experiment);
    expect(experiment, `${lesson.fixIt.experiment} is in the catalog`).toBeDefined();
    if (!experiment) return;
    // The https origin needs the lab's Chromium, which trusts its certificate's key hash as `cors-lab run` does.
    const chromium = usesSecureOrigin(experiment) ? labBrowser : browser;
    const fixed = applySolution(experiment, lesson.fixIt.solution);
    const report = await runExperiments([fixed], lab, chromium, { concurrency: 1 });
    const result = report.results[0]!;
    for (const step of [result, ...result.steps]) {
      expect(step.observed.outcome, `${step.observed.reason ?? ''}`).toBe('allowed');
      for (const header of lesson.fixIt.readable ?? []) expect(Object.keys(step.observed.readableHeaders)).toContain(header);
    }
  });
}
