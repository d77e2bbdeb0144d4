/**
 * The model per engine other than Chromium (whose model is the default, runner/run-experiments.ts):
 * the prediction in the engine's flow (experiments/model/engine-rules.ts) and words, with the console
 * line it prints. An engine without a model here would run without predictions: its `predicted`
 * empty, only `expect` compared (its reason only where `expect.engines.<engine>.reason` names one).
 */
import type { EngineName } from '../engines/engine.ts';
import { experimentSteps } from '../engines/steps.ts';
import { firefoxConsoleLines, predictFirefox } from '../experiments/model/engine-firefox.ts';
import { WEBKIT_RULES, webkitPredictions } from '../experiments/model/engine-webkit.ts';
import { predictExperimentAsync } from '../experiments/model/predict.ts';
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { Experiment } from '../format/schema.ts';
import type { OriginMap } from '../plan/origins.ts';
import { serializedPageOrigin } from '../plan/page-origin.ts';

/** A step as an engine's model predicts it, with the console line the engine prints (null: none). */
export type EnginePrediction = StepPrediction & { console: string | null };

/**
 * `url`: the run's URL (experimentUrl), which the engine's console lines name. `clock`: when each step ran, in ms
 * after the first (experiments/model/step-clock.ts); absent, the experiment's own `delayMs`.
 */
export type EngineModel = (
  experiment: Experiment,
  origins: OriginMap,
  run: string,
  url: string,
  clock?: readonly number[],
) => Promise<EnginePrediction[]>;

const firefox: EngineModel = async (experiment, origins, run, url, clock) => {
  const steps = await predictFirefox(experiment, origins, run, clock);
  const lines = firefoxConsoleLines(steps, url);
  return steps.map((step, i) => ({ ...step, console: lines[i] ?? null }));
};

async function webkit(
  experiment: Experiment,
  origins: OriginMap,
  run: string,
  _url: string,
  clock?: readonly number[],
): Promise<EnginePrediction[]> {
  const flow = await predictExperimentAsync(experiment, origins, run, 'en', clock, WEBKIT_RULES);
  const pages = experimentSteps(experiment).map((step) => serializedPageOrigin(step.page, origins));
  return webkitPredictions(experiment, flow, pages);
}

export const ENGINE_MODELS: Partial<Record<EngineName, EngineModel>> = { firefox, webkit };
