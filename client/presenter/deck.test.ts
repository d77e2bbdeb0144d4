import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { lessons } from '../../lessons/index.ts';
import { renderLesson } from '../../lessons/render-lesson.ts';
import { LESSON_LANGUAGES } from '../../lessons/schema.ts';
import { clampStep, deckOf, parseStoredStep, solutionLines, stepFrom } from './deck.ts';

const preflight = lessons.en.find((l) => l.id === 'the-preflight')!;

describe('deckOf', () => {
  it('numbers the steps as the lesson view does: narrative, each experiment in order, then the fix-it', () => {
    for (const lang of LESSON_LANGUAGES) {
      for (const lesson of lessons[lang]) {
        const deck = deckOf(renderLesson(lesson), catalog);
        expect(deck.steps.map((s) => s.kind)).toEqual(['narrative', ...lesson.experiments.map(() => 'experiment'), 'fix-it']);
        expect(deck.steps.slice(1, -1).map((s) => ('experimentId' in s ? s.experimentId : null))).toEqual(lesson.experiments);
        // Each note as HTML (rendered at build time), one paragraph each.
        expect(deck.notesHtml).toHaveLength(lesson.speakerNotes.length);
        deck.notesHtml.forEach((note) => expect(note).toMatch(/^<p>[^]*<\/p>\n?$/u));
        expect(deck.minutes).toBe(lesson.minutes);
      }
    }
  });

  it("gives every experiment step the catalog's answer for the step the learner predicts", () => {
    for (const lesson of lessons.en) {
      for (const step of deckOf(renderLesson(lesson), catalog).steps) {
        if (step.kind !== 'experiment') continue;
        const experiment = catalog.find((e) => e.id === step.experimentId)!;
        const predicted = lesson.predict[step.experimentId]?.step ?? 0;
        const expected = predicted === 0 ? experiment.expect : experiment.then?.[predicted - 1]?.expect;
        expect(step.answer, `${lesson.id} ${step.experimentId}`).toEqual({ outcome: expected?.outcome, reason: expected?.reason ?? null });
      }
    }
  });

  it('answers the predicted later step, not the first one, when the lesson predicts a then-step', () => {
    const lesson = lessons.en.find((l) => Object.values(l.predict).some((p) => (p.step ?? 0) > 0))!;
    const [id] = Object.entries(lesson.predict).find(([, p]) => (p.step ?? 0) > 0)!;
    const experiment = catalog.find((e) => e.id === id)!;
    const step = deckOf(renderLesson(lesson), catalog).steps.find((s) => s.kind === 'experiment' && s.experimentId === id);
    expect(step).toMatchObject({ answer: { outcome: experiment.then![lesson.predict[id]!.step! - 1]!.expect!.outcome } });
  });

  it('keeps stepping when an experiment is missing from the list given: its id is the title, no answer', () => {
    const deck = deckOf(renderLesson(preflight), []);
    expect(deck.steps[1]).toEqual({ kind: 'experiment', experimentId: preflight.experiments[0], title: preflight.experiments[0], answer: null });
    expect(deck.steps.at(-1)).toMatchObject({ kind: 'fix-it', title: preflight.fixIt.experiment, goal: preflight.fixIt.goal });
  });
});

describe('stepping', () => {
  const deck = deckOf(renderLesson(preflight), catalog);
  const last = deck.steps.length - 1;

  it('moves one step and stays put at either end', () => {
    expect(stepFrom(deck, 0, 1)).toBe(1);
    expect(stepFrom(deck, 3, -1)).toBe(2);
    expect(stepFrom(deck, 0, -1)).toBe(0);
    expect(stepFrom(deck, last, 1)).toBe(last);
  });

  it('clamps any number to a step that exists', () => {
    for (const [given, want] of [[-5, 0], [2.7, 2], [last + 40, last], [Number.NaN, 0], [Number.POSITIVE_INFINITY, 0]] as const) expect(clampStep(deck, given), String(given)).toBe(want);
  });
});

describe('parseStoredStep', () => {
  it('reads back a stored step, clamps an old one past the end, and refuses anything else', () => {
    const deck = deckOf(renderLesson(preflight), catalog);
    const last = deck.steps.length - 1;
    expect(parseStoredStep(deck, '2')).toBe(2);
    expect(parseStoredStep(deck, '0')).toBe(0);
    expect(parseStoredStep(deck, '99')).toBe(last);
    for (const text of [null, '', '-1', '1.5', ' 2', '2x', 'NaN', '1e2', '1234']) expect(parseStoredStep(deck, text), String(text)).toBeNull();
  });
});

describe('solutionLines', () => {
  it('lists each value of each edited header, and removals, per answer', () => {
    expect(solutionLines({ preflight: { 'Access-Control-Allow-Methods': 'PUT' }, actual: { 'Access-Control-Allow-Origin': '{page}', Vary: ['Origin', 'Cookie'], 'X-Old': null } })).toEqual([
      { answer: 'preflight', line: 'Access-Control-Allow-Methods: PUT', removed: false },
      { answer: 'actual', line: 'Access-Control-Allow-Origin: {page}', removed: false },
      { answer: 'actual', line: 'Vary: Origin', removed: false },
      { answer: 'actual', line: 'Vary: Cookie', removed: false },
      { answer: 'actual', line: 'X-Old', removed: true },
    ]);
  });
});
