/** Node's reader and Vite's bundle load the same course. */
import { expect, it } from 'vitest';
import { lessons } from './index.ts';
import { loadLessonsFromDisk } from './load-from-disk.ts';

it('reads the same lessons from disk as index.ts bundles', () => {
  expect(loadLessonsFromDisk()).toEqual(lessons);
});
