/** The client build's record lists every lesson file, which arrive in the bundle as virtual modules only. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonSourceFiles } from './index-plugin.ts';
import { lessons } from './index.ts';
import { LESSON_LANGUAGES } from './schema.ts';

describe('lesson source files', () => {
  it('are every lesson file of every language, and no other file', () => {
    const root = process.cwd();
    const files = lessonSourceFiles(root).map((file) => file.slice(root.length + 1)).sort();
    expect(files).toEqual(LESSON_LANGUAGES.flatMap((lang) => lessons[lang].map((lesson) => lesson.file)).sort());
    expect(files.length).toBe(LESSON_LANGUAGES.map((lang) => readdirSync(`lessons/${lang}`).filter((n) => n.endsWith('.md')).length).reduce((a, b) => a + b));
  });
});
