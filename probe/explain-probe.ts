/**
 * The explanation of a probed CORS block, from the headers the user's server
 * really sent: those headers become a lab plan, the model (which follows
 * Chromium) walks the same checks over them, and the model's explain() words
 * the result and the fix. Chromium's own facts (reason, failed parameter,
 * preflight) win wherever the two could differ.
 */
import { headerMap, type HeaderMap } from '../format/headers.ts';
import { experimentSchema, REDIRECT_STATUSES, type Experiment } from '../format/schema.ts';
import type { Explanation } from '../experiments/model/explain.ts';
import { explainStep } from '../experiments/model/explain-context.ts';
import { predictExperiment } from '../experiments/model/predict.ts';
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { StepFacts } from '../format/step-facts.ts';
import type { OriginMap } from '../plan/origins.ts';
import type { WireResponse } from '../runner/cdp-watch.ts';
import type { FrameworkUsed } from './framework.ts';
import { frameworkFix, frameworkFixText } from './framework-fix.ts';
import type { ProbeFix } from './probe-fix.ts';
import type { ProbeRequest } from './probe-options.ts';

/**
 * Only the headers the CORS checks read (and a preflight's Location: any
 * redirect fails a preflight, wherever it points; and the actual answer's
 * Vary, so a fix never asks for a Vary the server sends); the plan refuses
 * framing headers, and the model needs no others.
 */
const corsHeaders = (response: WireResponse, names: RegExp): HeaderMap => headerMap(response.headers.filter(([name]) => names.test(name)));

/** A followed redirect cannot be replayed: the next hop is not the lab's. */
const isRedirect = (response: WireResponse | null): boolean =>
  response !== null && (REDIRECT_STATUSES as readonly number[]).includes(response.status) && response.headers.some(([n]) => n.toLowerCase() === 'location');

/**
 * The probed exchange as a lab experiment: its plan is what the server sent.
 * The model predicts it; a whole-plan fixer can take it as it is.
 */
export interface Replay {
  experiment: Experiment;
  origins: OriginMap;
  prediction: StepPrediction;
}

/** The model's prediction for this request against the headers the server sent; null when they cannot be replayed. */
export function replayWire(request: ProbeRequest, wire: { preflight: WireResponse | null; actual: WireResponse | null }): Replay | null {
  if (isRedirect(wire.actual)) return null;
  const answer = (response: WireResponse | null, names: RegExp) => (response ? { status: response.status, headers: corsHeaders(response, names) } : undefined);
  const parsed = experimentSchema.safeParse({
    id: 'probe',
    title: `probe ${request.url}`,
    group: 'probe',
    page: 'app',
    request: { target: 'api', method: request.method, headers: headerMap(request.headers), body: request.body, mode: request.mode, credentials: request.credentials },
    server: { preflight: answer(wire.preflight, /^(access-control-|location$)/i), actual: answer(wire.actual, /^(access-control-|vary$)/i) },
  });
  // Values with plan tokens ("{page}") or statuses the plan does not take cannot be replayed.
  const sent = [...(wire.preflight?.headers ?? []), ...(wire.actual?.headers ?? [])];
  if (!parsed.success || sent.some(([, value]) => value.includes('{'))) return null;
  const target = new URL(request.url).origin;
  // The page's origin and the user's server stand in for the lab's "app" and "api"; the other names are unused.
  const origins: OriginMap = { app: request.origin, api: target, api2: 'http://api2.invalid', partner: 'http://partner.invalid', evil: 'http://evil.invalid', public: 'http://public.invalid', secure: 'https://secure.invalid' };
  const [prediction] = predictExperiment(parsed.data, origins, 'probe');
  if (!prediction) return null;
  // The model's URLs carry the plan; the user knows their own URL.
  return { experiment: parsed.data, origins, prediction: { ...prediction, requests: prediction.requests.map((r) => ({ ...r, url: request.url })) } };
}

/** Chromium's facts over the model's; the model fills what Chromium does not say. */
export function explainCors(request: ProbeRequest, observed: StepFacts & { responseType: StepPrediction['responseType']; readableHeaders: string[] }, prediction: StepPrediction | null): Explanation {
  const facts: StepPrediction = { requests: [], checks: [], ...prediction, ...observed };
  const step = { api: 'fetch', method: request.method, credentials: request.credentials, targetAddressSpace: undefined } as const;
  return explainStep(facts, { url: request.url, pageOrigin: request.origin, request: step });
}

/**
 * The complete fix of a blocked probe: every header change on every response (preflight and actual answer)
 * that the model needs before the request is allowed, not only the first check that failed, in the terms of
 * the user's framework (framework-fix.ts). Tokens are written out: the user's server has no `{page}`.
 */
export function withProbeFix(explanation: Explanation, fix: ProbeFix | null, used: FrameworkUsed, url: string): Explanation {
  const written = fix ? frameworkFix(fix, used, url) : null;
  return written ? { ...explanation, fix: frameworkFixText(written) } : explanation;
}
