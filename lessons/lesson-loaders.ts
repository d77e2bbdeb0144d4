/**
 * One loader per lesson file, for the browser: Vite's lazy `import.meta.glob` with `?raw`
 * (https://vite.dev/guide/features#glob-import) makes each Markdown file its own small chunk, so
 * a page downloads the one lesson it shows, in its language, and the playground none. The
 * whole course, translations compared, is checked at build time (index-plugin.ts) and by the
 * tests (index.ts); a lesson loaded here goes through the same parser.
 */
/// <reference types="vite/client" />
import type { LessonEntry } from './lesson-index.ts';
import type { Lesson, LessonLanguage } from './schema.ts';

const files = import.meta.glob<string>(['./en/*.md', './zh-CN/*.md'], { query: '?raw', import: 'default' });

/** The file of an index entry: `lessons/en/04-the-preflight.md`. */
export function lessonFile(lang: LessonLanguage, entry: Pick<LessonEntry, 'id' | 'order'>): string {
  return `lessons/${lang}/${String(entry.order).padStart(2, '0')}-${entry.id}.md`;
}

/**
 * Downloads and parses the lesson of an index entry, the parser (load.ts) with the first lesson;
 * a file the build did not bundle is a LessonError naming it.
 */
export async function loadLessonFile(lang: LessonLanguage, entry: Pick<LessonEntry, 'id' | 'order'>): Promise<Lesson> {
  const file = lessonFile(lang, entry);
  const load = files[`./${file.slice('lessons/'.length)}`];
  const { LessonError, parseLesson } = await import('./load.ts');
  if (!load) throw new LessonError([`${file}: not in the build`]);
  const parsed = parseLesson(file, await load());
  if (!parsed.lesson) throw new LessonError(parsed.problems);
  return parsed.lesson;
}
