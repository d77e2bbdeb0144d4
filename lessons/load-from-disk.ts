/**
 * The course read from disk, for Node code that does not run through Vite
 * (Playwright specs, scripts): the same files and the same loader as
 * index.ts, without `import.meta.glob`. Not for the browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLessons, type LessonSet } from './load.ts';
import { LESSON_LANGUAGES } from './schema.ts';

/** `root` is the project directory; messages name files from it, as index.ts does. */
export function loadLessonsFromDisk(root = process.cwd()): LessonSet {
  const files: Record<string, string> = {};
  for (const lang of LESSON_LANGUAGES) {
    for (const name of readdirSync(join(root, 'lessons', lang)).filter((n) => n.endsWith('.md'))) {
      files[`lessons/${lang}/${name}`] = readFileSync(join(root, 'lessons', lang, name), 'utf8');
    }
  }
  return loadLessons(files);
}
