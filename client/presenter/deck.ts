/**
 * A lesson as the presenter steps through it: the same steps the lesson view
 * numbers (`<cors-lab-lesson step>`): 0 the narrative, 1..n the experiments
 * in the lesson's order, n+1 the fix-it. Each step carries what only the
 * presenter sees: the answer the learners are about to predict, or the
 * fix-it's solution. The lesson's speaker notes belong to the whole lesson
 * (the format has no per-step notes), so the deck keeps them once.
 */
import type { Experiment } from '../../format/schema.ts';
import type { Outcome, Reason } from '../../format/reasons.ts';
import type { FixIt } from '../../lessons/schema.ts';
import type { ShownLesson } from '../../lessons/shown-lesson.ts';

/** What the browser does on the predicted step, as the catalog records it (held to Chromium by the catalog tests). */
export interface Answer {
  outcome: Outcome;
  reason: Reason | null;
}

export type DeckStep =
  | { kind: 'narrative'; title: string }
  | { kind: 'experiment'; experimentId: string; title: string; answer: Answer | null }
  | { kind: 'fix-it'; experimentId: string; title: string; goal: string; solution: FixIt['solution'] };

export interface Deck {
  lessonId: string;
  title: string;
  /** Planned workshop time for the lesson, talk and exercises included. */
  minutes: number;
  /** The speaker notes, each as safe HTML (rendered at build time). */
  notesHtml: readonly string[];
  steps: readonly DeckStep[];
}

/** The predicted step's expectation: 0 is the request, k the k-th `then` step. */
function answerOf(experiment: Experiment, step: number): Answer | null {
  const expected = step === 0 ? experiment.expect : experiment.then?.[step - 1]?.expect;
  if (!expected?.outcome) return null;
  return { outcome: expected.outcome, reason: expected.reason ?? null };
}

/**
 * The deck of `lesson`; `experiments` supplies titles and answers (the
 * catalog, or a translated copy of it). An experiment missing there keeps
 * its id as title: the lesson loader's catalog check reports it, the
 * presenter still steps.
 */
export function deckOf(
  lesson: Pick<ShownLesson, 'id' | 'title' | 'minutes' | 'experiments' | 'predict' | 'fixIt' | 'speakerNotesHtml'>,
  experiments: readonly Experiment[]): Deck {
  const byId = new Map(experiments.map((e) => [e.id, e]));
  const steps: DeckStep[] = [{ kind: 'narrative', title: lesson.title }];
  for (const id of lesson.experiments) {
    const experiment = byId.get(id);
    steps.push({ kind: 'experiment', experimentId: id, title: experiment?.title ?? id, answer: experiment ? answerOf(experiment, lesson.predict[id]?.step ?? 0) : null });
  }
  const fix = lesson.fixIt;
  steps.push({ kind: 'fix-it', experimentId: fix.experiment, title: byId.get(fix.experiment)?.title ?? fix.experiment, goal: fix.goal, solution: fix.solution });
  const { id: lessonId, title, minutes, speakerNotesHtml: notesHtml } = lesson;
  return { lessonId, title, minutes, notesHtml, steps };
}

/** The nearest step that exists: a step from a message, a URL or storage may be anything. */
export function clampStep(deck: Deck, step: number): number {
  if (!Number.isFinite(step)) return 0;
  return Math.min(Math.max(Math.trunc(step), 0), deck.steps.length - 1);
}

/** A step kept in sessionStorage, read back for `deck`: text that is no whole number is no step (null), an old step past the end is the last one. */
export function parseStoredStep(deck: Deck, text: string | null): number | null {
  if (text === null || !/^\d{1,3}$/.test(text)) return null;
  return clampStep(deck, Number(text));
}

/** One step forward (1) or back (-1), staying on the first or last step at the ends. */
export function stepFrom(deck: Deck, step: number, direction: 1 | -1): number {
  return clampStep(deck, clampStep(deck, step) + direction);
}

/** Header edits as the lines a learner would type, one per value; a removed header is its name, flagged `removed`. */
export function solutionLines(solution: FixIt['solution']): { answer: 'preflight' | 'actual'; line: string; removed: boolean }[] {
  const lines: { answer: 'preflight' | 'actual'; line: string; removed: boolean }[] = [];
  for (const answer of ['preflight', 'actual'] as const) {
    for (const [name, value] of Object.entries(solution[answer] ?? {})) {
      if (value === null) lines.push({ answer, line: name, removed: true });
      else for (const v of Array.isArray(value) ? value : [value]) lines.push({ answer, line: `${name}: ${v}`, removed: false });
    }
  }
  return lines;
}
