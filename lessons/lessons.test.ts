/**
 * The course itself: every lesson in both languages, its experiments in the
 * catalog, its predictions and fix-it true to the model (and so to Chromium,
 * which the browser tests hold the model to).
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../experiments/catalog/index.ts';
import { predictExperiment } from '../experiments/model/predict.ts';
import { originMap, originsAtPortBase } from '../plan/origins.ts';
import { applySolution, checkAgainstCatalog } from './catalog-check.ts';
import { lessons } from './index.ts';
import { narrativeLength } from './narrative-length.ts';
import { LESSON_LANGUAGES, NARRATIVE_MINIMUM } from './schema.ts';

const origins = originMap(originsAtPortBase(5310));
/** The lessons on cross-origin beyond fetch (elements, isolation, forms, frames, https), after lesson 13, in order. */
const BEYOND_FETCH = [
  'embedding', 'isolation', 'cors-is-not-authorization', 'frames-and-postmessage', 'https-and-mixed-content',
];
/** The first lesson whose predictions ask for the reason too. */
const REASONS_FROM = 4;

describe('the course', () => {
  it('has at least 12 lessons, numbered 01.. in order, in every language', () => {
    expect(lessons.en.length).toBeGreaterThanOrEqual(12);
    for (const lang of LESSON_LANGUAGES) {
      expect(lessons[lang].map((l) => l.order)).toEqual(lessons.en.map((_, i) => i + 1));
      expect(lessons[lang].map((l) => l.id)).toEqual(lessons.en.map((l) => l.id));
    }
  });

  it('holds every lesson to the catalog and the model, in every language', () => {
    for (const lang of LESSON_LANGUAGES) expect(checkAgainstCatalog(lessons[lang], catalog, origins)).toEqual([]);
  });

  it('starts with origins, closes CORS with the fixes outside it (13), then goes beyond fetch (issue 19)', () => {
    expect(lessons.en[0]?.id).toBe('origin-and-site');
    expect(lessons.en[12]?.id).toBe('fixes-outside-cors');
    expect(lessons.en.slice(13).map((l) => l.id)).toEqual(BEYOND_FETCH);
  });
});

for (const lesson of lessons.en) {
  describe(`${lesson.file}`, () => {
    it('is translated with the same experiments, predictions and fix-it', () => {
      for (const lang of LESSON_LANGUAGES) {
        const other = lessons[lang].find((l) => l.id === lesson.id);
        expect(other, `${lang} has ${lesson.id}`).toBeDefined();
        expect(other?.experiments).toEqual(lesson.experiments);
        expect(other?.predict).toEqual(lesson.predict);
        expect({ ...other?.fixIt, goal: '', learned: '' }).toEqual({ ...lesson.fixIt, goal: '', learned: '' });
      }
    });

    it('has enough narrative in every language', () => {
      for (const lang of LESSON_LANGUAGES) {
        const text = lessons[lang].find((l) => l.id === lesson.id)?.narrative ?? '';
        expect(narrativeLength(text, lang), `${lang} ${NARRATIVE_MINIMUM[lang].unit}`).toBeGreaterThanOrEqual(NARRATIVE_MINIMUM[lang].count);
      }
    });

    it('refers to the same existing lessons in every language ("lesson 5", "第 5 课")', () => {
      const zh = lessons['zh-CN'].find((l) => l.id === lesson.id)?.narrative ?? '';
      const en = [...lesson.narrative.matchAll(/\blessons? (\d+)/gi)].map((m) => Number(m[1]));
      expect([...zh.matchAll(/第 ?(\d+) ?课/g)].map((m) => Number(m[1])).sort()).toEqual([...en].sort());
      for (const n of en) expect(n, `lesson ${n} exists`).toBeLessThanOrEqual(lessons.en.length);
    });

    it(`fix-it ${lesson.fixIt.experiment}: blocked as given, allowed with the solution`, () => {
      const experiment = catalog.find((e) => e.id === lesson.fixIt.experiment);
      expect(experiment).toBeDefined();
      if (!experiment) return;
      expect(predictExperiment(experiment, origins).map((s) => s.outcome)).toContain('blocked');
      expect(predictExperiment(applySolution(experiment, lesson.fixIt.solution), origins).map((s) => s.outcome)).toEqual(
        predictExperiment(experiment, origins).map(() => 'allowed'),
      );
    });

    it('offers the outcome (and reason) the browser gives, for every experiment', () => {
      for (const id of lesson.experiments) {
        const experiment = catalog.find((e) => e.id === id);
        expect(experiment, `${id} is in the catalog`).toBeDefined();
        const prediction = lesson.predict[id];
        const step = experiment && prediction ? predictExperiment(experiment, origins)[prediction.step ?? 0] : undefined;
        expect(step, `${id} step ${prediction?.step ?? 0}`).toBeDefined();
        if (!step || !prediction) continue;
        expect(prediction.outcomes).toContain(step.outcome);
        // From lesson 4 (the preflight) on, a learner who says "blocked" also names the reason.
        if (lesson.order >= REASONS_FROM && step.outcome === 'blocked' && step.reason) expect(prediction.reasons, `${id} offers reasons`).toContain(step.reason);
        if (prediction.reasons && step.outcome === 'blocked' && step.reason) expect(prediction.reasons).toContain(step.reason);
      }
    });
  });
}
