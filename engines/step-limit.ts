/**
 * How long a step may take before it is reported as "no answer": every driver's limit (runner/concurrency.ts
 * re-exports it for the probe and the runner). A limit, never a verdict of CORS.
 */
export const STEP_TIMEOUT_MS = 15_000;
