/**
 * The catalog's explanations as sanitised HTML, one Vite virtual module per language
 * (https://vite.dev/guide/api-plugin#virtual-modules-convention): `virtual:cors-lab/catalog-html/en`
 * for every page, `.../zh-CN` with the Chinese messages only. Rendered at build time with the
 * page's sanitiser settings (markdown-at-build.ts), so the first paint's "Why" needs neither marked
 * nor DOMPurify in the browser (issue 16). The browser picks them in client/lab/prose-view.ts.
 */
import type { Plugin } from 'vite';
import { catalog } from '../experiments/catalog/index.ts';
import { catalogZhCN } from '../experiments/catalog/zh-CN/index.ts';
import type { Language } from '../experiments/i18n/languages.ts';
import { markdownAtBuild } from './markdown-at-build.ts';

const PREFIX = 'virtual:cors-lab/catalog-html/';

/** Each catalog experiment's explain, as the page shows it in `lang`, rendered to safe HTML, by id. */
export function catalogHtml(lang: Language): Record<string, string> {
  const { markdownHtml } = markdownAtBuild();
  const texts = lang === 'en'
    ? catalog.flatMap((e) => (e.explain ? [[e.id, e.explain] as const] : []))
    : Object.entries(catalogZhCN).map(([id, text]) => [id, text.explain] as const);
  return Object.fromEntries(texts.map(([id, explain]) => [id, markdownHtml(explain)]));
}

export function catalogProsePlugin(): Plugin {
  return {
    name: 'cors-lab-catalog-prose',
    resolveId(id) {
      return id === `${PREFIX}en` || id === `${PREFIX}zh-CN` ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const lang = id.slice(`\0${PREFIX}`.length) === 'en' ? 'en' : 'zh-CN';
      return `export default ${JSON.stringify(catalogHtml(lang))};`;
    },
  };
}
