/**
 * How long a narrative is, by the rule in schema.ts (NARRATIVE_MINIMUM):
 * English in words, Chinese in Han characters. Fenced code blocks do not
 * count in either language: they are examples, not narrative.
 */
import type { LessonLanguage } from './schema.ts';

const FENCED_CODE = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const HAN = /\p{Script=Han}/gu;

export function narrativeLength(markdown: string, lang: LessonLanguage): number {
  const prose = markdown.replace(FENCED_CODE, '');
  return (prose.match(lang === 'en' ? WORD : HAN) ?? []).length;
}

/** True when the text holds Chinese characters: what a zh-CN text must, and an English one must not. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
