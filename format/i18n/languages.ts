/**
 * The languages a learner can read cors-lab in: the one list the client,
 * the lessons and the model's explanations share. `en` is the source every
 * other language is checked against. The CLI stays English.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const SOURCE_LANGUAGE: Language = 'en';

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language for a BCP 47 tag a browser or a URL gives: exact match first,
 * then any Chinese tag (zh, zh-Hans, zh-SG…) reads Simplified Chinese, else null.
 * Traditional-script tags (zh-TW, zh-HK, zh-Hant) are not Simplified: null.
 */
export function languageForTag(tag: string): Language | null {
  const t = tag.trim();
  const exact = LANGUAGES.find((l) => l.toLowerCase() === t.toLowerCase());
  if (exact) return exact;
  const lower = t.toLowerCase();
  if (/^zh(-hant|-tw|-hk|-mo)/.test(lower)) return null;
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return null;
}
