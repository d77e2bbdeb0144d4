/**
 * One experiment in the user's browser: the model's prediction, what the
 * page saw, and what the servers saw (the journal). The browser does not
 * tell a page why it blocked a request: the observation carries no reason
 * and no console line (null), the reason shown is the model's, labelled as
 * predicted, and a disagreement on what can be observed (outcome, preflight,
 * whether the server was reached) is marked. The model is the one of the
 * learner's engine (engine-judge.ts): Firefox's in Firefox, with Chromium's
 * kept beside it.
 */
import type { Explanation } from '../../experiments/model/explain.ts';
import { experimentUrl, predictExperimentAsync } from '../../experiments/model/predict.ts';
import { latestClock, soonestClock, timingProblem, type StepSpan } from '../../experiments/model/step-clock.ts';
import type { StepPrediction } from '../../experiments/model/prediction.ts';
import type { Experiment } from '../../format/schema.ts';
import type { JournalEntry } from '../../plan/journal-entry.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { newRunId } from '../../plan/plan-url.ts';
import { RUN_IDS_PATH } from '../../plan/routes.ts';
import { predictionDifferences } from '../../runner/compare.ts';
import type { Observation } from '../../engines/run-result.ts';
import { runSteps } from '../../engines/run-steps.ts';
import type { ServerView } from '../../format/server-view.ts';
import type { PageSeen } from '../../runner-page/step.ts';
import { msg, str } from '@lit/localize';
import { RunnerError, type RunnerFrames } from './runner-frames.ts';
import { framesDriver } from './frames-driver.ts';
import { browserAssumptions } from './browser-assumptions.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { problemText } from '../../format/problems/index.ts';
import { secureOriginTrusted, usesSecureOrigin } from './secure-trust.ts';
import type { EngineName } from '../../format/engine-names.ts';
import { elsewhereOnly, judgeFor, type JudgedPrediction } from './engine-judge.ts';
import { detectEngine, pageClues, type LearnerEngine } from './learner-engine.ts';

export interface BrowserStep {
  title: string;
  /** The method the page called (the browser may send a preflight OPTIONS before it, on its own). */
  method: string;
  /** Chromium's model: the explanation, the timeline and the diagrams speak its words. */
  predicted: StepPrediction;
  /**
   * The prediction of the engine whose model judges the run (BrowserRun.engine), its reason in that engine's
   * words, and the console line Firefox or WebKit prints for it; the same as `predicted` when that is Chromium.
   */
  judged: JudgedPrediction;
  explanation: Explanation;
  seen: PageSeen;
  server: ServerView;
  serverSaw: JournalEntry[];
  /** The step in the run format's terms (reason and console null: a page cannot learn them). */
  observed: Observation;
  /** Where the browser and the model differ, one line each, in the language of the run (runner/compare.ts's words). */
  disagreements: string[];
  /** Why this browser cannot reproduce the experiment (then no disagreement is reported); null when it can. */
  caveat: string | null;
}

export interface BrowserRun {
  id: string;
  run: string;
  experiment: Experiment;
  startedAt: string;
  seconds: number;
  url: string;
  /** The engine whose model judged the run: the learner's, or Chromium when the page cannot tell. */
  engine: EngineName;
  steps: BrowserStep[];
  /**
   * Set when a runner page did not answer, or the run's journal was evicted ("this run's journal was
   * evicted: ..."): the run has no verdict for the remaining steps.
   */
  failure?: string;
  /**
   * Set when this browser cannot run the experiment at all (it does not trust the lab's https certificate, or the
   * experiment applies to other engines only): no step ran, and there is no verdict.
   */
  cannotRun?: string;
}

/** Run ids asked for at once: a whole catalog run asks the lab a dozen times, not once a run. */
const RUN_ID_BATCH = 16;
/** Issued ids not used yet, and the request filling them, per app origin. */
const unusedRunIds = new Map<string, string[]>();
const refills = new Map<string, Promise<boolean>>();

async function fetchRunIds(app: string): Promise<boolean> {
  try {
    const res = await fetch(`${app}${RUN_IDS_PATH}?count=${RUN_ID_BATCH}`);
    const body = res.ok ? ((await res.json()) as { runs?: unknown }) : {};
    const runs = Array.isArray(body.runs) ? body.runs.filter((run): run is string => typeof run === 'string') : [];
    unusedRunIds.get(app)?.push(...runs);
    return runs.length > 0;
  } catch {
    return false;
  }
}

/**
 * A run id the lab issued (servers/run-ids.ts): only its runs' fetches get a plan's cookies and other
 * lasting headers. A lab that does not answer gets a made-up id: the run still works, and its
 * journal says which lines were withheld and why.
 */
async function issuedRunId(origins: OriginMap): Promise<string> {
  const app = origins.app;
  for (;;) {
    const unused = unusedRunIds.get(app) ?? [];
    unusedRunIds.set(app, unused);
    const run = unused.shift();
    if (run !== undefined) return run;
    let refill = refills.get(app);
    if (!refill) {
      refill = fetchRunIds(app).finally(() => refills.delete(app));
      refills.set(app, refill);
    }
    if (!(await refill)) return newRunId();
  }
}

/** The observable fields only: the reason is the model's alone in a user's browser. */
const OBSERVABLE = (p: StepPrediction) => ({ outcome: p.outcome, preflight: p.preflight, reachedServer: p.reachedServer });

/** How often runInBrowser tries an experiment whose steps the machine kept from running on time. */
const TIMING_ATTEMPTS = 3;

/**
 * Runs the experiment; a run whose steps came too late for what the experiment
 * means (a busy machine: experiments/model/step-clock.ts) tells nothing about
 * the browser, so it runs again, and after the last attempt says why.
 */
export async function runInBrowser(
  experiment: Experiment,
  origins: OriginMap,
  frames: RunnerFrames,
  learner: LearnerEngine = detectEngine(pageClues()),
): Promise<BrowserRun> {
  const notRun = (cannotRun: string): BrowserRun => ({
    id: experiment.id, run: '', experiment, startedAt: new Date().toISOString(), seconds: 0, url: '',
    engine: learner === 'unknown' ? 'chromium' : learner, steps: [], cannotRun,
  });
  const elsewhere = elsewhereOnly(experiment, learner);
  if (elsewhere) return notRun(elsewhere);
  if (usesSecureOrigin(experiment) && !(await secureOriginTrusted(origins))) {
    return notRun(msg(
      str`Cannot run here: your browser does not trust the lab's certificate for ${origins.secure}. Run cors-lab ca on the lab's machine to see how to trust it (a browser on another machine, as in a class, cannot: the certificate names only localhost). cors-lab run runs it in Chromium.`,
      { id: 'runner.untrusted-secure' },
    ));
  }
  for (let attempt = 1; ; attempt++) {
    const { run, timing } = await runOnce(experiment, origins, frames, learner);
    if (timing === null) return run;
    if (attempt === TIMING_ATTEMPTS) {
      return { ...run, failure: msg(str`${timing} (${attempt} attempts on a busy machine)`, { id: 'runner.late' }) };
    }
  }
}

interface TimedRun {
  run: BrowserRun;
  /** Why the run's timing tells nothing (step-clock.ts), or null. */
  timing: string | null;
}

async function runOnce(
  experiment: Experiment,
  origins: OriginMap,
  frames: RunnerFrames,
  learner: LearnerEngine,
): Promise<TimedRun> {
  const started = performance.now();
  const run = await issuedRunId(origins);
  const url = experimentUrl(experiment, origins, run);
  // The model's words in the language the learner reads now; the run keeps them (its log row, its export).
  const lang = currentLanguage();
  const predictions = await predictExperimentAsync(experiment, origins, run, lang);
  const judge = await judgeFor(learner, { experiment, origins, run, url }, lang);
  const judgedPredictions = judge.engine === 'chromium' ? predictions : await judge.predict();
  const caveat = browserAssumptions(experiment, lang).unverifiable;
  const steps: BrowserStep[] = [];
  const result = (failure?: string): BrowserRun => ({
    id: experiment.id,
    run,
    experiment,
    startedAt: new Date(performance.timeOrigin + started).toISOString(),
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
    url,
    engine: judge.engine,
    steps,
    ...(failure ? { failure } : {}),
  });
  const spans: StepSpan[] = [];
  try {
    const driver = framesDriver(frames, origins);
    for await (const done of runSteps({ experiment, origins, run, url, predictions, lang }, driver)) {
      const { step, seen, server, observed, eviction } = done;
      // Evicted (the journal was full, class mode): what the servers saw is unknown, so no verdict,
      // not "never reached".
      if (eviction) return { run: result(problemText({ code: 'journalEvicted', ...eviction }, lang)), timing: null };
      spans.push(done.span);
      const predicted = done.prediction as StepPrediction;
      const judged = judgedPredictions[step.index] ?? predicted;
      const { serverSaw } = observed;
      const differences = caveat ? [] : predictionDifferences(OBSERVABLE(judged), observed);
      const disagreements = differences.map((d) => problemText(d, lang));
      const title = step.title ?? (step.index === 0 ? 'request' : `then ${step.index}`);
      const explanation = done.explanation as Explanation;
      const method = step.request.method;
      steps.push({ title, method, predicted, judged, explanation, seen, server, serverSaw, observed, disagreements, caveat });
    }
  } catch (error) {
    if (error instanceof RunnerError) return { run: result(error.message), timing: null };
    throw error;
  }
  if (spans.length < 2) return { run: result(), timing: null };
  // The judging model asked again on the soonest and the latest clock the measured spans allow.
  const [soonest, latest] = await Promise.all([judge.predict(soonestClock(spans)), judge.predict(latestClock(spans))]);
  return { run: result(), timing: timingProblem(experiment, spans, judgedPredictions, soonest, latest) };
}
