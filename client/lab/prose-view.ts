/**
 * Prose in the page: the repository's own (catalog explanations) as the HTML the build rendered
 * (scripts/catalog-prose-plugin.ts), and the user's own (an edited or shared experiment's explain)
 * rendered here by marked and DOMPurify, downloaded the first time such prose shows (issue 16).
 * The HTML comes one catalog group at a time (client/i18n/catalog-html.ts); the Chinese loaders with
 * the Chinese messages.
 */
import { nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { until } from 'lit/directives/until.js';
import englishLoaders from 'virtual:cors-lab/catalog-html/en';
import { catalog } from '../../experiments/catalog/index.ts';
import { explainIn } from '../../experiments/catalog/prose-in.ts';
import type { Language } from '../../experiments/i18n/languages.ts';
import { catalogHtmlIn, loadCatalogHtml, registerCatalogHtml } from '../i18n/catalog-html.ts';

registerCatalogHtml('en', englishLoaders);

/** Downloads the English HTML of a catalog group, once (again after a failed download). */
export function loadEnglishHtml(group: string): Promise<void> {
  return loadCatalogHtml('en', group);
}

// The playground opens on the catalog's first experiment: its group's HTML is here before any
// element that shows prose is defined (they import this module), so the first paint has its "Why".
await loadEnglishHtml(catalog[0]?.group ?? '');

export { registerCatalogHtml } from '../i18n/catalog-html.ts';

/** The language `explain` shows in on a `lang` page: English where no translation is registered. */
function shownLanguage(explain: string, lang: Language): Language {
  return explainIn(explain, lang) === explain ? 'en' : lang;
}

/**
 * The built HTML of `explain` as shown in `lang` (explainIn's choice of text) when it is here:
 * undefined for prose the catalog does not hold (the user's own), a language whose HTML is not
 * registered, or a group not downloaded yet.
 */
export function builtExplainHtml(explain: string, lang: Language): string | undefined {
  const source = catalog.find((e) => e.explain === explain);
  if (!source) return undefined;
  return catalogHtmlIn(shownLanguage(explain, lang), source.id);
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
  if (source) {
    // Another group than the first one shown: its HTML downloads now (a few kB); the Markdown
    // renders when that language's HTML is not registered (or the download failed).
    const shownIn = shownLanguage(explain, lang);
    const shown = loadCatalogHtml(shownIn, source.group).then(
      () => catalogHtmlIn(shownIn, source.id),
      () => undefined,
    ).then((html) => (html === undefined ? markdownView(explainIn(explain, lang)) : unsafeHTML(html)));
    return until(shown, nothing);
  }
  return markdownView(explainIn(explain, lang));
}
