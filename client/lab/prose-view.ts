/**
 * Prose in the page: the repository's own (catalog explanations) as the HTML the build rendered
 * (scripts/catalog-prose-plugin.ts), and the user's own (an edited or shared experiment's explain)
 * rendered here by marked and DOMPurify, downloaded the first time such prose shows (issue 16).
 */
import { nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { until } from 'lit/directives/until.js';
import english from 'virtual:cors-lab/catalog-html/en';
import { catalog } from '../../experiments/catalog/index.ts';
import { explainIn } from '../../experiments/catalog/prose-in.ts';
import type { Language } from '../../experiments/i18n/languages.ts';

const builtHtml = new Map<Language, Readonly<Record<string, string>>>([['en', english]]);

/** Called by a language's messages module with its catalog HTML (client/i18n/zh-CN/index.ts). */
export function registerCatalogHtml(lang: Language, html: Readonly<Record<string, string>>): void {
  builtHtml.set(lang, html);
}

/**
 * The built HTML of `explain` as shown in `lang` (explainIn's choice of text), or undefined when the
 * catalog holds no such explain (the user's own) or its language's HTML is not registered.
 */
export function builtExplainHtml(explain: string, lang: Language): string | undefined {
  const source = catalog.find((e) => e.explain === explain);
  if (!source) return undefined;
  const table = explainIn(explain, lang) === explain ? english : builtHtml.get(lang);
  return table && Object.hasOwn(table, source.id) ? table[source.id] : undefined;
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
  return built === undefined ? markdownView(explainIn(explain, lang)) : unsafeHTML(built);
}
