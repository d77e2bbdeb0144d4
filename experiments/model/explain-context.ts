/**
 * The one place a step's ExplainContext is built (headless runner, playground,
 * the prediction panel). The method is the preflight's when the step's last
 * request was one: its `Access-Control-Request-Method` is what the browser
 * checked against `Access-Control-Allow-Methods` and names in its message,
 * the byte-uppercased method for the six Fetch normalizes (`put` becomes `PUT`).
 * https://fetch.spec.whatwg.org/#concept-method-normalize
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
import type { ResolvedRequest } from '../../format/format-defaults.ts';
import type { Language } from '../../format/i18n/languages.ts';
import { explain, type ExplainContext, type Explanation } from './explain.ts';
import type { StepPrediction } from './prediction.ts';

export interface StepContext {
  /** The URL the page asked for. */
  url: string;
  /** The page's serialized origin ("null" for an opaque page). */
  pageOrigin: string;
  /** What the explanation reads of the request (a probe's request is not a lab plan's). */
  request: Pick<ResolvedRequest, 'api' | 'method' | 'credentials' | 'targetAddressSpace'> & Pick<Partial<ResolvedRequest>, 'targetOrigin'>;
}

export function explainContext(prediction: Pick<StepPrediction, 'requests'>, step: StepContext): ExplainContext {
  const { url, pageOrigin, request } = step;
  return {
    url,
    pageOrigin,
    api: request.api,
    method: prediction.requests.at(-1)?.accessControlRequestMethod ?? request.method,
    // A beacon always includes credentials (sending.ts).
    credentialsInclude: request.credentials === 'include' || request.api === 'beacon',
    targetAddressSpace: request.targetAddressSpace,
    ...(request.targetOrigin === undefined ? {} : { targetOrigin: request.targetOrigin }),
  };
}

/**
 * The words for one step, as every way of running a step explains it: a prediction (runner, playground) or what the
 * browser did over what the model predicted (probe).
 */
export function explainStep(facts: StepPrediction, step: StepContext, lang?: Language): Explanation {
  return explain(facts, explainContext(facts, step), lang);
}
