/**
 * The one step loop. For each step of an experiment (steps.ts) it waits as
 * the step asks, runs the step in the driver's tab for the step's page
 * origin, reads what the origins received for the step, and puts the three
 * together: what the page saw, what the engine said, what the servers saw,
 * with the model's prediction and its explanation. The headless runner
 * (runner/run-experiments.ts: scheduling, slots, tabs) and the playground
 * (client/lab/run-in-browser.ts: frames in the learner's browser) both run
 * their steps here; how each compares the result with its expectations is
 * theirs.
 */
import type { JournalEviction } from '../format/problems/index.ts';
import type { Language } from '../format/i18n/languages.ts';
import type { Explanation } from '../experiments/model/explain.ts';
import { explainStep } from '../experiments/model/explain-context.ts';
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { StepSpan } from '../experiments/model/step-clock.ts';
import type { Experiment, PageOrigin } from '../format/schema.ts';
import { serverView, type ServerView } from '../format/server-view.ts';
import type { JournalRead } from '../plan/journal-entry.ts';
import type { OriginMap } from '../plan/origins.ts';
import { serializedPageOrigin } from '../plan/page-origin.ts';
import { PLAN_PREFIX } from '../plan/routes.ts';
import type { PageSeen, StepRequest } from '../runner-page/step.ts';
import { NO_EMBEDDING_FACTS } from '../format/embedding.ts';
import { isSendingApi } from '../format/form-and-beacon.ts';
import type { EngineStep, EngineTab, EngineVerdict } from './engine.ts';
import type { Observation } from './run-result.ts';
import { experimentSteps, stepRequest, type ExperimentStep } from './steps.ts';

/** A way of running steps: its tabs, its journal, its waiting. */
export interface StepDriver {
  /** The tab on the runner page of `page`, ready to run a step. */
  tab(page: PageOrigin): Promise<EngineTab>;
  /** What the origins received for `run`, from entry `since` on (the lab in-process, or over HTTP). */
  journal(run: string, since: number): Promise<JournalRead>;
  /** Waits before a step that asks to (`delayMs`); the headless runner gives its slot up meanwhile. */
  pause(delayMs: number): Promise<void>;
}

export interface StepsOf {
  experiment: Experiment;
  origins: OriginMap;
  run: string;
  /** The URL every step asks for (experimentUrl of the run). */
  url: string;
  /** The model's prediction per step; empty when a run skips the model. */
  predictions: readonly StepPrediction[];
  /** The language of the explanations (the CLI's: English). */
  lang?: Language;
}

/**
 * One step on its way to a result. The engine's verdict (reason, failed parameter, console line) is in `observed`
 * only; `seen` keeps what page JavaScript saw beyond the format's facts (the body, the page's own origin).
 */
export interface StepRun {
  step: ExperimentStep;
  seen: PageSeen;
  /** What the origins received, in the run format's terms (also spread into `observed`). */
  server: ServerView;
  observed: Observation;
  prediction: StepPrediction | undefined;
  explanation: Explanation | undefined;
  /** When the step's request was made and settled, for the step clock (experiments/model/step-clock.ts). */
  span: StepSpan;
  /** Set when the run's journal was evicted (class mode, a full journal): what the servers saw is unknown. */
  eviction: JournalEviction | undefined;
}

/**
 * Runs one step in `tab` (`marker`: a substring of the step's URLs, see EngineTab.run), with its span for the step
 * clock. The probe runs its steps here too, in a tab of its own page (probe/probe.ts).
 */
export async function runStep<Step extends EngineStep>(
  tab: { run(request: StepRequest, marker: string): Promise<Step> },
  request: StepRequest,
  marker: string,
): Promise<Step & { span: StepSpan }> {
  const start = performance.now();
  const done = await tab.run(request, marker);
  return { ...done, span: { start, end: done.settled ?? performance.now() } };
}

/** Runs the steps one after the other, yielding each as it is done; a driver's error ends the run there. */
export async function* runSteps(of: StepsOf, driver: StepDriver): AsyncGenerator<StepRun> {
  const { experiment, origins, run, url, predictions, lang } = of;
  const finalHop = experiment.server?.redirects?.length ?? 0;
  for (const step of experimentSteps(experiment)) {
    if (step.delayMs > 0) await driver.pause(step.delayMs);
    const tab = await driver.tab(step.page);
    // Entries that came in since the last step (a request still on its way when the page gave up) are not this step's.
    const since = (await driver.journal(run, 0)).entries.length;
    const { seen, verdict, span } = await runStep(tab, stepRequest(step, url, origins), `${PLAN_PREFIX}${run}/`);
    const { entries: serverSaw, eviction } = await driver.journal(run, since);
    const server = serverView(serverSaw, finalHop);
    const unseen = isSendingApi(step.request.api);
    const observed: Observation = {
      outcome: seen.outcome,
      // A form's or a beacon's page never learns of a CORS failure (format 1.2: a reason only when the API failed);
      // the engine's line stays in `console` (Firefox and WebKit print one for a beacon, as Chromium does).
      reason: unseen ? null : verdict.reason,
      failedParameter: unseen ? null : (verdict.failedParameter ?? null),
      ...server,
      status: seen.status,
      responseType: seen.responseType,
      readableHeaders: seen.readableHeaders,
      console: verdict.console,
      pageError: seen.error,
      ...(seen.embedding ?? NO_EMBEDDING_FACTS),
      protocol: verdict.protocol ?? null,
      serverSaw,
      ...(verdict.unreported ? { unreported: verdict.unreported } : {}),
    };
    const prediction = predictions[step.index];
    const context = { url, pageOrigin: serializedPageOrigin(step.page, origins), request: step.request };
    const explanation = prediction ? explainStep(prediction, context, lang) : undefined;
    yield { step, seen, server, observed, prediction, explanation, span, eviction };
  }
}
