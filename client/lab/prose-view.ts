/**
 * Prose in the page: the repository's own (catalog explanations) as the HTML the build rendered
 * (scripts/catalog-prose-plugin.ts), found by the experiment's id, and the user's own (an edited or
 * shared experiment's explain) rendered here by marked and DOMPurify, downloaded the first time such
 * prose shows (issue 16). The HTML comes one catalog group at a time (client/i18n/catalog-prose.ts);
 * the Chinese loaders with the Chinese messages.
 */
import { nothing } from 'lit';
import { msg } from '@lit/localize';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { until } from 'lit/directives/until.js';
import englishHtml, { first as firstHtml } from 'virtual:cors-lab/catalog-html/en';
import type { ProseOf } from '../../format/catalog-prose.ts';
import type { Language } from '../../format/i18n/languages.ts';
import type { Experiment } from '../../format/schema.ts';
import { catalogProseIn, hasCatalogProse, loadCatalogProse, registerCatalogProse } from '../i18n/catalog-prose.ts';
import { catalogExplain } from './catalog-explain.ts';
import { catalogPlansFailedText, downloadedProseOf, loadProseOf } from './catalog-plans.ts';
import { linkedCatalogGroup } from '../share/opening-group.ts';
import { currentLanguage } from '../i18n/localize.ts';

registerCatalogProse('html', 'en', englishHtml, firstHtml);

/** Downloads the English HTML of a catalog group, once (again after a failed download). */
export function loadEnglishHtml(group: string): Promise<void> {
  return loadCatalogProse('html', 'en', group);
}

/** The language the catalog's prose shows in on a `lang` page: English until that language's HTML is registered. */
function shownLanguage(lang: Language): Language {
  return hasCatalogProse('html', lang) ? lang : 'en';
}

// The playground opens on the catalog's first experiment, whose HTML came with its loaders (registered
// above; the Chinese with the Chinese messages, client/i18n/zh-CN/locale.ts), or on the one its address links
// to (client/share/opening-group.ts): that group's HTML is here before any element that shows prose is
// defined (they import this module), so the first paint has its "Why", in the page's language. A lesson
// page, which shows no "Why" first, downloads none. No address in Node (unit tests): the first experiment.
// A failed download must not fail this module (and with it every element that imports it: a blank page): the
// "Why" view downloads again when shown and says what failed.
const opening = linkedCatalogGroup(globalThis.location?.hash ?? '');
if (opening !== undefined) {
  await loadCatalogProse('html', shownLanguage(currentLanguage()), opening).catch(() => undefined);
}

/** The built HTML of catalog experiment `id` as shown on a `lang` page, when its group is here. */
export function builtExplainHtml(id: string, lang: Language): string | undefined {
  return catalogProseIn('html', shownLanguage(lang), id);
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

/** Said in the "Why" when neither the HTML nor the Markdown of a catalog explanation could be downloaded. */
const unavailable = (): string =>
  msg('The explanation could not be downloaded; reload the page to try again.', { id: 'prediction.prose-failed' });

/**
 * An experiment's prose (format/catalog-prose.ts proseOf) as shown in `lang`: the built HTML for
 * the catalog's, downloading its group when it is not here yet (a few kB; the Markdown, rendered,
 * when the HTML cannot come), the user's own rendered.
 */
export function explainView(prose: ProseOf, lang: Language): unknown {
  if (prose.kind === 'catalog') return catalogView(prose.source, lang);
  const { text, sameAs } = prose;
  if (!sameAs) return markdownView(text);
  // A link that spells out the catalog's prose of its experiment (the page's catalog has none to compare):
  // shown as the catalog's, in the page's language, once its Markdown says it is the same text.
  const same = catalogExplain(sameAs, 'en').then((explain) => explain === text, () => false);
  return until(same.then((isCatalogs) => (isCatalogs ? catalogView(sameAs, lang) : markdownView(text))), nothing);
}

/** A catalog experiment's prose in `lang`: its built HTML, downloading its group when needed. */
function catalogView(source: Experiment, lang: Language): unknown {
  const { id, group } = source;
  const built = builtExplainHtml(id, lang);
  if (built !== undefined) return unsafeHTML(built);
  const shownIn = shownLanguage(lang);
  const downloaded = loadCatalogProse('html', shownIn, group).then(
    () => catalogProseIn('html', shownIn, id),
    () => undefined,
  );
  const shown = downloaded.then(async (html) => {
    if (html !== undefined) return unsafeHTML(html);
    const markdown = await catalogExplain(source, shownIn).catch(() => undefined);
    return markdown === undefined ? unavailable() : markdownView(markdown);
  });
  return until(shown, nothing);
}

/**
 * The prose that holds for `experiment` as shown in `lang`, or null when none does (an edited catalog
 * experiment); its catalog group's plans downloaded first when they are not here yet (or said when they fail).
 */
export function experimentProseView(experiment: Experiment, lang: Language): unknown {
  const prose = downloadedProseOf(experiment);
  if (prose !== undefined) return prose ? explainView(prose, lang) : null;
  const shown = loadProseOf(experiment).then(
    (later) => (later ? explainView(later, lang) : nothing),
    (error: unknown) => catalogPlansFailedText(error),
  );
  return until(shown, nothing);
}
