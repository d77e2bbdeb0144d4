/**
 * `cors-lab/model`: the model of the Fetch standard's CORS checks alone. It
 * loads no browser driver (no playwright-core) and no server, so a test or a
 * tool that only predicts starts fast. `cors-lab` re-exports it.
 * https://fetch.spec.whatwg.org/#http-cors-protocol
 */
import { explain as explainStep, type ExplainContext, type Explanation } from '../experiments/model/explain.ts';
import { predictExperimentAsync } from '../experiments/model/predict.ts';
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { ExperimentInput } from '../format/schema.ts';
import { validateExperiments } from '../format/validate.ts';
import type { Language } from '../format/i18n/languages.ts';
import { DEFAULT_PORT_BASE, originMap, originsAtPortBase, type OriginMap } from '../plan/origins.ts';
import { explainAnyOrigin, predictAnyOrigin, type AnyOriginPrediction } from './predict-any-origin.ts';
import type { AnyOriginInput } from './predict-input.ts';

export type { Explanation, ExplainContext } from '../experiments/model/explain.ts';
export type { AnyOriginPrediction, AnyOriginReason } from './predict-any-origin.ts';
export { PredictInputError, type AnyOriginInput, type AnswerInput, type HeadersInput } from './predict-input.ts';
export { ExperimentError } from '../format/validate.ts';
export type { StepPrediction } from '../experiments/model/prediction.ts';
export type { Outcome, Reason } from '../format/reasons.ts';
export type { ExperimentInput } from '../format/schema.ts';
export type { OriginMap } from '../plan/origins.ts';

/**
 * Your own request from any page origin to any URL, and what the server answered (no lab names):
 * what Chromium does with it. A bad field throws PredictInputError naming it; when the request
 * needs a preflight whose answer is not given, the outcome is `incomplete` with `missing: 'preflight'`.
 */
export function predict(input: AnyOriginInput): Promise<AnyOriginPrediction>;
/**
 * The model's prediction for an experiment and each of its `then` steps,
 * without a browser. The experiment is validated first (ExperimentError
 * names the JSON path); origins default to the lab's default port block.
 * Asynchronous because a `server.middleware` (hono/cors, Express `cors`) is
 * run for real, as the lab's servers run it, so the prediction never rests
 * on a re-implementation of the middleware.
 */
export function predict(experiment: ExperimentInput, origins?: OriginMap): Promise<StepPrediction[]>;
export async function predict(
  input: ExperimentInput | AnyOriginInput,
  origins: OriginMap = originMap(originsAtPortBase(DEFAULT_PORT_BASE)),
): Promise<StepPrediction[] | AnyOriginPrediction> {
  // An experiment names its page with `page`; only the plain form has `origin`.
  if (typeof input === 'object' && input !== null && 'origin' in input) return predictAnyOrigin(input);
  const [valid] = validateExperiments(input, 'predict()');
  return valid ? predictExperimentAsync(valid, origins) : [];
}

/** A plain prediction in words, with your URLs: the verdict, Chromium's console line, the fix. */
export function explain(prediction: AnyOriginPrediction): Explanation;
/** One lab step in words (the CLI's and the playground's explanation). */
export function explain(prediction: StepPrediction, context: ExplainContext, lang?: Language): Explanation;
export function explain(
  prediction: AnyOriginPrediction | StepPrediction,
  context?: ExplainContext,
  lang?: Language,
): Explanation {
  if ('explanation' in prediction) return explainAnyOrigin(prediction);
  if (!context) throw new TypeError('explain(step, context): a lab step needs its ExplainContext');
  return explainStep(prediction, context, lang);
}
