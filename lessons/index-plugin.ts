/**
 * The lesson index as a Vite virtual module (https://vite.dev/guide/api-plugin#virtual-modules-convention):
 * what the lessons list, the start panel and the page title need (id, number, title, minutes,
 * experiments) in every language, read at build time from the same files and checked by the same
 * loader as the whole course, translations compared. A lesson with a problem fails the build with
 * the file, line and field. The lessons themselves load later, one language at a time
 * (client/lessons/course.ts).
 */
import type { Plugin } from 'vite';
import { loadLessonsFromDisk } from './load-from-disk.ts';
import type { LessonSet } from './load.ts';
import type { LessonIndex } from './lesson-index.ts';
import { LESSON_LANGUAGES } from './schema.ts';

export const LESSON_INDEX_MODULE = 'virtual:cors-lab/lesson-index';
const RESOLVED = `\0${LESSON_INDEX_MODULE}`;

/** The index of a loaded course: its lessons' entries, in order, per language. */
export function indexOf(set: LessonSet): LessonIndex {
  const index = {} as LessonIndex;
  for (const lang of LESSON_LANGUAGES) {
    index[lang] = set[lang].map(({ id, order, title, minutes, experiments }) => ({
      id, order, title, minutes, experiments,
    }));
  }
  return index;
}

/** `root` is the project directory, where lessons/ is. */
export function lessonIndexPlugin(root: string): Plugin {
  return {
    name: 'cors-lab-lesson-index',
    resolveId(id) {
      return id === LESSON_INDEX_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const set = loadLessonsFromDisk(root);
      for (const lang of LESSON_LANGUAGES) for (const lesson of set[lang]) this.addWatchFile(`${root}/${lesson.file}`);
      return `export default ${JSON.stringify(indexOf(set))};`;
    },
  };
}
