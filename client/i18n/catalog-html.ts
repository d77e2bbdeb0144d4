/**
 * The catalog's explanations as HTML (rendered at build time, scripts/catalog-prose-plugin.ts), one
 * download per catalog group and language: English registered by client/lab/prose-view.ts, another
 * language by its locale module when it loads (client/i18n/zh-CN/locale.ts), read by prose-view.ts.
 * Here, below both, so a language never imports the playground's views.
 */
import type { Language } from '../../experiments/i18n/languages.ts';

/** A loader per catalog group, of that group's HTML by experiment id (a virtual module of the build). */
export type CatalogHtmlLoaders = Readonly<Record<string, () => Promise<{ default: Readonly<Record<string, string>> }>>>;

const loadersByLanguage = new Map<Language, CatalogHtmlLoaders>();
/** HTML by language, then experiment id, of the groups downloaded so far. */
const downloaded = new Map<Language, Map<string, string>>();
const groupsLoading = new Map<string, Promise<void>>();

export function registerCatalogHtml(lang: Language, loaders: CatalogHtmlLoaders): void {
  loadersByLanguage.set(lang, loaders);
}

/**
 * Downloads the HTML of a catalog group in `lang`, once (again after a failed download); nothing
 * when that language's loaders are not registered (its page renders the Markdown instead).
 */
export function loadCatalogHtml(lang: Language, group: string): Promise<void> {
  const key = `${lang}\n${group}`;
  let loading = groupsLoading.get(key);
  if (!loading) {
    const load = loadersByLanguage.get(lang)?.[group];
    if (!load) return Promise.resolve();
    loading = load().then(({ default: html }) => {
      const table = downloaded.get(lang) ?? new Map<string, string>();
      for (const [id, text] of Object.entries(html)) table.set(id, text);
      downloaded.set(lang, table);
    });
    loading.catch(() => groupsLoading.delete(key));
    groupsLoading.set(key, loading);
  }
  return loading;
}

/** The HTML of experiment `id` in `lang`, when its group in that language is downloaded. */
export function catalogHtmlIn(lang: Language, id: string): string | undefined {
  return downloaded.get(lang)?.get(id);
}
