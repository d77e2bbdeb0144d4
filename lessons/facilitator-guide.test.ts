/**
 * The facilitator guides list every lesson with its title and minutes as the
 * lesson files give them, so the agenda cannot drift from the course.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessons } from './index.ts';
import type { LessonLanguage } from './schema.ts';

const GUIDES: Record<LessonLanguage, string> = { en: 'docs/facilitator-guide.md', 'zh-CN': 'docs/facilitator-guide.zh-CN.md' };

/** Rows `| 04 | The preflight | 25 |` of the agenda table. */
function agenda(file: string): Array<{ order: number; title: string; minutes: number }> {
  return [...readFileSync(file, 'utf8').matchAll(/^\| (\d{2}) \| (.+?) \| (\d+) \|$/gm)].map(([, nn, title, minutes]) => ({
    order: Number(nn),
    title: title ?? '',
    minutes: Number(minutes),
  }));
}

describe('facilitator guides', () => {
  for (const [lang, file] of Object.entries(GUIDES) as Array<[LessonLanguage, string]>) {
    it(`${file} lists every ${lang} lesson with its title and minutes`, () => {
      expect(agenda(file)).toEqual(lessons[lang].map(({ order, title, minutes }) => ({ order, title, minutes })));
    });
  }
});
