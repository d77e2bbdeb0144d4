/**
 * The lessons' "In Firefox and Safari" notes say what the engines' models predict: the models that
 * `cors-lab run --browser firefox|webkit` holds to those browsers over the whole catalog
 * (runner/engine-models.ts). Each note cites an experiment (its Chromium claim runs in
 * test/e2e/catalog.spec.ts); every Firefox reason it names is one the Firefox model gives an experiment
 * the lesson cites, every WebKit sentence it quotes one the WebKit model prints for one, and the experiment
 * each note cites shows the engines differing from Chromium there (or applies to Chromium only).
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../experiments/catalog/index.ts';
import { isFirefoxReason } from '../format/firefox-reasons.ts';
import { experimentUrl, predictExperimentAsync } from '../experiments/model/predict.ts';
import type { Experiment } from '../format/schema.ts';
import { originMap, originsAtPortBase } from '../plan/origins.ts';
import { ENGINE_MODELS, type EnginePrediction } from '../runner/engine-models.ts';
import { claimsOf } from './claims.ts';
import { loadLessonsFromDisk } from './load-from-disk.ts';
import { LESSON_LANGUAGES } from './schema.ts';

const origins = originMap(originsAtPortBase(5310));
const RUN = 'lesson-note';
const NOTE_START = { en: '**In Firefox and Safari**', 'zh-CN': '**在 Firefox 和 Safari 中**' } as const;

const byId = (id: string): Experiment => {
  const found = catalog.find((e) => e.id === id);
  if (!found) throw new Error(`no catalog experiment ${id}`);
  return found;
};

/** Chromium's model and the other two engines' for one experiment. */
async function predictions(id: string) {
  const experiment = byId(id);
  const url = experimentUrl(experiment, origins, RUN);
  const chromium = await predictExperimentAsync(experiment, origins, RUN, 'en');
  const firefox: EnginePrediction[] = await ENGINE_MODELS.firefox!(experiment, origins, RUN, url);
  const webkit: EnginePrediction[] = await ENGINE_MODELS.webkit!(experiment, origins, RUN, url);
  return { experiment, chromium, firefox, webkit };
}

/** What a reader can see differ at a step: outcome, the reason's words, the cookie, the requests the servers get. */
const seen = (step: { outcome: string; cookieSent: boolean; requests: readonly unknown[] } | undefined) =>
  step && `${step.outcome} cookie=${step.cookieSent} requests=${step.requests.length}`;

const lessons = loadLessonsFromDisk();
const notes = LESSON_LANGUAGES.flatMap((lang) =>
  lessons[lang].flatMap((lesson) =>
    lesson.narrative
      .split(/\n[ \t]*\n/)
      .filter((paragraph) => paragraph.trimStart().startsWith(NOTE_START[lang]))
      .map((paragraph) => ({ lang, lesson, paragraph })),
  ),
);

describe('the lessons\' notes on Firefox and Safari', () => {
  it('are in the lessons that teach an engine difference, the same ones in both languages', () => {
    const where = (lang: string) => notes.filter((n) => n.lang === lang).map((n) => n.lesson.id);
    expect(where('en')).toEqual(where('zh-CN'));
    expect(where('en').length).toBeGreaterThanOrEqual(5);
  });

  for (const { lang, lesson, paragraph } of notes) {
    it(`${lang} ${lesson.id}: cites where the engines differ, quotes what their models say`, async () => {
      const claims = claimsOf(paragraph);
      expect(claims.length, 'a note cites the experiment that shows it').toBeGreaterThan(0);
      for (const claim of claims) {
        const { experiment, chromium, firefox, webkit } = await predictions(claim.experiment);
        if (experiment.engines && !experiment.engines.includes('firefox')) continue;
        const step = claim.step;
        const differs = [firefox[step], webkit[step]].some(
          (other) => seen(other) !== seen(chromium[step])
            || (other?.outcome === 'blocked' && other.reason !== chromium[step]?.reason),
        );
        expect(differs, `${claim.experiment}: Firefox or WebKit differs from Chromium`).toBe(true);
      }
      const cited = await Promise.all(lesson.claims.map((claim) => predictions(claim.experiment)));
      const firefoxReasons = new Set(cited.flatMap((c) => c.firefox.map((s) => s.reason)));
      const webkitLines = cited.flatMap((c) => c.webkit.map((s) => s.console ?? ''));
      for (const [, code] of paragraph.matchAll(/`([^`]+)`/g)) {
        const words = (code ?? '').replace(/\s+/g, ' ');
        if (isFirefoxReason(words)) expect(firefoxReasons, `${words}: the Firefox model's reason`).toContain(words);
        if (/ is not allowed by | cannot contain | Preflight response /.test(words)) {
          const escaped = words.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
          const sentence = new RegExp(escaped.join('.+'));
          const printed = webkitLines.some((line) => sentence.test(line));
          expect(printed, `${words}: a line the WebKit model prints`).toBe(true);
        }
      }
    });
  }
});
