/**
 * A run in the learner's Firefox is judged by Firefox's model: the row and the export pass where Firefox does
 * what its model predicts, even where Chromium's model (and the main `expect`) say otherwise; the same browser
 * steps judged by Chromium fail. The real browsers: test/e2e/playground-engine-judge.spec.ts (Chromium) and
 * test/e2e/playground-engine-firefox.spec.ts (Firefox).
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { experimentUrl, predictExperimentAsync } from '../../experiments/model/predict.ts';
import type { StepPrediction } from '../../experiments/model/prediction.ts';
import type { Experiment } from '../../format/schema.ts';
import type { Observation } from '../../engines/run-result.ts';
import { originMap, originsAtPortBase } from '../../plan/origins.ts';
import { elsewhereOnly, judgeFor } from './engine-judge.ts';
import { experimentResult } from './run-report.ts';
import type { BrowserRun, BrowserStep } from './run-in-browser.ts';
import type { LearnerEngine } from './learner-engine.ts';

const origins = originsAtPortBase(5310);
const map = originMap(origins);
const byId = (id: string): Experiment => catalog.find((e) => e.id === id)!;
/** Chromium answers the 302 itself; Firefox follows the empty Location to the redirect limit (DEVIATIONS.md). */
const EMPTY_LOCATION = byId('redirect-empty-location');

/** What a page in a browser that does exactly what `p` predicts observes (a page learns no reason or line). */
function observedAs(p: StepPrediction): Observation {
  const readableHeaders = Object.fromEntries(p.readableHeaders.map((name) => [name, '']));
  return { ...p, reason: null, failedParameter: null, readableHeaders, console: null, serverSaw: [] };
}

/** The run as the playground keeps it, its steps seen as `seen` predicts, judged by `learner`'s engine's model. */
async function runIn(
  learner: LearnerEngine,
  experiment: Experiment,
  seen: 'chromium' | 'firefox',
): Promise<BrowserRun> {
  const run = 'r-judge';
  const url = experimentUrl(experiment, map, run);
  const judge = await judgeFor(learner, { experiment, origins: map, run, url }, 'en');
  const [chromium, judged, firefox] = await Promise.all([
    predictExperimentAsync(experiment, map, run, 'en'),
    judge.predict(),
    (await judgeFor('firefox', { experiment, origins: map, run, url }, 'en')).predict(),
  ]);
  const browser = seen === 'firefox' ? firefox : chromium;
  const steps = chromium.map((predicted, i): BrowserStep => ({
    title: 'request', method: 'GET', predicted, judged: judged[i]!, observed: observedAs(browser[i]!),
    disagreements: [], caveat: null,
  } as Partial<BrowserStep> as BrowserStep));
  return { id: experiment.id, run, experiment, startedAt: '', seconds: 0, url, engine: judge.engine, steps };
}

describe('the engine whose model judges a run in the learner\'s browser', () => {
  it('is the learner\'s engine, or Chromium when the page cannot tell', async () => {
    const of = { experiment: EMPTY_LOCATION, origins: map, run: 'r', url: '' };
    expect((await judgeFor('firefox', of, 'en')).engine).toBe('firefox');
    expect((await judgeFor('webkit', of, 'en')).engine).toBe('webkit');
    expect((await judgeFor('chromium', of, 'en')).engine).toBe('chromium');
    expect((await judgeFor('unknown', of, 'en')).engine).toBe('chromium');
  });

  it('passes Firefox doing what its model predicts, where Chromium\'s model and the main expect differ', async () => {
    const run = await runIn('firefox', EMPTY_LOCATION, 'firefox');
    const [step] = run.steps;
    expect(step?.judged).toMatchObject({ outcome: 'blocked', reason: 'CORSDidNotSucceed' });
    expect(step?.predicted).toMatchObject({ outcome: 'allowed', reason: null });
    const result = experimentResult(run, origins);
    expect(result.mismatches).toEqual([]);
    expect(result.pass).toBe(true);
    // The export carries the judging model's prediction.
    expect(result.predicted).toMatchObject({ outcome: 'blocked', reason: 'CORSDidNotSucceed' });
  });

  it('fails the same Firefox steps judged by Chromium\'s model: the false fail Firefox learners saw', async () => {
    const run = await runIn('chromium', EMPTY_LOCATION, 'firefox');
    const result = experimentResult(run, origins);
    expect(result.pass).toBe(false);
    expect(result.mismatches).toContain('observed.outcome: expected allowed, got blocked');
  });

  it('fails Firefox doing what Chromium does there: Firefox\'s model is no blank cheque', async () => {
    const result = experimentResult(await runIn('firefox', EMPTY_LOCATION, 'chromium'), origins);
    expect(result.pass).toBe(false);
    expect(result.mismatches).toContain('observed.outcome: expected blocked, got allowed');
  });

  it('says an experiment for other engines does not run in the learner\'s; runs all where it cannot tell', () => {
    const lna = catalog.find((e) => e.group === 'local-network-access' && e.engines?.join() === 'chromium')!;
    expect(elsewhereOnly(lna, 'firefox')).toBe(
      'This experiment applies to Chromium only: what Firefox does here is not modelled, so no verdict.',
    );
    expect(elsewhereOnly(lna, 'chromium')).toBeNull();
    expect(elsewhereOnly(lna, 'unknown')).toBeNull();
    expect(elsewhereOnly(EMPTY_LOCATION, 'webkit')).toBeNull();
  });
});
