/**
 * When the steps of an experiment really ran. The preflight cache keeps an
 * entry for Access-Control-Max-Age seconds (5 by default), the HTTP cache for
 * a response's freshness lifetime, so what a later step finds depends on the
 * time that passed, not on the `delayMs` it asked for: a busy machine
 * stretches every gap, and "at once" may come after the 5 s default ran out.
 * https://fetch.spec.whatwg.org/#cors-preflight-cache
 *
 * A runner cannot see the instant the browser stored or looked up an entry,
 * only that it happened while the step's call was under way: between `start`
 * (just before the call) and `end` (once it settled). So it asks the model
 * twice, on the soonest and on the latest clock those spans allow. When both
 * agree with the model on the experiment's own clock (the `delayMs` only),
 * the steps ran as the experiment means, whatever the load; when not, no
 * verdict can be taken from the run, and the runner runs it again.
 */
import type { Experiment } from '../../format/schema.ts';
import type { StepPrediction } from './prediction.ts';

/** One step's call, in milliseconds on one clock (performance.now()). */
export interface StepSpan {
  start: number;
  end: number;
}

/** The experiment's own clock: each step `delayMs` after the previous one, the requests taking no time. */
export function plannedClock(experiment: Pick<Experiment, 'then'>): number[] {
  let now = 0;
  return [0, ...(experiment.then ?? []).map((step) => (now += step.delayMs ?? 0))];
}

/**
 * The least time between any two steps the spans allow: only the gaps between
 * calls count (step j's events happen no later than its end, step i's no
 * sooner than its start, so at least start[i] - end[j] passed between them).
 */
export function soonestClock(spans: readonly StepSpan[]): number[] {
  let now = 0;
  return spans.map((span, i) => (i === 0 ? 0 : (now += span.start - (spans[i - 1] as StepSpan).end)));
}

/**
 * The most time between any two steps the spans allow: from step j's start to
 * step i's end. Adding each earlier call's duration once more keeps that true
 * for every pair, not only for neighbours.
 */
export function latestClock(spans: readonly StepSpan[]): number[] {
  const first = spans[0]?.start ?? 0;
  let durations = 0;
  return spans.map((span) => {
    const now = span.end - first + durations;
    durations += span.end - span.start;
    return now;
  });
}

/**
 * Null when the predictions on the soonest and the latest measured clock are
 * those on the experiment's own clock: the run tells what the experiment
 * asks. Otherwise a sentence naming the first step the measured time changed.
 */
export function timingProblem(
  experiment: Pick<Experiment, 'then'>,
  spans: readonly StepSpan[],
  planned: readonly StepPrediction[],
  soonest: readonly StepPrediction[],
  latest: readonly StepPrediction[],
): string | null {
  const same = (a: StepPrediction | undefined, b: StepPrediction | undefined): boolean =>
    JSON.stringify(a) === JSON.stringify(b);
  const index = planned.findIndex((p, i) => !same(p, soonest[i]) || !same(p, latest[i]));
  if (index < 1) return null;
  const low = soonestClock(spans)[index] ?? 0;
  const high = latestClock(spans)[index] ?? 0;
  const meant = plannedClock(experiment)[index] ?? 0;
  return (
    `then[${index - 1}] ran ${Math.round(low)}-${Math.round(high)} ms after the first request, not the ${meant} ms ` +
    'the experiment means, and that changes what the browser has cached: no verdict from this run'
  );
}
