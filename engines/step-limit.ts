/**
 * How long a step may take before it is reported as "no answer": every driver's limit (runner/concurrency.ts
 * re-exports it for the probe and the runner). A limit, never a verdict of CORS.
 */
export const STEP_TIMEOUT_MS = 15_000;

/**
 * What a step that reached the limit reports as the page's error, in every driver: the bound ended a hang, and
 * says so, so it never reads as a verdict (not "blocked by CORS", not "not reached"). The words are the same
 * whatever the load: they name the bound, not how long the step really took.
 */
export const STEP_LIMIT_MESSAGE =
  `no answer within ${STEP_TIMEOUT_MS / 1000} s: the step limit, a bound on a hang, not a verdict`;
