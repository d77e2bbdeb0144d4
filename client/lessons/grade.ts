/**
 * Predict first: what a learner answered before running an experiment, when
 * the answer is complete, and how it compares with what their browser did.
 * The browser never tells a page why it blocked a request, so the reason is
 * held to the model of the learner's engine (client/lab/engine-judge.ts; the browser tests hold each model to its
 * engine): a lesson offers Chromium's names, and in Firefox a pick is right when Firefox names that check as it
 * names the one that stops the request (lesson-reasons.ts).
 */
import type { Outcome } from '../../format/reasons.ts';
import type { Prediction } from '../../lessons/schema.ts';
import { QUESTIONS } from '../../lessons/questions.ts';

export type Question = (typeof QUESTIONS)[number];

export interface Answer {
  outcome: Outcome | null;
  reason: string | null;
  ask: Partial<Record<Question, boolean>>;
  /** "Can the page read the header?" */
  readable: boolean | null;
}

export const NO_ANSWER: Answer = { outcome: null, reason: null, ask: {}, readable: null };

/** What the run showed for the predicted step. */
export interface StepSeen {
  outcome: Outcome;
  preflight: boolean;
  reachedServer: boolean;
  cookieSent: boolean;
  /** Lower-case names of the headers the page could read. */
  readableHeaders: readonly string[];
  /** The judging model's reason for a block, in its engine's words (the page cannot learn the browser's). */
  modelReason: string | null;
  /** The lesson's choices that name that reason (in Chromium's words); absent: `modelReason` alone. */
  reasonAnswers?: readonly string[];
}

export type Graded =
  | { question: 'outcome'; answered: Outcome; actual: Outcome; right: boolean }
  | { question: 'reason'; answered: string; actual: string | null; right: boolean }
  | { question: Question | 'readable'; answered: boolean; actual: boolean; right: boolean };

/** Is the reason asked for this answer? Only when the lesson offers reasons and the learner says blocked. */
export function asksReason(prediction: Prediction, answer: Answer): boolean {
  return prediction.reasons !== undefined && answer.outcome === 'blocked';
}

/** Every question the lesson asks for this experiment has an answer. */
export function isComplete(prediction: Prediction, answer: Answer): boolean {
  if (answer.outcome === null) return false;
  if (asksReason(prediction, answer) && answer.reason === null) return false;
  if ((prediction.ask ?? []).some((q) => answer.ask[q] === undefined)) return false;
  return prediction.readable === undefined || answer.readable !== null;
}

/** Each answered question against the run, in the order they were asked. */
export function grade(prediction: Prediction, answer: Answer, seen: StepSeen): Graded[] {
  if (answer.outcome === null) return [];
  const graded: Graded[] = [{ question: 'outcome', answered: answer.outcome, actual: seen.outcome, right: answer.outcome === seen.outcome }];
  // A reason is only comparable when both the learner and the browser say blocked, and a choice names it in the
  // judging engine's words (Firefox names no reason for a block that is no CORS failure).
  const named = seen.reasonAnswers === undefined || seen.reasonAnswers.length > 0;
  if (asksReason(prediction, answer) && answer.reason !== null && seen.outcome === 'blocked' && named) {
    const right = (seen.reasonAnswers ?? [seen.modelReason]).includes(answer.reason);
    graded.push({ question: 'reason', answered: answer.reason, actual: seen.modelReason, right });
  }
  for (const q of prediction.ask ?? []) {
    const answered = answer.ask[q];
    if (answered !== undefined) graded.push({ question: q, answered, actual: seen[q], right: answered === seen[q] });
  }
  if (prediction.readable !== undefined && answer.readable !== null) {
    const actual = seen.readableHeaders.includes(prediction.readable.toLowerCase());
    graded.push({ question: 'readable', answered: answer.readable, actual, right: answer.readable === actual });
  }
  return graded;
}
