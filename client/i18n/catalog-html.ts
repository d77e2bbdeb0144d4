/**
 * The catalog's explanations as HTML (rendered at build time) per language other than English,
 * registered by that language's locale module when it loads (client/i18n/zh-CN/locale.ts), read by
 * client/lab/prose-view.ts. Here, below both, so a language never imports the playground's views.
 */
import type { Language } from '../../experiments/i18n/languages.ts';

const translated = new Map<Language, Readonly<Record<string, string>>>();

export function registerCatalogHtml(lang: Language, html: Readonly<Record<string, string>>): void {
  translated.set(lang, html);
}

/** The HTML of experiment `id` in `lang`, when that language's table is registered and holds it. */
export function translatedCatalogHtml(lang: Language, id: string): string | undefined {
  const table = translated.get(lang);
  return table && Object.hasOwn(table, id) ? table[id] : undefined;
}
