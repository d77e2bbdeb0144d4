/**
 * The course in the playground: the lesson index (numbers, titles, experiments, every language)
 * right away, each lesson itself downloaded when a page first shows it, in that language. The
 * playground downloads no lesson, a lesson page one, and an English page no Chinese (issue 16:
 * the first load's JavaScript).
 */
import lessonIndex from 'virtual:cors-lab/lesson-index';
import type { Language } from '../../format/i18n/languages.ts';
import type { LessonEntry } from '../../lessons/lesson-index.ts';
import { loadLessonFile } from '../../lessons/lesson-loaders.ts';
import type { ShownLesson } from '../../lessons/shown-lesson.ts';

const loading = new Map<string, Promise<ShownLesson>>();
const loaded = new Map<string, ShownLesson>();

/** Each lesson's entry in the lessons list of `lang`, in course order. */
export function lessonEntries(lang: Language): readonly LessonEntry[] {
  return lessonIndex[lang];
}

/** The lesson `id` in `lang`, downloaded once; undefined for an id the course does not have. */
export async function loadLesson(lang: Language, id: string): Promise<ShownLesson | undefined> {
  const entry = lessonIndex[lang].find((e) => e.id === id);
  if (!entry) return undefined;
  const key = `${lang}/${id}`;
  let lesson = loading.get(key);
  if (!lesson) {
    lesson = loadLessonFile(lang, entry).then((parsed) => {
      loaded.set(key, parsed);
      return parsed;
    });
    // A failed download (the lab stopped) is tried again on the next call.
    lesson.catch(() => loading.delete(key));
    loading.set(key, lesson);
  }
  return lesson;
}

/** The lesson `id` in `lang` when already downloaded, else undefined. */
export function loadedLesson(lang: Language, id: string): ShownLesson | undefined {
  return loaded.get(`${lang}/${id}`);
}
