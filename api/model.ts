/**
 * `cors-lab/model`: the model of the Fetch standard's CORS checks alone. It
 * loads no browser driver (no playwright-core) and no server, so a test or a
 * tool that only predicts starts fast. `cors-lab` re-exports it.
 * https://fetch.spec.whatwg.org/#http-cors-protocol
 */
import { predictExperimentAsync } from '../experiments/model/predict.ts';
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { ExperimentInput } from '../experiments/schema.ts';
import { validateExperiments } from '../experiments/validate.ts';
import { DEFAULT_PORT_BASE, originMap, originsAtPortBase, type OriginMap } from '../plan/origins.ts';

export { explain, type Explanation, type ExplainContext } from '../experiments/model/explain.ts';
export { ExperimentError } from '../experiments/validate.ts';
export type { StepPrediction } from '../experiments/model/prediction.ts';
export type { Outcome, Reason } from '../experiments/reasons.ts';
export type { ExperimentInput } from '../experiments/schema.ts';
export type { OriginMap } from '../plan/origins.ts';

/**
 * The model's prediction for an experiment and each of its `then` steps,
 * without a browser. The experiment is validated first (ExperimentError
 * names the JSON path); origins default to the lab's default port block.
 * Asynchronous because a `server.middleware` (hono/cors, Express `cors`) is
 * run for real, as the lab's servers run it, so the prediction never rests
 * on a re-implementation of the middleware.
 */
export async function predict(
  experiment: ExperimentInput,
  origins: OriginMap = originMap(originsAtPortBase(DEFAULT_PORT_BASE)),
): Promise<StepPrediction[]> {
  const [valid] = validateExperiments(experiment, 'predict()');
  return valid ? predictExperimentAsync(valid, origins) : [];
}
