/**
 * One loader per lesson file, for the browser (index-plugin.ts builds them): each lesson is its
 * own small chunk, so a page downloads the one lesson it shows, in its language, and the
 * playground none. The whole course, translations compared, is checked at build time.
 */
import loaders from 'virtual:cors-lab/lesson-loaders';
import type { LessonEntry } from './lesson-index.ts';
import type { LessonLanguage } from './schema.ts';
import type { ShownLesson } from './shown-lesson.ts';

/** The file of an index entry: `lessons/en/04-the-preflight.md`. */
export function lessonFile(lang: LessonLanguage, entry: Pick<LessonEntry, 'id' | 'order'>): string {
  return `lessons/${lang}/${String(entry.order).padStart(2, '0')}-${entry.id}.md`;
}

/** Downloads the lesson of an index entry; a file the build did not bundle is an Error naming it. */
export async function loadLessonFile(lang: LessonLanguage, entry: Pick<LessonEntry, 'id' | 'order'>): Promise<ShownLesson> {
  const file = lessonFile(lang, entry);
  const load = loaders[file.replace(/^lessons\//, '').replace(/\.md$/, '')];
  if (!load) throw new Error(`${file}: not in the build`);
  return (await load()).default;
}
