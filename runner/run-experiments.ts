/**
 * Runs experiments concurrently in real Chromium. Each slot is its own
 * browser context with one page, running one experiment at a time with its
 * cookies cleared first; every run gets its own URL (run id), so no
 * preflight-cache or HTTP-cache entry of another run can apply. Only an
 * experiment's own `then` steps share them, on purpose.
 *
 * Browser settings (format 1.1 `browser`) group the runs: Local Network
 * Access is a permission, granted or cleared per context before each run;
 * the `public` page needs a browser launched knowing the lab's public port;
 * third-party cookies allowed need a browser of their own (a profile
 * preference). Those browsers start only when an experiment needs them, in
 * parallel with the rest.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserOf, pageOf, resolveRequest, type BrowserSettings, type Experiment, type Expectation, type PageOrigin, type RequestOverrides } from '../experiments/schema.ts';
import { explain } from '../experiments/model/explain.ts';
import { completeFixText } from '../experiments/model/fix.ts';
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { Lab } from '../servers/lab.ts';
import { originMap, type OriginMap } from '../servers/origins.ts';
import { newRunId } from '../servers/plan-url.ts';
import type { PageSeen, StepRequest } from '../client/runner/step.ts';
import { experimentUrl, predictExperimentAsync } from '../experiments/model/predict.ts';
import { launchAllowingThirdPartyCookies, launchChromium, type ProfileBrowser } from './launch.ts';
import { ChromiumWatch } from './chromium-verdict.ts';
import { compareExpectation, comparePrediction } from './compare.ts';
import type { ExperimentResult, Observation, RunReport, StepResult } from './observed.ts';
import { serverView } from '../experiments/server-view.ts';
import { runnerUrl, stepRequest } from './step-request.ts';

/** Predicts each step of an experiment: the model by default. */
export type Predictor = (experiment: Experiment, origins: OriginMap, run: string) => StepPrediction[] | Promise<StepPrediction[]>;

export interface RunOptions {
  concurrency?: number;
  /** The given browser was launched with the lab's public origin declared public (launchChromium(lab.origins)). */
  browserKnowsPublic?: boolean;
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
  localNetworkAccess: BrowserSettings['localNetworkAccess'];
}

async function openSlot(context: BrowserContext): Promise<Slot> {
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, watch: await ChromiumWatch.attach(page), at: null, localNetworkAccess: 'denied' };
}

/** Grants or withdraws the Local Network Access permission, as the experiment assumes. */
async function applySettings(slot: Slot, settings: BrowserSettings): Promise<void> {
  if (slot.localNetworkAccess === settings.localNetworkAccess) return;
  if (settings.localNetworkAccess === 'granted') await slot.context.grantPermissions(['local-network-access']);
  else await slot.context.clearPermissions();
  slot.localNetworkAccess = settings.localNetworkAccess;
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
  await applySettings(slot, browserOf(experiment));
  const url = experimentUrl(experiment, origins, run);
  const finalHop = experiment.server?.redirects?.length ?? 0;
  const steps: Step[] = [
    { page, delayMs: 0, expect: experiment.expect },
    ...(experiment.then ?? []).map((s) => ({ title: s.title, page: s.page ?? page, delayMs: s.delayMs ?? 0, overrides: s.request, expect: s.expect })),
  ];
  const predictions = predict ? await predict(experiment, origins, run) : [];
  // A blocked step's fix is the experiment's complete fix (every response, every step), as the playground and probe show it.
  // Found while the page runs (awaited only for a blocked step), so the run does not wait on the model.
  const fixing = predictions.some((p) => p.outcome === 'blocked') ? completeFixText(experiment, origins) : Promise.resolve(null);
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
    const explained = prediction
      ? explain(prediction, { url, pageOrigin: step.page === 'null' ? 'null' : origins[step.page], api: request.api, method: prediction.requests.at(-1)?.accessControlRequestMethod ?? request.method, credentialsInclude: request.credentials === 'include', targetAddressSpace: request.targetAddressSpace })
      : undefined;
    const completeFix = prediction?.outcome === 'blocked' ? await fixing : null;
    const explanation = explained && completeFix ? { ...explained, fix: completeFix } : explained;
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

/** Where a group of experiments runs: contexts of one browser, or the one context of a persistent one. */
interface Pool {
  indices: number[];
  width: number;
  context: () => Promise<BrowserContext>;
  release: (context: BrowserContext) => Promise<void>;
}

/** Runs the experiments on `browser` against a running `lab`; results keep the input order. */
export async function runExperiments(experiments: readonly Experiment[], lab: Lab, browser: Browser, options: RunOptions = {}): Promise<RunReport> {
  const started = performance.now();
  const origins = originMap(lab.origins);
  const concurrency = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, experiments.length));
  const results: ExperimentResult[] = new Array(experiments.length);
  const predict = options.predict === undefined ? predictExperimentAsync : options.predict;
  // Experiments with the same settings and page origin run back to back, so a slot rarely navigates or changes permissions.
  const order = experiments
    .map((e, i) => ({ key: `${browserOf(e).localNetworkAccess} ${pageOf(e)}`, i }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.i - b.i)
    .map((e) => e.i);
  const cookiesAllowed = (i: number): boolean => browserOf(experiments[i] as Experiment).thirdPartyCookies === 'allowed';
  const onPublic = (i: number): boolean => pageOf(experiments[i] as Experiment) === 'public' && !options.browserKnowsPublic;
  let publicBrowser: Promise<Browser> | undefined;
  const pools: Pool[] = [
    { indices: order.filter((i) => !cookiesAllowed(i) && !onPublic(i)), width: concurrency, context: () => browser.newContext(), release: (c) => c.close() },
    {
      indices: order.filter((i) => !cookiesAllowed(i) && onPublic(i)),
      width: 1,
      context: async () => (await (publicBrowser ??= launchChromium(lab.origins))).newContext(),
      release: async () => void (await (await publicBrowser)?.close()),
    },
    // One profile, one context: its runs go one at a time, cookies cleared before each.
    (() => {
      let profile: Promise<ProfileBrowser> | undefined;
      return {
        indices: order.filter(cookiesAllowed),
        width: 1,
        context: async () => (await (profile ??= launchAllowingThirdPartyCookies(lab.origins))).context,
        release: async () => void (await (await profile)?.close()),
      };
    })(),
  ];
  let done = 0;
  const runPool = async (pool: Pool): Promise<void> => {
    let next = 0;
    const worker = async (): Promise<void> => {
      let context: BrowserContext;
      try {
        context = await pool.context();
      } catch (error) {
        // A browser for these settings did not start: each of its experiments fails and says why.
        while (next < pool.indices.length) {
          const index = pool.indices[next++] as number;
          results[index] = brokenRun(experiments[index] as Experiment, error);
          options.onResult?.(results[index], ++done, experiments.length);
        }
        return;
      }
      try {
        const slot = await openSlot(context);
        while (next < pool.indices.length) {
          const index = pool.indices[next++] as number;
          const experiment = experiments[index] as Experiment;
          try {
            results[index] = await runOne(slot, experiment, lab, origins, predict);
          } catch (error) {
            results[index] = brokenRun(experiment, error);
            slot.at = null; // navigate afresh before the next experiment
          }
          options.onResult?.(results[index], ++done, experiments.length);
        }
      } finally {
        await pool.release(context);
      }
    };
    await Promise.all(Array.from({ length: Math.min(pool.width, pool.indices.length) }, worker));
  };
  await Promise.all(pools.map(runPool));
  const passed = results.filter((r) => r.pass).length;
  return {
    browser: `chromium ${browser.version()}`,
    origins: lab.origins,
    results,
    summary: { total: results.length, passed, failed: results.length - passed, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) },
  };
}
