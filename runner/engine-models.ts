/**
 * The model per engine other than Chromium (whose model is the default, runner/run-experiments.ts):
 * the prediction in the engine's flow and words, and the console line it prints. An engine without
 * a model here runs without predictions: its `predicted` is empty and only `expect` is compared
 * (its reason only where `expect.engines.<engine>.reason` names one).
 */
import type { EngineName } from '../engines/engine.ts';
import { firefoxConsoleLines, predictFirefox } from '../experiments/model/engine-firefox.ts';
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { Experiment } from '../experiments/schema.ts';
import type { OriginMap } from '../plan/origins.ts';

export interface EngineModel {
  predict(experiment: Experiment, origins: OriginMap, run: string): Promise<StepPrediction[]>;
  /** The console line the engine prints for each predicted step (null: none), `url` the run's. */
  consoleLines(steps: readonly StepPrediction[], url: string): Array<string | null>;
}

export const ENGINE_MODELS: Partial<Record<EngineName, EngineModel>> = {
  firefox: { predict: predictFirefox, consoleLines: firefoxConsoleLines },
};
