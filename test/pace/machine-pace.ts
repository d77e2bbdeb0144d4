/**
 * How much longer than on a quiet machine the tests may take now: a factor
 * for time limits only (a test's timeout, an assertion's patience), never for
 * a verdict. A class laptop or a shared CI box at load 12 runs everything
 * several times slower; a limit sized for a quiet machine then fails tests
 * that are right.
 *
 * CORS_LAB_TIME_FACTOR sets it (a number >= 1); otherwise it is measured: the
 * one-minute load average per core, between 1 and MAX_FACTOR, taken when the
 * suite starts and again whenever a limit is set (a test file's limits are set
 * as it loads), the larger of the two: load that arrives during a run (another
 * suite, a class) stretches the limits of the files that run under it. CI=true
 * counts as at least CI_FACTOR, since a CI runner's neighbours do not show in
 * its load average.
 */
import { availableParallelism, loadavg } from 'node:os';

export const TIME_FACTOR_ENV = 'CORS_LAB_TIME_FACTOR';
const MAX_FACTOR = 8;
const CI_FACTOR = 2;

export interface PaceInputs {
  env: Record<string, string | undefined>;
  load: number;
  cores: number;
}

/** The factor for these inputs; a malformed CORS_LAB_TIME_FACTOR is an error naming the variable. */
export function paceFactor({ env, load, cores }: PaceInputs): number {
  const set = env[TIME_FACTOR_ENV];
  if (set !== undefined && set !== '') {
    const factor = Number(set);
    if (!Number.isFinite(factor) || factor < 1) throw new Error(`${TIME_FACTOR_ENV}: expected a number >= 1, got ${JSON.stringify(set)}`);
    return factor;
  }
  const measured = Math.min(MAX_FACTOR, Math.max(1, load / Math.max(1, cores)));
  return env.CI === 'true' ? Math.max(CI_FACTOR, measured) : measured;
}

const factorNow = (): number => paceFactor({ env: process.env, load: loadavg()[0] ?? 0, cores: availableParallelism() });

/** The factor when the suite started. */
export const PACE = factorNow();

/** A time limit sized for a quiet machine, stretched for this one as it is now (never less than at the start). */
export const paced = (ms: number): number => Math.round(ms * Math.max(PACE, factorNow()));
