/**
 * Runs experiments in an engine other than Chromium, through its driver (engines/engine.ts) and the
 * one step loop (engines/run-steps.ts). Chromium keeps its own scheduling (run-experiments.ts). Each
 * browser is launched once per run and per third-party cookie setting (a profile preference in
 * Firefox and WebKit), when a first experiment needs it; its `sessionsAtOnce` sessions each run one
 * experiment at a time, one step at a time (WebKit attributes reasons by order), and keep a tab per
 * page origin. A session's cookies are cleared before a run that can set some or after one that did;
 * every run has its own URL (run id), so no cache entry of another run applies. A step's `delayMs` is
 * measured, not trusted: when the time that really passed between the steps changes what the engine's
 * model predicts (a preflight cache entry that expired, or did not), the run tells nothing and the
 * experiment runs again, as in Chromium (experiments/model/step-clock.ts).
 */
import type { EngineBrowser, EngineName, EngineSession, EngineTab } from '../engines/engine.ts';
import { runSteps } from '../engines/run-steps.ts';
import type { EngineResult, Observation, StepResult } from '../engines/run-result.ts';
import { experimentUrl, predictExperimentAsync } from '../experiments/model/predict.ts';
import { latestClock, soonestClock, timingProblem, type StepSpan } from '../experiments/model/step-clock.ts';
import { browserOf, type BrowserSettings, type Experiment, type PageOrigin } from '../format/schema.ts';
import { problemText } from '../format/problems/index.ts';
import type { OriginMap } from '../plan/origins.ts';
import { runnerUrl, type PageHeadersOfRun } from '../plan/page-origin.ts';
import { RUN_QUERY } from '../plan/routes.ts';
import type { Lab } from '../servers/lab.ts';
import { compareExpectation, comparePrediction, compareServerAndConsole, withUnreported } from './compare.ts';
import type { EngineLauncher } from './engine-launchers.ts';
import { deviatingFields, expectationFor } from '../engines/engine-expectation.ts';
import type { EngineModel, EnginePrediction } from './engine-models.ts';
import { setsCookies } from './run-experiments.ts';
import { delay } from './delay.ts';

/** The lab as the engine runner uses it: a run id per run, and what the origins received. */
export type EngineLab = Pick<Lab, 'newRunId'> & { journal: Pick<Lab['journal'], 'read'> };

export interface EngineRunOptions {
  launch: EngineLauncher;
  /** The engine's model; absent: no predictions (only `expect` is compared). */
  model?: EngineModel | undefined;
  onResult?: (index: number, result: EngineResult) => void;
}

export interface EngineRun {
  /** e.g. "firefox 153.8.0esr" (empty when no experiment ran). */
  version: string;
  /** One per experiment, in the input order. */
  results: EngineResult[];
  seconds: number;
}

/** One session with its tabs (one per runner page), running one experiment at a time. */
interface Slot {
  session: EngineSession;
  tabs: Map<string, Promise<EngineTab>>;
  /** A run since the last clear may have left cookies. */
  cookies: boolean;
}

/** The sessions of one browser, handed out one experiment at a time, at most `sessionsAtOnce` open. */
class SessionPool {
  readonly #free: Slot[] = [];
  readonly #waiting: Array<(slot: Slot) => void> = [];
  #opened = 0;
  readonly #slots: Slot[] = [];

  constructor(readonly browser: Promise<EngineBrowser>) {}

  async take(): Promise<Slot> {
    const free = this.#free.pop();
    if (free) return free;
    const browser = await this.browser;
    if (this.#opened < browser.sessionsAtOnce) {
      this.#opened++;
      const slot: Slot = { session: await browser.newSession(), tabs: new Map(), cookies: false };
      this.#slots.push(slot);
      return slot;
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  give(slot: Slot): void {
    const next = this.#waiting.shift();
    if (next) next(slot);
    else this.#free.push(slot);
  }

  async close(): Promise<void> {
    const browser = await this.browser.catch(() => null);
    await Promise.all(this.#slots.map((slot) => slot.session.close().catch(() => undefined)));
    await browser?.close();
  }
}

function tabFor(slot: Slot, page: PageOrigin, origins: OriginMap, headers?: PageHeadersOfRun): Promise<EngineTab> {
  const url = runnerUrl(page, origins, headers);
  let tab = slot.tabs.get(url);
  if (!tab) {
    tab = slot.session.openTab(url);
    slot.tabs.set(url, tab);
    // A tab that failed to open is forgotten, so the next run tries again.
    tab.catch(() => slot.tabs.delete(url));
  }
  return tab;
}

/** Closes and forgets the tabs of one run's own runner pages (their URLs name the run). */
async function closeTabsOf(slot: Slot, run: string): Promise<void> {
  const own = [...slot.tabs].filter(([url]) => new URL(url).searchParams.get(RUN_QUERY) === run);
  for (const [url] of own) slot.tabs.delete(url);
  await Promise.all(own.map(([, tab]) => tab.then((t) => t.close()).catch(() => undefined)));
}


/** How often an experiment whose steps the machine kept from running on time is tried (as run-experiments.ts). */
const TIMING_ATTEMPTS = 3;

async function runOne(
  engine: EngineName,
  experiment: Experiment,
  slot: Slot,
  lab: EngineLab,
  origins: OriginMap,
  model: EngineModel | undefined,
): Promise<EngineResult> {
  for (let attempt = 1; ; attempt++) {
    const { result, timing } = await runOnce(engine, experiment, slot, lab, origins, model);
    if (timing === null) return result;
    if (attempt === TIMING_ATTEMPTS) {
      const mismatches = [...result.mismatches, `timing: ${timing} (${attempt} attempts on a busy machine)`];
      return { ...result, pass: false, mismatches };
    }
  }
}

/** One run of an experiment, and why its timing tells nothing (step-clock.ts), or null. */
async function runOnce(
  engine: EngineName,
  experiment: Experiment,
  slot: Slot,
  lab: EngineLab,
  origins: OriginMap,
  model: EngineModel | undefined,
): Promise<{ result: EngineResult; timing: string | null }> {
  const started = performance.now();
  const run = lab.newRunId();
  const url = experimentUrl(experiment, origins, run);
  if (slot.cookies || setsCookies(experiment)) await slot.session.clearCookies();
  slot.cookies = setsCookies(experiment);
  const [predictions, chromium] = model
    ? await Promise.all([model(experiment, origins, run, url), predictExperimentAsync(experiment, origins, run)])
    : [[], []];
  // Format 1.2: a run with page headers has runner pages of its own (its run id in the URL), closed after it.
  const pageHeaders = experiment.pageHeaders ? { run, pageHeaders: experiment.pageHeaders } : undefined;
  const driver = {
    tab: (page: PageOrigin) => tabFor(slot, page, origins, pageHeaders),
    journal: async (id: string, since: number) => lab.journal.read(id, since),
    pause: delay,
  };
  const steps: StepResult[] = [];
  const mismatches: string[] = [];
  const spans: StepSpan[] = [];
  // No predictions into the loop: its explanation speaks Chromium's words; the engine's are compared here.
  for await (const done of runSteps({ experiment, origins, run, url, predictions: [] }, driver)) {
    const { step, observed, eviction } = done;
    spans.push(done.span);
    const evicted = eviction ? problemText({ code: 'journalEvicted', ...eviction }) : undefined;
    const prediction = predictions[step.index];
    const expectation = expectationFor(engine, step.expect, deviatingFields(prediction, chromium[step.index]));
    if (evicted) mismatches.push(`${step.path}journal: ${evicted}`);
    mismatches.push(
      ...compareExpectation(expectation, observed, { page: step.page, origins }, step.path),
      ...comparePrediction(prediction ?? {}, observed, step.path),
      ...compareServerAndConsole(prediction, observed, {
        prefix: step.path, unknown: withUnreported(new Set(), observed), console: prediction?.console ?? null,
      }),
    );
    steps.push({ ...(step.title ? { title: step.title } : {}), predicted: prediction ?? {}, observed });
  }
  if (pageHeaders) await closeTabsOf(slot, run);
  const [first, ...rest] = steps as [StepResult, ...StepResult[]];
  // The model asked again on the soonest and the latest clock the measured spans allow.
  let timing: string | null = null;
  if (model && spans.length > 1) {
    const [soonest, latest] = await Promise.all([
      model(experiment, origins, run, url, soonestClock(spans)),
      model(experiment, origins, run, url, latestClock(spans)),
    ]);
    timing = timingProblem(experiment, spans, predictions, soonest, latest);
  }
  const result = {
    predicted: first.predicted,
    observed: first.observed,
    steps: rest,
    pass: mismatches.length === 0,
    mismatches,
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
  };
  return { result, timing };
}

/** A run that could not finish (the browser did not start, a page crashed): failed, saying why. */
function brokenEngineRun(error: unknown): EngineResult {
  const observed: Observation = {
    outcome: 'blocked', reason: null, failedParameter: null, preflight: false, reachedServer: false, status: null,
    responseType: null, readableHeaders: {}, originSeen: null, requestHeadersSeen: null, cookieSent: false,
    console: null, pageError: String(error), serverSaw: [],
  };
  const mismatches = [`run: could not finish: ${String(error)}`];
  return { predicted: {}, observed, steps: [], pass: false, mismatches, seconds: 0 };
}

/** Runs each experiment in `engine` against a running `lab`; results keep the input order. */
export async function runInEngine(
  engine: EngineName,
  experiments: readonly Experiment[],
  lab: EngineLab,
  origins: OriginMap,
  options: EngineRunOptions,
): Promise<EngineRun> {
  const started = performance.now();
  const pools = new Map<BrowserSettings['thirdPartyCookies'], SessionPool>();
  const poolFor = (experiment: Experiment): SessionPool => {
    const cookies = browserOf(experiment).thirdPartyCookies;
    let pool = pools.get(cookies);
    if (!pool) {
      pool = new SessionPool(options.launch(cookies));
      pools.set(cookies, pool);
    }
    return pool;
  };
  const results: EngineResult[] = new Array(experiments.length);
  try {
    await Promise.all(
      experiments.map(async (experiment, index) => {
        const pool = poolFor(experiment);
        let result: EngineResult;
        try {
          const slot = await pool.take();
          try {
            result = await runOne(engine, experiment, slot, lab, origins, options.model);
          } catch (error) {
            // The next run in this session starts on fresh tabs.
            for (const tab of slot.tabs.values()) void tab.then((t) => t.close()).catch(() => undefined);
            slot.tabs.clear();
            throw error;
          } finally {
            pool.give(slot);
          }
        } catch (error) {
          result = brokenEngineRun(error);
        }
        results[index] = result;
        options.onResult?.(index, result);
      }),
    );
  } finally {
    await Promise.all([...pools.values()].map((pool) => pool.close()));
  }
  const browsers = await Promise.all([...pools.values()].map((pool) => pool.browser.catch(() => null)));
  const version = browsers.find((b) => b !== null)?.version ?? '';
  return { version, results, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) };
}
