/**
 * A WebKit learner's judged steps with, for each, the Chromium check names WebKit says with the sentence the step
 * fails on (format/webkit-reason-names.ts): a lesson grades a choice right when WebKit would print the same
 * sentence for it (client/lessons/lesson-reasons.ts). Loaded only in WebKit (engine-judge.ts imports it when the
 * learner's engine is WebKit), so the sentence table stays out of every other browser's first load.
 */
import type { StepPrediction } from '../../experiments/model/prediction.ts';
import { sentenceChecks } from '../../format/webkit-reason-names.ts';
import type { JudgedPrediction } from './engine-judge.ts';

/** `chromium`: Chromium's model of the same steps, which names the check WebKit wraps in its redirect sentence. */
export function withSentenceChecks(
  judged: readonly JudgedPrediction[],
  chromium: readonly StepPrediction[],
): JudgedPrediction[] {
  return judged.map((step, i) => ({
    ...step,
    sameSentence: step.reason === null ? [] : [...sentenceChecks(step.reason, chromium[i]?.reason ?? null)],
  }));
}
