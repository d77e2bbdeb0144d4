/**
 * An `expect` that no longer says what the model predicts. An edit may turn
 * a blocked experiment into an allowed one while its `expect` still says
 * blocked: the page, the exported log and `cors-lab run` all judge a run by
 * `expect` (runner/compare.ts), so each would report a failure the learner
 * did not mean to test for. The editor does not rewrite `expect` behind the
 * learner's back (an expectation that follows the prediction can never catch
 * the model out); it names the difference and offers to update it, here.
 */
import type { StepPrediction } from '../../experiments/model/prediction.ts';
import type { Problem } from '../../format/problems/index.ts';
import { pageOf } from '../../format/format-defaults.ts';
import type { Expectation, Experiment, Step } from '../../format/schema.ts';
import { expectationDifferences } from '../../runner/compare.ts';
import type { Observation } from '../../engines/run-result.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { portFreeExperiment } from '../share/port-free.ts';
import { stepPages } from './run-report.ts';

/** The prediction as the observation it foretells, so `expect` is compared with it as with a run. */
function asObservation(p: StepPrediction): Observation {
  const readableHeaders = Object.fromEntries(p.readableHeaders.map((name) => [name, '']));
  return { ...p, readableHeaders, console: null, serverSaw: [] };
}

/** The expectation of each step: the experiment's, then each `then` step's. */
function expectations(experiment: Experiment): Array<Expectation | undefined> {
  return [experiment.expect, ...(experiment.then ?? []).map((s) => s.expect)];
}

/** Where each step's `expect` and the model's prediction differ (empty lists when they agree). */
export function staleExpectations(
  experiment: Experiment,
  predictions: readonly StepPrediction[],
  origins: OriginMap,
): Problem[][] {
  const pages = stepPages(experiment);
  return expectations(experiment).map((expect, i) => {
    const predicted = predictions[i];
    const context = { page: pages[i] ?? pageOf(experiment), origins };
    return predicted ? expectationDifferences(expect, asObservation(predicted), context) : [];
  });
}

/** The fields an expectation names, each given the predicted value; header lists keep the names that still hold. */
function updated(expect: Expectation, p: StepPrediction): Expectation {
  const next: Expectation = { ...expect };
  const facts = {
    outcome: p.outcome,
    reason: p.reason,
    preflight: p.preflight,
    reachedServer: p.reachedServer,
    status: p.status,
    responseType: p.responseType,
    originSeen: p.originSeen,
    requestHeadersSeen: p.requestHeadersSeen,
    cookieSent: p.cookieSent,
  };
  for (const [field, value] of Object.entries(facts)) {
    if (field in expect) Object.assign(next, { [field]: value });
  }
  const readable = (name: string): boolean => p.readableHeaders.includes(name.toLowerCase());
  if (expect.readableHeaders) next.readableHeaders = expect.readableHeaders.filter(readable);
  if (expect.hiddenHeaders) next.hiddenHeaders = expect.hiddenHeaders.filter((name) => !readable(name));
  return next;
}

/**
 * The experiment with each `expect` saying what the model predicts, origins
 * written as tokens (`{page}`), so the file means the same on any ports.
 */
export function expectingPrediction(
  experiment: Experiment,
  predictions: readonly StepPrediction[],
  origins: OriginMap,
): Experiment {
  const [first, ...rest] = predictions;
  const updatedStep = (step: Step, i: number): Step => {
    const predicted = rest[i];
    return step.expect && predicted ? { ...step, expect: updated(step.expect, predicted) } : step;
  };
  const next: Experiment = {
    ...experiment,
    ...(experiment.expect && first ? { expect: updated(experiment.expect, first) } : {}),
    ...(experiment.then ? { then: experiment.then.map(updatedStep) } : {}),
  };
  return portFreeExperiment(next, origins);
}
