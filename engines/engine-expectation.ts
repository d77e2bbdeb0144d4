/**
 * What an engine other than Chromium is held to for one step (format 1.2 `expect.engines`): the main `expect`
 * says what Chromium does, so where the engine's model deviates from Chromium's (DEVIATIONS.md) the engine is held
 * to its own model instead. One rule for every way of running an engine: `cors-lab run --browser` in Firefox or
 * WebKit (runner/run-in-engine.ts) and the playground in the learner's own Firefox or Safari
 * (client/lab/run-report.ts).
 */
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { Expectation } from '../format/schema.ts';
import type { EngineName } from './engine.ts';

/**
 * The fields the model and the engine must agree on beyond outcome, reason, preflight and reachedServer
 * (runner/compare.ts): what the servers received, the status and the response type.
 */
export const SERVER_FIELDS = ['originSeen', 'requestHeadersSeen', 'cookieSent', 'status', 'responseType'] as const;

const DEVIATION_FIELDS = ['outcome', 'preflight', 'reachedServer', ...SERVER_FIELDS] as const;

/**
 * The expectation for `engine`: its own fields over the main ones; the main `reason` is Chromium's vocabulary,
 * so another engine's reason is held to its model instead.
 */
export function expectationFor(
  engine: EngineName,
  expectation: Expectation | undefined,
  deviating: ReadonlySet<string> = new Set(),
): Expectation | undefined {
  if (!expectation || engine === 'chromium') return expectation;
  const { engines, reason: _chromiumReason, ...main } = expectation;
  const shared = Object.fromEntries(Object.entries(main).filter(([field]) => !deviating.has(field)));
  // The engine's reason is in its own vocabulary; compareExpectation compares reasons as strings.
  return { ...shared, ...(engine === 'firefox' ? engines?.firefox : engines?.webkit) } as Expectation;
}

/**
 * The facts on which the engine's model and Chromium's differ for a step (a deviation, DEVIATIONS.md): the main
 * `expect` says what Chromium does there, so the engine is held to its own model on them instead.
 */
export function deviatingFields(engine: StepPrediction | undefined, chromium: StepPrediction | undefined): Set<string> {
  if (!engine || !chromium) return new Set();
  return new Set(DEVIATION_FIELDS.filter((field) => engine[field] !== chromium[field]));
}
