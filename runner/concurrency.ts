/**
 * How many experiments a run takes on at once by default, in a module of its own so that
 * `cors-lab run --help` prints it without loading the runner (and the browser driver).
 * Measured on a 2-core machine: more slots only add renderer processes that compete for the cores.
 */
export const DEFAULT_CONCURRENCY = 3;

/** How long a step may take before it is reported as "no answer" (every engine's; the probe reads it here). */
export { STEP_LIMIT_MESSAGE, STEP_TIMEOUT_MS } from '../engines/step-limit.ts';
