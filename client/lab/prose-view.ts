/**
 * Prose in the page: the repository's own (catalog explanations) as the HTML the build rendered
 * (scripts/catalog-prose-plugin.ts), and the user's own (an edited or shared experiment's explain)
 * rendered here by marked and DOMPurify, downloaded the first time such prose shows (issue 16).
 * English HTML comes one catalog group at a time; the Chinese whole, with the Chinese messages.
 */
import { nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { until } from 'lit/directives/until.js';
import englishLoaders from 'virtual:cors-lab/catalog-html/en';
import { catalog } from '../../experiments/catalog/index.ts';
import { explainIn } from '../../experiments/catalog/prose-in.ts';
import type { Language } from '../../experiments/i18n/languages.ts';
import { translatedCatalogHtml } from '../i18n/catalog-html.ts';

/** English HTML by experiment id, of the groups downloaded so far. */
const english = new Map<string, string>();
const groupsLoading = new Map<string, Promise<void>>();

/** Downloads the English HTML of a catalog group, once (again after a failed download). */
export function loadEnglishHtml(group: string): Promise<void> {
  let loading = groupsLoading.get(group);
  if (!loading) {
    const load = englishLoaders[group];
    loading = load
      ? load().then(({ default: html }) => {
          for (const [id, text] of Object.entries(html)) english.set(id, text);
        })
      : Promise.resolve();
    loading.catch(() => groupsLoading.delete(group));
    groupsLoading.set(group, loading);
  }
  return loading;
}

// The playground opens on the catalog's first experiment: its group's HTML is here before any
// element that shows prose is defined (they import this module), so the first paint has its "Why".
await loadEnglishHtml(catalog[0]?.group ?? '');

export { registerCatalogHtml } from '../i18n/catalog-html.ts';

/**
 * The built HTML of `explain` as shown in `lang` (explainIn's choice of text) when it is here:
 * undefined for prose the catalog does not hold (the user's own), a language whose HTML is not
 * registered, or an English group not downloaded yet.
 */
export function builtExplainHtml(explain: string, lang: Language): string | undefined {
  const source = catalog.find((e) => e.explain === explain);
  if (!source) return undefined;
  if (explainIn(explain, lang) === explain) return english.get(source.id);
  return translatedCatalogHtml(lang, source.id);
}

let renderMarkdown: ((text: string) => string) | undefined;

/** Safe HTML of the user's own Markdown: after the renderer's first download, in the same render. */
export function markdownView(text: string): unknown {
  if (renderMarkdown) return unsafeHTML(renderMarkdown(text));
  const rendered = import('./markdown-in-browser.ts').then(({ markdownHtml }) => {
    renderMarkdown = markdownHtml;
    return unsafeHTML(markdownHtml(text));
  });
  return until(rendered, nothing);
}

/** An experiment's explain as shown in `lang`: built HTML for the catalog's, rendered for the user's own. */
export function explainView(explain: string, lang: Language): unknown {
  const built = builtExplainHtml(explain, lang);
  if (built !== undefined) return unsafeHTML(built);
  const source = catalog.find((e) => e.explain === explain);
  if (source && explainIn(explain, lang) === explain && !english.has(source.id)) {
    // Another group than the first one shown: its HTML downloads now (a few kB).
    const shown = loadEnglishHtml(source.group).then(() => {
      const html = english.get(source.id);
      return html === undefined ? markdownView(explain) : unsafeHTML(html);
    });
    return until(shown, nothing);
  }
  return markdownView(explainIn(explain, lang));
}
