/**
 * Every claim a lesson makes about browser behaviour, held to real Chromium:
 * each experiment a narrative cites (`{{see id: outcome Reason}}`, see
 * lessons/claims.ts) runs once through the runner, as `cors-lab run` does,
 * and each claim is checked against what Chromium did: the outcome, and the
 * reason Chromium reported over the DevTools Protocol, at the step the claim
 * names, whether the server saw the cookie where it says, and what the page
 * observed of an element or of itself where the claim names it (`canvasTainted=true`). The claims are the
 * same in every language (the loader checks), so the English ones are run.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import type { ClaimedObservation } from '../../lessons/claims.ts';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import type { ExperimentResult } from '../../engines/run-result.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { expect, test } from './lab-fixture.ts';

const lessons = loadLessonsFromDisk();
const claims = lessons.en.flatMap((lesson) => lesson.claims.map((claim) => ({ lesson, claim })));
const cited = [...new Set(claims.map(({ claim }) => claim.experiment))];

test.describe('lesson claims in Chromium', () => {
  // One worker runs them in order, so the cited experiments run once (beforeAll); the hook gets a busy machine's time.
  test.describe.configure({ mode: 'default', timeout: 120_000 });
  const results = new Map<string, ExperimentResult>();
  test.beforeAll(async ({ lab, labBrowser }) => {
    const experiments = cited.map((id) => catalog.find((e) => e.id === id)).filter((e) => e !== undefined);
    const report = await runExperiments(experiments, lab, labBrowser, { concurrency: 3, browserKnowsPublic: true });
    for (const result of report.results) results.set(result.id, result);
  });

  test('every lesson cites at least one experiment, and every cited one exists', () => {
    expect(cited.length).toBeGreaterThan(20);
    for (const id of cited) expect(catalog.some((e) => e.id === id), id).toBe(true);
  });

  for (const { lesson, claim } of claims) {
    const cookie = claim.cookieSent === null ? '' : claim.cookieSent ? ', cookie sent' : ', no cookie';
    const observations = Object.entries(claim.observations ?? {}) as Array<[ClaimedObservation, boolean]>;
    const seen = observations.map(([name, value]) => `, ${name} ${String(value)}`).join('');
    const said = `${claim.outcome}${claim.reason ? ` ${claim.reason}` : ''}${cookie}${seen}`;
    const step = claim.step === 0 ? '' : ` then ${claim.step}`;
    test(`${lesson.file}:${lesson.narrativeLine + claim.line}: ${claim.experiment}${step} is ${said}`, () => {
      const result = results.get(claim.experiment);
      expect(result, 'the run produced a result').toBeDefined();
      const observed = claim.step === 0 ? result?.observed : result?.steps[claim.step - 1]?.observed;
      expect(observed, `step ${claim.step} ran`).toBeDefined();
      expect(observed?.outcome, 'Chromium outcome').toBe(claim.outcome);
      if (claim.reason !== null) expect(observed?.reason, 'Chromium reason').toBe(claim.reason);
      if (claim.cookieSent !== null) expect(observed?.cookieSent, 'the server saw the cookie').toBe(claim.cookieSent);
      for (const [name, value] of observations) expect(observed?.[name], `the page observed ${name}`).toBe(value);
    });
  }
});
