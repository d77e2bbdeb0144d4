/**
 * The catalog's explanations, as Vite virtual modules
 * (https://vite.dev/guide/api-plugin#virtual-modules-convention), one module per kind, language and
 * catalog group, each its own small chunk downloaded when needed, reached through a loader per group:
 * - `virtual:cors-lab/catalog-html/en/simple`: sanitised HTML, rendered at build time with the page's
 *   sanitiser settings (markdown-at-build.ts), so the "Why" on a first paint needs neither marked nor
 *   DOMPurify in the browser; downloaded when an experiment of the group shows.
 * - `virtual:cors-lab/catalog-markdown/en/simple`: the Markdown as written, for what reads the text
 *   (the catalog's search, the downloaded experiment file); downloaded only when those ask for it.
 * `virtual:cors-lab/catalog-html/en` (and `.../catalog-markdown/en`) is the table of loaders (the HTML one
 * also exports `first`: the HTML of the experiment the playground shows first, so that its first paint
 * downloads no group); Chinese likewise (`.../zh-CN`), its loaders registered with the Chinese messages only.
 * No group's prose is in a first load, whatever the catalog's size (issue 16): the browser's catalog carries no explain
 * (catalog-in-browser-plugin.ts). The browser picks them in client/i18n/catalog-prose.ts.
 */
import type { Plugin } from 'vite';
import { catalog } from '../experiments/catalog/index.ts';
import { catalogZhCN } from '../experiments/catalog/zh-CN/index.ts';
import { LANGUAGES, type Language } from '../format/i18n/languages.ts';
import { markdownAtBuild } from './markdown-at-build.ts';

/** What a catalog prose module holds: the HTML the page shows, or the Markdown as written. */
const KINDS = ['html', 'markdown'] as const;

const PREFIX = 'virtual:cors-lab/catalog-';

/** Each catalog experiment's explain (of `group` only, when given) in `lang`, by id, as Markdown. */
export function catalogMarkdown(lang: Language, group?: string): Record<string, string> {
  const inGroup = catalog.filter((e) => group === undefined || e.group === group);
  const texts = inGroup.flatMap((e) => {
    const explain = lang === 'en' ? e.explain : catalogZhCN[e.id]?.explain;
    return explain ? [[e.id, explain] as const] : [];
  });
  return Object.fromEntries(texts);
}

/** Each catalog experiment's explain (of `group` only, when given) as the page shows it in `lang`: safe HTML, by id. */
export function catalogHtml(lang: Language, group?: string): Record<string, string> {
  const { markdownHtml } = markdownAtBuild();
  const texts = Object.entries(catalogMarkdown(lang, group));
  return Object.fromEntries(texts.map(([id, explain]) => [id, markdownHtml(explain)]));
}

const GROUPS = [...new Set(catalog.map((e) => e.group))];

/** The HTML of the catalog's first experiment in `lang`, by id: what the playground shows first. */
function firstHtml(lang: Language): Record<string, string> {
  const [first] = catalog;
  const html = first ? catalogHtml(lang, first.group)[first.id] : undefined;
  return first && html !== undefined ? { [first.id]: html } : {};
}

export function catalogProsePlugin(): Plugin {
  return {
    name: 'cors-lab-catalog-prose',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const rest = id.slice(`\0${PREFIX}`.length);
      const kind = KINDS.find((k) => rest.startsWith(`${k}/`));
      if (kind === undefined) {
        return this.error(`${PREFIX}${rest}: no such kind of catalog prose (${KINDS.join(', ')})`);
      }
      const name = rest.slice(`${kind}/`.length);
      const lang = LANGUAGES.find((l) => name === l || name.startsWith(`${l}/`));
      if (lang === undefined) return this.error(`${PREFIX}${rest}: no such language`);
      if (name === lang) {
        const loaders = GROUPS.map((group) => {
          const module = JSON.stringify(`${PREFIX}${kind}/${lang}/${group}`);
          return `${JSON.stringify(group)}: () => import(${module})`;
        });
        const table = `export default {\n${loaders.join(',\n')}\n};`;
        return kind === 'html' ? `${table}\nexport const first = ${JSON.stringify(firstHtml(lang))};` : table;
      }
      const group = name.slice(`${lang}/`.length);
      if (!GROUPS.includes(group)) this.error(`${PREFIX}${rest}: no such catalog group`);
      const table = kind === 'html' ? catalogHtml(lang, group) : catalogMarkdown(lang, group);
      return `export default ${JSON.stringify(table)};`;
    },
  };
}
