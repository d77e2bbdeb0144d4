/**
 * Runs experiments concurrently in real Chromium. Each slot is its own
 * browser context, running one experiment at a time, the cookies of earlier
 * runs cleared first; every run gets its own URL (run id), so no
 * preflight-cache or HTTP-cache entry of another run can apply. Only an
 * experiment's own `then` steps share them, on purpose. A slot keeps to the
 * page origins it has tabs for as long as it can (schedule.ts); an experiment
 * that waits between its steps (the preflight cache's expiry) gives its slot
 * up while it waits, so the wait costs no working slot and no extra context.
 *
 * Browser settings (format 1.1 `browser`) group the runs: Local Network
 * Access is a permission, granted or cleared per context before each run;
 * the `public` page needs a browser launched knowing the lab's public port;
 * third-party cookies allowed need a browser of their own (a profile
 * preference). Those browsers start only when an experiment needs them, once
 * the main slots have made their first runs, and then run beside them.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { browserOf, pageOf, type BrowserSettings, type Experiment, type PageOrigin } from '../format/schema.ts';
import { completeFixText } from '../experiments/model/fix.ts';
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { Lab } from '../servers/lab.ts';
import { originMap, type OriginMap } from '../plan/origins.ts';
import { experimentUrl, predictExperimentAsync } from '../experiments/model/predict.ts';
import { latestClock, soonestClock, timingProblem, type StepSpan } from '../experiments/model/step-clock.ts';
import { launchAllowingThirdPartyCookies, launchChromium, type ProfileBrowser } from './launch.ts';
import { ChromiumTab } from './chromium-tab.ts';
import { unreportedText } from './cdp-watch.ts';
import { DEFAULT_CONCURRENCY } from './concurrency.ts';
import { JOURNAL_FIELDS, compareExpectation, comparePrediction, compareServerAndConsole, withUnreported } from './compare.ts';
import type { ExperimentResult, Observation, RunReport, StepResult } from '../engines/run-result.ts';
import { Schedule } from './schedule.ts';
import { runnerUrl } from '../plan/page-origin.ts';
import { runSteps } from '../engines/run-steps.ts';
import { experimentSteps } from '../engines/steps.ts';
import { problemText } from '../format/problems/index.ts';
import { delay } from './delay.ts';

/** Predicts each step of an experiment: the model by default. */
/**
 * `clock`: when each step ran, in ms after the first (experiments/model/step-clock.ts); absent, the
 * experiment's own `delayMs`. A predictor that ignores it is trusted to hold whatever the timing.
 */
export type Predictor = (
  experiment: Experiment,
  origins: OriginMap,
  run: string,
  clock?: readonly number[],
) => StepPrediction[] | Promise<StepPrediction[]>;

export interface RunOptions {
  concurrency?: number;
  /** The given browser was launched with the lab's public origin declared public (launchChromium(lab.origins)). */
  browserKnowsPublic?: boolean;
  /** Default: the model (experiments/model/predict.ts); null leaves `predicted` empty. */
  predict?: Predictor | null;
  onResult?: (result: ExperimentResult, done: number, total: number) => void;
}

export { DEFAULT_CONCURRENCY } from './concurrency.ts';

/**
 * A slot keeps a tab per page origin of the experiments it runs, so an
 * experiment whose steps change page (cache poisoning seen from another site)
 * costs no navigation back: a cross-site navigation starts a renderer process
 * (100-400 ms). A tab no longer needed moves on to the next page origin (visit).
 * The tabs share the context, as one page navigating did: cookies and caches
 * are the context's either way.
 */
interface Slot {
  context: BrowserContext;
  tabs: Map<string, Promise<ChromiumTab>>;
  tab: ChromiumTab | null;
  localNetworkAccess: BrowserSettings['localNetworkAccess'];
  /** A run since the last clear may have left cookies: the next run clears them first. */
  cookies: boolean;
  /** Settles when the run using the slot gives it up: runs take turns (takeTurn). */
  turn: Promise<void>;
}

function openSlot(context: BrowserContext): Slot {
  // A fresh context, or a persistent one in a new empty profile: no cookies yet.
  return { context, tabs: new Map(), tab: null, localNetworkAccess: 'denied', cookies: false, turn: Promise.resolve() };
}

/** Waits until the runs before have given the slot up; the returned function gives it up in turn. */
function takeTurn(slot: Slot): Promise<() => void> {
  let giveUp: () => void = () => undefined;
  const mine = new Promise<void>((resolve) => (giveUp = resolve));
  const before = slot.turn;
  slot.turn = before.then(() => mine);
  return before.then(() => giveUp);
}

/**
 * Whether a run of `experiment` can leave a cookie in its context. Only the
 * plan's `Set-Cookie` lines set cookies (the lab's own pages set none, and
 * neither do the middlewares), so the runs of most experiments need no
 * clear before them: a browser round trip each, more than a whole fetch
 * step takes on a busy machine.
 */
export function setsCookies(experiment: Experiment): boolean {
  const server = experiment.server;
  const answers = [server?.preflight?.headers, server?.actual?.headers, ...(server?.redirects ?? []).map((r) => r.headers)];
  return answers.some((headers) => Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'set-cookie'));
}

async function openTab(context: BrowserContext, url: string, first: boolean): Promise<ChromiumTab> {
  // A persistent context comes with a page: use it rather than leave it blank.
  const page = (first ? context.pages()[0] : undefined) ?? (await context.newPage());
  return ChromiumTab.open(page, url);
}

/** After a run that could not finish, its tab is closed so the next run starts on a fresh one. */
function dropTab(slot: Slot): void {
  const tab = slot.tab;
  if (!tab) return;
  slot.tabs.delete(tab.url);
  slot.tab = null;
  void tab.close().catch(() => undefined);
}

/** Grants or withdraws the Local Network Access permission, as the experiment assumes. */
async function applySettings(slot: Slot, settings: BrowserSettings): Promise<void> {
  if (slot.localNetworkAccess === settings.localNetworkAccess) return;
  if (settings.localNetworkAccess === 'granted') await slot.context.grantPermissions(['local-network-access']);
  else await slot.context.clearPermissions();
  slot.localNetworkAccess = settings.localNetworkAccess;
}

/**
 * Makes the slot's tab on the runner of `page` the current one. Without one,
 * a tab on a page origin the experiment does not use (`needs`: the runner
 * URLs of its steps) moves there, the oldest first, as schedule.ts expects: a
 * navigation costs Chromium less than a new tab (no page to set up, no blank
 * renderer), and a same-site one (app to the sandboxed page) no new renderer
 * at all. Only then is a tab opened.
 */
async function visit(slot: Slot, url: string, needs: ReadonlySet<string>): Promise<ChromiumTab> {
  let tab = slot.tabs.get(url);
  if (!tab) {
    const spare = [...slot.tabs.keys()].find((u) => !needs.has(u));
    const moving = spare === undefined ? undefined : slot.tabs.get(spare);
    if (spare !== undefined) slot.tabs.delete(spare);
    tab = moving ? moving.then((t) => t.moveTo(url)) : openTab(slot.context, url, slot.tabs.size === 0);
    slot.tabs.set(url, tab);
    // A tab that failed to open is forgotten, so the next run tries again.
    tab.catch(() => slot.tabs.delete(url));
  }
  slot.tab = await tab;
  return slot.tab;
}

/**
 * Runs one experiment in its turn on the slot. A step that waits long
 * (`delayMs`, the preflight cache's expiry) gives the slot up while it
 * waits, calling `waiting`, so the slot runs other experiments meanwhile;
 * their runs have their own URLs, so they touch none of this run's cache
 * entries. Another run may leave cookies or change the permission in the
 * meantime: both are put right before the next step. A run that sets
 * cookies itself keeps the slot, since a clear would remove its own.
 */
async function runOne(slot: Slot, experiment: Experiment, lab: Lab, origins: OriginMap, predict: Predictor | null, waiting: () => void): Promise<ExperimentResult> {
  let giveUp = await takeTurn(slot);
  let attempt = 1;
  // A second attempt keeps the slot while it waits: taking it back after others' runs may come too late again.
  const pause = async (delayMs: number): Promise<void> => {
    if (delayMs < LONG_WAIT_MS || setsCookies(experiment) || attempt > 1) return void (await delay(delayMs));
    giveUp();
    waiting();
    await delay(delayMs);
    giveUp = await takeTurn(slot);
    await Promise.all([slot.cookies ? slot.context.clearCookies() : undefined, applySettings(slot, browserOf(experiment))]);
    slot.cookies = false;
  };
  try {
    // A run whose steps came too late for what the experiment means (a busy machine) tells nothing: run it again.
    for (; ; attempt++) {
      const { result, timing } = await runInTurns(slot, experiment, lab, origins, predict, pause);
      if (timing === null) return result;
      if (attempt === TIMING_ATTEMPTS) {
        const mismatches = [...result.mismatches, `timing: ${timing} (${attempt} attempts on a busy machine)`];
        return { ...result, pass: false, mismatches };
      }
    }
  } catch (error) {
    // The next run in this slot starts on a fresh tab.
    dropTab(slot);
    throw error;
  } finally {
    giveUp();
  }
}


/** How often runOne tries an experiment whose steps the machine kept from running on time. */
const TIMING_ATTEMPTS = 3;

/** The result, and why its timing tells nothing (step-clock.ts), or null. */
interface TimedResult {
  result: ExperimentResult;
  timing: string | null;
}

async function runInTurns(slot: Slot, experiment: Experiment, lab: Lab, origins: OriginMap, predict: Predictor | null, pause: (delayMs: number) => Promise<void>): Promise<TimedResult> {
  const started = performance.now();
  const run = lab.newRunId();
  const page = pageOf(experiment);
  const clearing = slot.cookies;
  // Still set if the run fails before its clear is done; a run that fails half-way may have set its cookies.
  slot.cookies ||= setsCookies(experiment);
  const url = experimentUrl(experiment, origins, run);
  // Format 1.2: a run with page headers has a runner page of its own (its run id in the URL scopes them).
  const pageHeaders = experiment.pageHeaders ? { run, pageHeaders: experiment.pageHeaders } : undefined;
  const runnerOf = (p: PageOrigin): string => runnerUrl(p, origins, pageHeaders);
  const needs = new Set(pagesOf(experiment).map(runnerOf));
  // Independent round trips to the browser, so they overlap; all are done before the first request is sent.
  const [predictions] = await Promise.all([
    predict ? predict(experiment, origins, run) : [],
    clearing ? slot.context.clearCookies() : undefined,
    applySettings(slot, browserOf(experiment)),
    visit(slot, runnerOf(page), needs),
  ]);
  // Cleared: from now on only this run's own cookies can be there.
  slot.cookies = setsCookies(experiment);
  // A blocked step's fix is the experiment's complete fix (every response, every step), as the playground and probe show it.
  // Found while the page runs (awaited only for a blocked step), so the run does not wait on the model.
  const fixing = predictions.some((p) => p.outcome === 'blocked') ? completeFixText(experiment, origins) : Promise.resolve(null);
  const results: StepResult[] = [];
  const mismatches: string[] = [];
  const spans: StepSpan[] = [];
  const driver = {
    tab: (stepPage: PageOrigin) => visit(slot, runnerOf(stepPage), needs),
    journal: async (id: string, since: number) => lab.journal.read(id, since),
    pause,
  };
  for await (const done of runSteps({ experiment, origins, run, url, predictions }, driver)) {
    const { step, observed, prediction, explanation: explained, eviction } = done;
    const evicted = eviction ? problemText({ code: 'journalEvicted', ...eviction }) : undefined;
    spans.push(done.span);
    // An evicted journal (class mode: the journal was full) tells nothing of what the servers saw:
    // say so, and compare the rest.
    const unknown = evicted ? JOURNAL_FIELDS : new Set<string>();
    if (evicted) mismatches.push(`${step.path}journal: ${evicted}`);
    // A lost CDP event leaves its facts unknown: say so, never let the null read as "no reason".
    if (observed.unreported) mismatches.push(`${step.path}engine: ${unreportedText(observed.unreported)}`);
    mismatches.push(
      ...compareExpectation(step.expect, observed, { page: step.page, origins }, step.path, unknown),
      ...comparePrediction(prediction ?? {}, observed, step.path, unknown),
      ...compareServerAndConsole(prediction, observed, { prefix: step.path, unknown: withUnreported(unknown, observed) }),
    );
    const completeFix = prediction?.outcome === 'blocked' ? await fixing : null;
    const explanation = explained && completeFix ? { ...explained, fix: completeFix } : explained;
    results.push({ ...(step.title ? { title: step.title } : {}), predicted: prediction ?? {}, observed, ...(explanation ? { explanation } : {}) });
  }
  const [first, ...rest] = results as [StepResult, ...StepResult[]];
  const timing = predict && spans.length > 1 ? await measuredTiming(experiment, { origins, run, predict }, spans, predictions) : null;
  const result: ExperimentResult = {
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
  return { result, timing };
}

/** The model asked again on the soonest and latest clock the measured spans allow (step-clock.ts). */
async function measuredTiming(
  experiment: Experiment,
  { origins, run, predict }: { origins: OriginMap; run: string; predict: Predictor },
  spans: StepSpan[],
  planned: StepPrediction[],
): Promise<string | null> {
  const [soonest, latest] = await Promise.all([
    predict(experiment, origins, run, soonestClock(spans)),
    predict(experiment, origins, run, latestClock(spans)),
  ]);
  return timingProblem(experiment, spans, planned, soonest, latest);
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
  schedule: Schedule;
  width: number;
  context: () => Promise<BrowserContext>;
  release: (context: BrowserContext) => Promise<void>;
  /** Called once per worker, after its first run (or when it has none). */
  started?: () => void;
}

/** The page origins an experiment's steps run on: its tabs in a slot. */
const pagesOf = (e: Experiment): PageOrigin[] => [...new Set(experimentSteps(e).map((s) => s.page))];

/** A step that waits this long gives its slot up meanwhile (runOne). */
const LONG_WAIT_MS = 500;
const waitOf = (e: Experiment): number => (e.then ?? []).reduce((sum, s) => sum + (s.delayMs ?? 0), 0);

/** Runs the experiments on `browser` against a running `lab`; results keep the input order. */
export async function runExperiments(experiments: readonly Experiment[], lab: Lab, browser: Browser, options: RunOptions = {}): Promise<RunReport> {
  const started = performance.now();
  const origins = originMap(lab.origins);
  const concurrency = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, experiments.length));
  const results: ExperimentResult[] = new Array(experiments.length);
  const model: Predictor = (e, o, run, clock) => predictExperimentAsync(e, o, run, 'en', clock);
  const predict: Predictor | null = options.predict === undefined ? model : options.predict;
  // A slot runs experiments with the same page origins back to back (schedule.ts), so it rarely opens a tab.
  // Within those, the longest waits go first, so they pass while the slot runs the rest; then those with the
  // same permission go together, so the slot rarely changes it.
  const scheduled = (keep: (e: Experiment) => boolean): Schedule =>
    new Schedule(
      experiments
        .flatMap((e, index) => (keep(e) ? [{ index, pages: pagesOf(e), wait: waitOf(e), permission: browserOf(e).localNetworkAccess }] : []))
        .sort((a, b) => b.wait - a.wait || a.permission.localeCompare(b.permission)),
    );
  const cookiesAllowed = (e: Experiment): boolean => browserOf(e).thirdPartyCookies === 'allowed';
  const onPublic = (e: Experiment): boolean => pageOf(e) === 'public' && !options.browserKnowsPublic;
  const newContext = (): Promise<BrowserContext> => browser.newContext();
  let publicBrowser: Promise<Browser> | undefined;
  const mainSchedule = scheduled((e) => !cookiesAllowed(e) && !onPublic(e));
  // The main slots get the cores first: another browser launching beside them slowed their first runs
  // (the main slots run the most experiments; the other browsers' few runs still end long before).
  let warming = Math.min(concurrency, mainSchedule.size);
  let mainWarm: () => void = () => undefined;
  const mainWarmed = warming === 0 ? Promise.resolve() : new Promise<void>((resolve) => (mainWarm = resolve));
  const afterMain = <T>(launch: () => Promise<T>): (() => Promise<T>) => async () => (await mainWarmed, launch());
  const pools: Pool[] = [
    { schedule: mainSchedule, width: concurrency, context: newContext, release: (c) => c.close(), started: () => void (--warming === 0 && mainWarm()) },
    {
      schedule: scheduled((e) => !cookiesAllowed(e) && onPublic(e)),
      width: 1,
      context: afterMain(async () => (await (publicBrowser ??= launchChromium(lab.origins))).newContext()),
      release: async () => void (await (await publicBrowser)?.close()),
    },
    // One profile, one context: its runs go one at a time, cookies cleared before each.
    (() => {
      let profile: Promise<ProfileBrowser> | undefined;
      return {
        schedule: scheduled(cookiesAllowed),
        width: 1,
        context: afterMain(async () => (await (profile ??= launchAllowingThirdPartyCookies(lab.origins))).context),
        release: async () => void (await (await profile)?.close()),
      };
    })(),
  ];
  let done = 0;
  const runPool = async (pool: Pool): Promise<void> => {
    const worker = async (id: number): Promise<void> => {
      let started = false;
      const start = (): void => {
        if (!started) (started = true), pool.started?.();
      };
      try {
        await work(id, start);
      } finally {
        start();
      }
    };
    const work = async (id: number, start: () => void): Promise<void> => {
      let context: BrowserContext;
      try {
        context = await pool.context();
      } catch (error) {
        // A browser for these settings did not start: each of its experiments fails and says why.
        for (let item = pool.schedule.next(id); item; item = pool.schedule.next(id)) {
          results[item.index] = brokenRun(experiments[item.index] as Experiment, error);
          options.onResult?.(results[item.index] as ExperimentResult, ++done, experiments.length);
        }
        return;
      }
      const runs: Promise<void>[] = [];
      try {
        const slot = openSlot(context);
        for (let item = pool.schedule.next(id); item; item = pool.schedule.next(id)) {
          const experiment = experiments[item.index] as Experiment;
          const index = item.index;
          let waiting: () => void = () => undefined;
          const gaveUp = new Promise<void>((resolve) => (waiting = resolve));
          const finished = runOne(slot, experiment, lab, origins, predict, waiting)
            .catch((error: unknown) => brokenRun(experiment, error))
            .then((result) => {
              results[index] = result;
              options.onResult?.(result, ++done, experiments.length);
            });
          runs.push(finished);
          // The next experiment starts when this one is done, or waits and has given the slot up.
          await Promise.race([finished, gaveUp]);
          start();
        }
      } finally {
        await Promise.all(runs);
        await pool.release(context);
      }
    };
    await Promise.all(Array.from({ length: Math.min(pool.width, pool.schedule.size) }, (_, id) => worker(id)));
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
