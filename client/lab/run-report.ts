/**
 * The playground's log as `cors-lab run --json` writes it (engines/run-result.ts
 * RunReport, the contract's result format), so one reader serves both. In a
 * user's browser `observed.reason` and `observed.console` are null: a page
 * cannot learn them (the model's reason is in `predicted`).
 */
import { pageOf } from '../../format/format-defaults.ts';
import type { Experiment, PageOrigin } from '../../format/schema.ts';
import type { StepPrediction } from '../../experiments/model/prediction.ts';
import { expectationDifferences, predictionDifferences } from '../../runner/compare.ts';
import { problemText } from '../../format/problems/index.ts';
import { SOURCE_LANGUAGE, type Language } from '../../format/i18n/languages.ts';
import type { ExperimentResult, Observation, RunReport, StepResult } from '../../engines/run-result.ts';
import { originMap, type LabOrigin } from '../../plan/origins.ts';
import { deviatingFields, expectationFor } from '../../engines/engine-expectation.ts';
import type { BrowserRun, BrowserStep } from './run-in-browser.ts';

/**
 * "chromium 156.0.8078.79" or "firefox 153.0" from the user agent, as the CLI names its browsers (the run judged by
 * that engine's model); the whole UA otherwise.
 */
export function browserName(userAgent: string): string {
  const chrome = /(?:HeadlessChrome|Chrome|Chromium)\/([\d.]+)/.exec(userAgent);
  if (chrome) return `chromium ${chrome[1]}`;
  const firefox = /\bFirefox\/([\d.]+)/.exec(userAgent);
  return firefox ? `firefox ${firefox[1]}` : userAgent;
}

/** Only what a page can observe is compared: no reason, no console line. */
const withoutReason = <T extends { reason?: unknown }>(value: T): T => ({ ...value, reason: undefined });
/** A page learns a cross-origin response's protocol only with Timing-Allow-Origin: unknown (null) is not compared. */
const withoutUnknownProtocol = <T extends { protocol?: unknown }>(value: T, observed: Observation): T => (observed.protocol == null ? { ...value, protocol: undefined } : value);

function stepResult(step: BrowserStep): StepResult {
  return { ...(step.title !== 'request' ? { title: step.title } : {}), predicted: step.judged, observed: step.observed, explanation: step.explanation };
}

function failedObservation(failure: string): Observation {
  return {
    outcome: 'blocked', reason: null, failedParameter: null, preflight: false, reachedServer: false, status: null, responseType: null,
    readableHeaders: {}, originSeen: null, requestHeadersSeen: null, cookieSent: false, console: null, pageError: failure, serverSaw: [],
  };
}

/** The page each step runs on: a `then` step may name its own, and its `{page}` means that one (as in runner/run-experiments.ts). */
export function stepPages(experiment: Experiment): PageOrigin[] {
  const page = pageOf(experiment);
  return [page, ...(experiment.then ?? []).map((s) => s.page ?? page)];
}

/**
 * The run judged as `cors-lab run` judges it, in the engine whose model judged it (`cors-lab run --browser`:
 * that engine's expectation, its model's prediction), on what a page can observe: the expectation whole but the
 * reason, the prediction's PREDICTED_FIELDS but the reason. The CLI also holds the model to the servers' finer
 * facts (compareServerAndConsole); a learner's browser runs with settings of its own (third-party cookies, say),
 * so the page does not. The export keeps the CLI's English lines; the page's row asks for the learner's language
 * (`lang`): the verdict is the same, only the words differ.
 */
export function experimentResult(run: BrowserRun, origins: readonly LabOrigin[], lang: Language = SOURCE_LANGUAGE): ExperimentResult {
  const map = originMap(origins);
  const pages = stepPages(run.experiment);
  const expects = [run.experiment.expect, ...(run.experiment.then ?? []).map((s) => s.expect)];
  const mismatches = run.steps.flatMap((step, i) => {
    const prefix = i === 0 ? '' : `then[${i - 1}].`;
    const expect = expectationFor(run.engine, expects[i], deviatingFields(step.judged, step.predicted));
    const context = { page: pages[i] ?? pageOf(run.experiment), origins: map };
    const problems = [
      ...expectationDifferences(expect && withoutUnknownProtocol(withoutReason(expect), step.observed), step.observed, context),
      ...predictionDifferences(withoutReason(step.judged as Partial<StepPrediction>), step.observed),
    ];
    return problems.map((p) => prefix + problemText(p, lang));
  });
  if (run.failure) mismatches.push(`run: could not finish: ${run.failure}`);
  if (run.cannotRun) mismatches.push(`run: ${run.cannotRun}`);
  const [first, ...rest] = run.steps.map(stepResult);
  return {
    id: run.id,
    title: run.experiment.title,
    group: run.experiment.group,
    predicted: first?.predicted ?? {},
    observed: first?.observed ?? failedObservation(run.failure ?? run.cannotRun ?? 'no step ran'),
    ...(first?.explanation ? { explanation: first.explanation } : {}),
    steps: rest,
    pass: mismatches.length === 0,
    mismatches,
    seconds: run.seconds,
  };
}

/** The runs (in the order given) as a run report. */
export function runReport(runs: readonly BrowserRun[], origins: readonly LabOrigin[], userAgent: string): RunReport {
  const results = runs.map((run) => experimentResult(run, origins));
  const passed = results.filter((r) => r.pass).length;
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return { browser: browserName(userAgent), origins: [...origins], results, summary: { total: results.length, passed, failed: results.length - passed, seconds: Number(seconds.toFixed(2)) } };
}
