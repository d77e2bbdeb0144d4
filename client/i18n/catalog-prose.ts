/**
 * The catalog's explanations, downloaded one catalog group, kind and language at a time (built by
 * scripts/catalog-prose-plugin.ts): the HTML the page shows, and the Markdown as written, for what
 * reads the text (search, the downloaded file). English loaders registered by client/lab/prose-view.ts,
 * another language's by its locale module when it loads (client/i18n/zh-CN/locale.ts). The browser's
 * catalog carries no explain (scripts/catalog-in-browser-plugin.ts), so this is where it comes from.
 * Here, below both, so a language never imports the playground's views.
 */
import type { Language } from '../../format/i18n/languages.ts';

/** What a catalog prose module holds: the HTML the page shows, or the Markdown as written. */
export type CatalogProseKind = 'html' | 'markdown';

/** One group's prose by experiment id. */
type CatalogProseTable = Readonly<Record<string, string>>;
/** A loader per catalog group, of that group's prose by experiment id (a virtual module of the build). */
export type CatalogProseLoaders = Readonly<Record<string, () => Promise<{ default: CatalogProseTable }>>>;

const key = (kind: CatalogProseKind, lang: Language): string => `${kind}\n${lang}`;
const loadersByKind = new Map<string, CatalogProseLoaders>();
/** Prose by kind and language, then experiment id, of the groups downloaded so far. */
const downloaded = new Map<string, Map<string, string>>();
const groupsLoading = new Map<string, Promise<void>>();

/** Registers the loaders of `kind` in `lang`, and the prose of that kind the page already has (by experiment id). */
export function registerCatalogProse(
  kind: CatalogProseKind,
  lang: Language,
  loaders: CatalogProseLoaders,
  here: CatalogProseTable = {},
): void {
  const table = key(kind, lang);
  loadersByKind.set(table, loaders);
  const texts = downloaded.get(table) ?? new Map<string, string>();
  for (const [id, text] of Object.entries(here)) texts.set(id, text);
  downloaded.set(table, texts);
}

/** Whether `lang` has catalog prose of `kind` to download (its loaders are registered). */
export function hasCatalogProse(kind: CatalogProseKind, lang: Language): boolean {
  return loadersByKind.has(key(kind, lang));
}

/**
 * Downloads a catalog group's prose of `kind` in `lang`, once (again after a failed download);
 * nothing when that language's loaders are not registered.
 */
export function loadCatalogProse(kind: CatalogProseKind, lang: Language, group: string): Promise<void> {
  const table = key(kind, lang);
  const groupKey = `${table}\n${group}`;
  let loading = groupsLoading.get(groupKey);
  if (!loading) {
    const loaders = loadersByKind.get(table);
    const load = loaders && Object.hasOwn(loaders, group) ? loaders[group] : undefined;
    if (!load) return Promise.resolve();
    loading = load().then(({ default: prose }) => {
      const texts = downloaded.get(table) ?? new Map<string, string>();
      for (const [id, text] of Object.entries(prose)) texts.set(id, text);
      downloaded.set(table, texts);
    });
    loading.catch(() => groupsLoading.delete(groupKey));
    groupsLoading.set(groupKey, loading);
  }
  return loading;
}

/** Downloads every group's prose of `kind` in `lang` (the search reads them all). */
export async function loadAllCatalogProse(kind: CatalogProseKind, lang: Language): Promise<void> {
  const groups = Object.keys(loadersByKind.get(key(kind, lang)) ?? {});
  await Promise.all(groups.map((group) => loadCatalogProse(kind, lang, group)));
}

/** The prose of kind `kind` of experiment `id` in `lang`, when its group is downloaded. */
export function catalogProseIn(kind: CatalogProseKind, lang: Language, id: string): string | undefined {
  return downloaded.get(key(kind, lang))?.get(id);
}
