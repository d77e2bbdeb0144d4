/**
 * A run in the learner's Firefox or WebKit as the playground records it, for Node tests: each step's Chromium
 * prediction and that engine's model's (`judged`), and what the page and the servers saw taken as that model predicts
 * it (runner/run-browsers.test.ts holds the models to real Firefox and WebKit over the catalog).
 */
import { catalog } from '../../experiments/catalog/index.ts';
import type { EngineName } from '../../format/engine-names.ts';
import { experimentUrl, predictExperimentAsync } from '../../experiments/model/predict.ts';
import { originMap, originsAtPortBase, type OriginMap } from '../../plan/origins.ts';
import { ENGINE_MODELS } from '../../runner/engine-models.ts';
import type { BrowserRun, BrowserStep } from '../lab/run-in-browser.ts';
import type { JudgedPrediction } from '../lab/engine-judge.ts';
import { withSentenceChecks } from '../lab/webkit-judged.ts';

export const ORIGINS: OriginMap = originMap(originsAtPortBase(5310));
const RUN = 'lesson-engine-run';

function stepOf(predicted: JudgedPrediction, judged: JudgedPrediction, explanation: BrowserStep['explanation']) {
  const { outcome, preflight, reachedServer, cookieSent, status } = judged;
  const readableHeaders = Object.fromEntries(judged.readableHeaders.map((name) => [name, '']));
  const step: BrowserStep = {
    title: 'request', method: 'GET', predicted, judged, explanation, caveat: null, disagreements: [], serverSaw: [],
    seen: { outcome, status, responseType: null, readableHeaders, body: null, error: null, pageOrigin: '' },
    server: { preflight, reachedServer, originSeen: null, requestHeadersSeen: null, cookieSent, serverStatus: null },
    observed: {
      outcome, reason: null, failedParameter: null, preflight, reachedServer, status, responseType: null,
      readableHeaders, originSeen: null, requestHeadersSeen: null, cookieSent, console: null, pageError: null,
      serverSaw: [],
    },
  };
  return step;
}

/** The catalog experiment `id` run in `engine`, seen as that engine's model predicts it. */
export async function modelRun(id: string, engine: EngineName): Promise<BrowserRun> {
  const experiment = catalog.find((e) => e.id === id);
  if (!experiment) throw new Error(`no catalog experiment ${id}`);
  const url = experimentUrl(experiment, ORIGINS, RUN);
  const chromium = await predictExperimentAsync(experiment, ORIGINS, RUN, 'en');
  const model = engine === 'chromium' ? undefined : ENGINE_MODELS[engine];
  const modelled = model ? await model(experiment, ORIGINS, RUN, url) : chromium;
  // As judgeFor gives a WebKit learner's steps (client/lab/engine-judge.ts).
  const judged = engine === 'webkit' ? withSentenceChecks(modelled, chromium) : modelled;
  const steps = chromium.map((predicted, i) => {
    // The explanation's words are not what these tests read.
    const explanation = { verdict: '', console: null, fix: null, mdn: null, firefox: null };
    return stepOf(predicted, judged[i] ?? predicted, explanation);
  });
  return { id, run: RUN, experiment, startedAt: '', seconds: 0, url, engine, steps };
}
