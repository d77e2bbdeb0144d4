/** Each lesson loaded on its own, as the playground does, is the lesson of the whole course, rendered at build time. */
import lessonIndex from 'virtual:cors-lab/lesson-index';
import { describe, expect, it } from 'vitest';
import { lessons } from './index.ts';
import { lessonFile, loadLessonFile } from './lesson-loaders.ts';
import { renderLesson } from './render-lesson.ts';
import { LESSON_LANGUAGES } from './schema.ts';

describe('lesson loaders', () => {
  for (const lang of LESSON_LANGUAGES) {
    it(`loads each ${lang} lesson of the index alone, equal to the whole course's as the page shows it`, async () => {
      const loaded = await Promise.all(lessonIndex[lang].map((entry) => loadLessonFile(lang, entry)));
      expect(loaded).toEqual(lessons[lang].map(renderLesson));
    });
  }

  it('names the file of an entry the build does not hold', async () => {
    expect(lessonFile('zh-CN', { id: 'the-preflight', order: 4 })).toBe('lessons/zh-CN/04-the-preflight.md');
    await expect(loadLessonFile('en', { id: 'the-preflight', order: 5 })).rejects.toThrow('lessons/en/05-the-preflight.md: not in the build');
  });
});
