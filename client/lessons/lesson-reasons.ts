/**
 * What a lesson's experiment is graded against in the learner's browser: what the browser and the servers observed,
 * and for the reason (which no page learns) the model of the learner's engine (client/lab/engine-judge.ts), so a
 * learner in Firefox is graded against what Firefox does where it differs from Chromium
 * (experiments/model/DEVIATIONS.md). A lesson offers Chromium's names for the checks; in Firefox a choice is right
 * when Firefox names that check as it names the one that stops the request (format/firefox-reason-names.ts), in
 * WebKit when WebKit says that check with the sentence that stops it (format/webkit-reason-names.ts).
 */
import type { EngineName } from '../../format/engine-names.ts';
import { firefoxNameOf } from '../../format/firefox-reason-names.ts';
import type { StepPrediction } from '../../experiments/model/prediction.ts';
import type { JudgedPrediction } from '../lab/engine-judge.ts';
import type { BrowserStep } from '../lab/run-in-browser.ts';
import type { StepSeen } from './grade.ts';

/**
 * The lesson's choices that name `judged`'s reason in `engine`'s words: in Chromium its own name; in Firefox every
 * choice Firefox gives the same name; in WebKit every choice WebKit says with the same sentence (one sentence for a
 * missing, mismatched or invalid Access-Control-Allow-Origin). `chromium`: Chromium's model of the step, which names
 * the check WebKit wraps in its sentence about a redirect.
 */
export function reasonAnswers(
  engine: EngineName,
  offered: readonly string[],
  judged: JudgedPrediction,
  chromium: StepPrediction,
): { word: string | null; answers: string[] } {
  if (engine === 'firefox') {
    const word = judged.reason;
    return { word, answers: word === null ? [] : offered.filter((reason) => firefoxNameOf(reason) === word) };
  }
  if (engine === 'webkit') {
    // The names come with the judged step (client/lab/webkit-judged.ts), so the sentence table loads only in WebKit.
    const said = judged.sameSentence ?? [];
    return { word: judged.reason, answers: offered.filter((reason) => said.includes(reason)) };
  }
  const word = chromium.reason;
  return { word, answers: word === null ? [] : [word] };
}

/**
 * The step as the lesson grades it. Where this browser cannot reproduce the experiment (a caveat: the lab's
 * "public" page is loopback here), the judging model's facts stand in for the observed ones.
 */
export function lessonStepSeen(step: BrowserStep, engine: EngineName, offered: readonly string[] = []): StepSeen {
  const { judged } = step;
  const facts = step.caveat
    ? { outcome: judged.outcome, preflight: judged.preflight, reachedServer: judged.reachedServer,
        cookieSent: judged.cookieSent, readableHeaders: judged.readableHeaders }
    : { outcome: step.seen.outcome, preflight: step.observed.preflight, reachedServer: step.observed.reachedServer,
        cookieSent: step.observed.cookieSent, readableHeaders: Object.keys(step.seen.readableHeaders) };
  const { word, answers } = reasonAnswers(engine, offered, judged, step.predicted);
  return { ...facts, modelReason: word, reasonAnswers: answers };
}

/** Where the judging engine's model and Chromium's differ on this step: the facts a lesson asks about. */
const ASKED = ['outcome', 'reason', 'preflight', 'reachedServer', 'cookieSent'] as const;

export function engineDifferences(step: BrowserStep): Array<(typeof ASKED)[number]> {
  const { judged, predicted } = step;
  return ASKED.filter((field) => judged[field] !== predicted[field]);
}
