/**
 * The course, loaded and checked: what the playground imports.
 *
 * The Markdown files are bundled as text by Vite's `import.meta.glob` with
 * `?raw` (https://vite.dev/guide/features#glob-import), which works the
 * same in a Vite build and in Vitest (Vitest transforms through Vite). Plain
 * Node (tsx) has no `import.meta.glob`: code outside Vite reads the files
 * itself and calls `loadLessons` from load.ts.
 */
/// <reference types="vite/client" />
import { loadLessons, type LessonSet } from './load.ts';

const files = import.meta.glob<string>(['./en/*.md', './zh-CN/*.md'], { query: '?raw', import: 'default', eager: true });

/** Keys are `./en/01-origin-and-site.md`; messages name the file from the project root. */
export const lessons: LessonSet = loadLessons(Object.fromEntries(Object.entries(files).map(([path, text]) => [`lessons/${path.slice(2)}`, text])));
