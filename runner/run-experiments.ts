/**
 * Runs experiments concurrently in real Chromium. Each slot is its own
 * browser context with one page, running one experiment at a time with its
 * cookies cleared first; every run gets its own URL (run id), so no
 * preflight-cache or HTTP-cache entry of another run can apply. Only an
 * experiment's own `then` steps share them, on purpose.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pageOf, resolveRequest, type Experiment, type Expectation, type PageOrigin, type RequestOverrides } from '../experiments/schema.ts';
import { explain } from '../experiments/model/explain.ts';
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { Lab } from '../servers/lab.ts';
import { originMap, type OriginMap } from '../servers/origins.ts';
import { newRunId } from '../servers/plan-url.ts';
import type { PageSeen, StepRequest } from '../client/runner/step.ts';
import { experimentUrl, predictExperiment } from '../experiments/model/predict.ts';
import { ChromiumWatch } from './chromium-verdict.ts';
import { compareExpectation, comparePrediction } from './compare.ts';
import type { ExperimentResult, Observation, RunReport, StepResult } from './observed.ts';
import { serverView } from '../experiments/server-view.ts';
import { runnerUrl, stepRequest } from './step-request.ts';

/** Predicts each step of an experiment: the model by default. */
export type Predictor = (experiment: Experiment, origins: OriginMap, run: string) => StepPrediction[];

export interface RunOptions {
  concurrency?: number;
  /** Default: the model (experiments/model/predict.ts); null leaves `predicted` empty. */
  predict?: Predictor | null;
  onResult?: (result: ExperimentResult, done: number, total: number) => void;
}

/** Measured on a 2-core machine: more slots only add renderer processes that compete for the cores. */
export const DEFAULT_CONCURRENCY = 3;
const STEP_TIMEOUT_MS = 15_000;

interface Slot {
  context: BrowserContext;
  page: Page;
  watch: ChromiumWatch;
  at: string | null;
}

async function openSlot(browser: Browser): Promise<Slot> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { context, page, watch: await ChromiumWatch.attach(page), at: null };
}

/** `window.corsLab` is declared by the runner page script (client/runner/runner-page.ts). */
export function runInPage(page: Page, request: StepRequest): Promise<PageSeen> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PageSeen>((resolve) => {
    timer = setTimeout(
      () => resolve({ outcome: 'blocked', status: null, responseType: null, readableHeaders: {}, body: null, error: `no answer within ${STEP_TIMEOUT_MS / 1000} s`, pageOrigin: '' }),
      STEP_TIMEOUT_MS,
    );
  });
  return Promise.race([page.evaluate((step) => window.corsLab.runStep(step), request), timeout]).finally(() => clearTimeout(timer));
}

/**
 * `fetch()` or `xhr.open()` threw at once ("TypeError: Failed to execute 'fetch' on 'Window': 'PUT' is
 * unsupported in no-cors mode."): no request exists, so Chromium reports nothing and waiting for it only costs time.
 */
function thrownBeforeSending(error: string | null): boolean {
  return error !== null && error.includes("Failed to execute '");
}

interface Step {
  title?: string | undefined;
  page: PageOrigin;
  delayMs: number;
  overrides?: RequestOverrides | undefined;
  expect?: Expectation | undefined;
}

/** Puts the slot's page on the runner of `page`, unless it is there already. */
async function visit(slot: Slot, page: PageOrigin, origins: OriginMap): Promise<void> {
  const target = runnerUrl(page, origins);
  if (slot.at === target) return;
  await slot.page.goto(target, { waitUntil: 'domcontentloaded' });
  slot.at = target;
}

async function runOne(slot: Slot, experiment: Experiment, lab: Lab, origins: OriginMap, predict: Predictor | null): Promise<ExperimentResult> {
  const started = performance.now();
  const run = newRunId();
  const page = pageOf(experiment);
  await slot.context.clearCookies();
  const url = experimentUrl(experiment, origins, run);
  const finalHop = experiment.server?.redirects?.length ?? 0;
  const steps: Step[] = [
    { page, delayMs: 0, expect: experiment.expect },
    ...(experiment.then ?? []).map((s) => ({ title: s.title, page: s.page ?? page, delayMs: s.delayMs ?? 0, overrides: s.request, expect: s.expect })),
  ];
  const predictions = predict ? predict(experiment, origins, run) : [];
  const results: StepResult[] = [];
  const mismatches: string[] = [];
  for (const [i, step] of steps.entries()) {
    if (step.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
    await visit(slot, step.page, origins);
    const since = lab.journal.read(run).entries.length;
    slot.watch.begin(`/__cl/${run}/`);
    const seen = await runInPage(slot.page, stepRequest(experiment, url, step.overrides));
    const verdict = await slot.watch.verdict(seen.outcome === 'blocked' && !thrownBeforeSending(seen.error));
    const serverSaw = lab.journal.read(run, since).entries;
    const observed: Observation = {
      outcome: seen.outcome,
      reason: verdict.reason,
      failedParameter: verdict.failedParameter,
      ...serverView(serverSaw, finalHop),
      status: seen.status,
      responseType: seen.responseType,
      readableHeaders: seen.readableHeaders,
      console: verdict.console,
      pageError: seen.error,
      serverSaw,
    };
    const prediction = predictions[i];
    const prefix = i === 0 ? '' : `then[${i - 1}].`;
    mismatches.push(...compareExpectation(step.expect, observed, { page: step.page, origins }, prefix), ...comparePrediction(prediction ?? {}, observed, prefix));
    const request = resolveRequest(experiment.request, step.overrides);
    const explanation = prediction
      ? explain(prediction, { url, pageOrigin: step.page === 'null' ? 'null' : origins[step.page], api: request.api, method: prediction.requests.at(-1)?.accessControlRequestMethod ?? request.method, credentialsInclude: request.credentials === 'include' })
      : undefined;
    results.push({ ...(step.title ? { title: step.title } : {}), predicted: prediction ?? {}, observed, ...(explanation ? { explanation } : {}) });
  }
  const [first, ...rest] = results as [StepResult, ...StepResult[]];
  return {
    id: experiment.id,
    title: experiment.title,
    group: experiment.group,
    predicted: first.predicted,
    observed: first.observed,
    ...(first.explanation ? { explanation: first.explanation } : {}),
    steps: rest,
    pass: mismatches.length === 0,
    mismatches,
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
  };
}

/** A run that could not finish (the page crashed, the browser went away): a failed result that says why. */
function brokenRun(experiment: Experiment, error: unknown): ExperimentResult {
  const observed: Observation = {
    outcome: 'blocked', reason: null, failedParameter: null, preflight: false, reachedServer: false, status: null, responseType: null,
    readableHeaders: {}, originSeen: null, requestHeadersSeen: null, cookieSent: false, console: null, pageError: String(error), serverSaw: [],
  };
  return { id: experiment.id, title: experiment.title, group: experiment.group, predicted: {}, observed, steps: [], pass: false, mismatches: [`run: could not finish: ${String(error)}`], seconds: 0 };
}

/** Runs the experiments on `browser` against a running `lab`; results keep the input order. */
export async function runExperiments(experiments: readonly Experiment[], lab: Lab, browser: Browser, options: RunOptions = {}): Promise<RunReport> {
  const started = performance.now();
  const origins = originMap(lab.origins);
  const concurrency = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, experiments.length));
  const results: ExperimentResult[] = new Array(experiments.length);
  // Experiments on the same page origin run back to back, so a slot rarely navigates.
  const order = experiments.map((e, i) => ({ page: pageOf(e), i })).sort((a, b) => a.page.localeCompare(b.page) || a.i - b.i).map((e) => e.i);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    const slot = await openSlot(browser);
    try {
      while (next < experiments.length) {
        const index = order[next++] as number;
        const experiment = experiments[index] as Experiment;
        try {
          results[index] = await runOne(slot, experiment, lab, origins, options.predict === undefined ? predictExperiment : options.predict);
        } catch (error) {
          results[index] = brokenRun(experiment, error);
          slot.at = null; // navigate afresh before the next experiment
        }
        options.onResult?.(results[index], ++done, experiments.length);
      }
    } finally {
      await slot.context.close();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const passed = results.filter((r) => r.pass).length;
  return {
    browser: `chromium ${browser.version()}`,
    origins: lab.origins,
    results,
    summary: { total: results.length, passed, failed: results.length - passed, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) },
  };
}
