/**
 * The lesson index the playground lists lessons from: built at build time from the same files as
 * the whole course, small, and a broken lesson fails the build naming its file and line.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lessonIndex from 'virtual:cors-lab/lesson-index';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { lessons } from './index.ts';
import { indexOf, lessonIndexPlugin } from './index-plugin.ts';
import { LESSON_LANGUAGES } from './schema.ts';

describe('the lesson index', () => {
  it('lists every lesson of every language, in order, with the fields of the whole course', () => {
    expect(lessonIndex).toEqual(indexOf(lessons));
    for (const lang of LESSON_LANGUAGES) {
      expect(lessonIndex[lang].map((entry) => entry.order)).toEqual(lessons[lang].map((_, i) => i + 1));
      expect(lessonIndex[lang].map((entry) => entry.title)).toEqual(lessons[lang].map((lesson) => lesson.title));
    }
  });

  it('is a small fraction of the lessons it lists: no narrative, predictions or notes', () => {
    const files = LESSON_LANGUAGES.flatMap((lang) => lessons[lang].map((lesson) => lesson.file));
    const course = files.map((file) => readFileSync(file, 'utf8')).join('');
    expect(JSON.stringify(lessonIndex).length).toBeLessThan(course.length / 20);
    expect(JSON.stringify(lessonIndex)).not.toContain('speakerNotes');
  });

  it('fails the build on a broken lesson, naming the file, the line and the field', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cors-lab-index-'));
    try {
      cpSync('lessons/en', join(root, 'lessons/en'), { recursive: true });
      cpSync('lessons/zh-CN', join(root, 'lessons/zh-CN'), { recursive: true });
      const file = join(root, 'lessons/en/04-the-preflight.md');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/"minutes": \d+/, '"minutes": "soon"'));
      const line = text.split('\n').findIndex((l) => l.includes('"minutes"')) + 1;
      const entry = "import index from 'virtual:cors-lab/lesson-index';\nexport default index;\n";
      writeFileSync(join(root, 'entry.js'), entry);
      const building = build({
        configFile: false,
        root,
        logLevel: 'silent',
        plugins: [lessonIndexPlugin(root)],
        build: { write: false, lib: { entry: join(root, 'entry.js'), formats: ['es'], fileName: 'entry' } },
      });
      const problem = `lessons/en/04-the-preflight.md:${line}: minutes: Invalid input: expected number`;
      await expect(building).rejects.toThrow(problem);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 30_000);
});
