/**
 * The course as Vite virtual modules (https://vite.dev/guide/api-plugin#virtual-modules-convention),
 * read at build time from the lesson files and checked by the same loader as the whole course,
 * translations compared: a lesson with a problem fails the build with the file, line and field.
 * - `virtual:cors-lab/lesson-index`: what the lessons list, the start panel and the page title need
 *   (id, number, title, minutes, experiments) in every language;
 * - `virtual:cors-lab/lesson-loaders`: one loader per lesson file, each lesson its own small chunk
 *   (`NN-slug-<hash>.js`) holding the lesson as the page shows it, prose already safe HTML
 *   (render-lesson.ts), so a page downloads the one lesson it shows, in its language, and no parser.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadLessonsFromDisk } from './load-from-disk.ts';
import type { LessonSet } from './load.ts';
import type { LessonIndex } from './lesson-index.ts';
import { renderLesson } from './render-lesson.ts';
import { LESSON_LANGUAGES } from './schema.ts';

export const LESSON_INDEX_MODULE = 'virtual:cors-lab/lesson-index';
const LOADERS_MODULE = 'virtual:cors-lab/lesson-loaders';
/** `virtual:cors-lab/lesson/en/04-the-preflight`: one lesson; its last segment names its chunk. */
const LESSON_MODULE = 'virtual:cors-lab/lesson/';

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

/**
 * The lesson files the build read (absolute paths): no bundled module names them (the lessons
 * arrive as virtual modules), so the build's record (scripts/build-stamp.ts) lists them itself.
 */
export function lessonSourceFiles(root: string): string[] {
  return LESSON_LANGUAGES.flatMap((lang) =>
    readdirSync(join(root, 'lessons', lang))
      .filter((name) => name.endsWith('.md'))
      .map((name) => join(root, 'lessons', lang, name)));
}

/** `en/04-the-preflight` for `lessons/en/04-the-preflight.md`: the key of its loader. */
export function lessonKey(file: string): string {
  return file.replace(/^lessons\//, '').replace(/\.md$/, '');
}

/** `root` is the project directory, where lessons/ is. */
export function lessonIndexPlugin(root: string): Plugin {
  let course: LessonSet | undefined;
  const load = (): LessonSet => (course ??= loadLessonsFromDisk(root));
  return {
    name: 'cors-lab-lesson-index',
    buildStart() {
      course = undefined;
    },
    watchChange() {
      course = undefined;
    },
    resolveId(id) {
      const ours = id === LESSON_INDEX_MODULE || id === LOADERS_MODULE || id.startsWith(LESSON_MODULE);
      return ours ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith('\0virtual:cors-lab/lesson')) return undefined;
      const set = load();
      for (const lang of LESSON_LANGUAGES) for (const lesson of set[lang]) this.addWatchFile(`${root}/${lesson.file}`);
      if (id === `\0${LESSON_INDEX_MODULE}`) return `export default ${JSON.stringify(indexOf(set))};`;
      const all = LESSON_LANGUAGES.flatMap((lang) => set[lang]);
      if (id === `\0${LOADERS_MODULE}`) {
        const loaders = all.map((lesson) => {
          const key = lessonKey(lesson.file);
          return `${JSON.stringify(key)}: () => import(${JSON.stringify(`${LESSON_MODULE}${key}`)})`;
        });
        return `export default {\n${loaders.join(',\n')}\n};`;
      }
      const lesson = all.find((l) => `\0${LESSON_MODULE}${lessonKey(l.file)}` === id);
      if (!lesson) this.error(`${id.slice(1)}: no such lesson file in lessons/`);
      return `export default ${JSON.stringify(renderLesson(lesson))};`;
    },
  };
}
