/**
 * A lesson with the catalog experiments it shows: its cards, its fix-it and its narrative's "see it"
 * links. The plans of the groups its cards use download with the lesson itself (the lessons index lists
 * them: client/lessons/course.ts), not after it; a claim or fix-it of another group (a few lessons cite
 * one) downloads once the lesson says which. The rest of the catalog stays out (client/lab/catalog-plans.ts).
 */
import type { Experiment } from '../../format/schema.ts';
import type { Language } from '../../format/i18n/languages.ts';
import type { ShownLesson } from '../../lessons/shown-lesson.ts';
import { loadCatalogExperiments } from '../lab/catalog-plans.ts';
import { lessonEntries, loadLesson } from './course.ts';

export interface LessonWithPlans {
  lesson: ShownLesson;
  /** The catalog experiments the lesson names, those the catalog has. */
  experiments: readonly Experiment[];
}

/** Every catalog experiment id a lesson names. */
function namedIn(lesson: ShownLesson): string[] {
  return [...lesson.experiments, lesson.fixIt.experiment, ...lesson.claims.map((claim) => claim.experiment)];
}

/**
 * Lesson `id` in `lang` with its experiments; undefined for an id the course does not have. Rejects when
 * the lesson or a group's plans cannot be downloaded (client/lab/catalog-plans.ts CatalogPlansError).
 */
export async function loadLessonWithPlans(lang: Language, id: string): Promise<LessonWithPlans | undefined> {
  const listed = lessonEntries(lang).find((entry) => entry.id === id)?.experiments ?? [];
  const [lesson] = await Promise.all([loadLesson(lang, id), loadCatalogExperiments(listed)]);
  if (!lesson) return undefined;
  return { lesson, experiments: await loadCatalogExperiments(namedIn(lesson)) };
}
