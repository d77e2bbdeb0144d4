/**
 * The catalog's explanations as sanitised HTML, as Vite virtual modules
 * (https://vite.dev/guide/api-plugin#virtual-modules-convention): one module per language and catalog
 * group (`virtual:cors-lab/catalog-html/en/simple`, each its own small chunk, downloaded when an
 * experiment of the group shows), reached through `virtual:cors-lab/catalog-html/en` (a loader per
 * group); Chinese likewise (`.../zh-CN/simple`), its loaders with the Chinese messages only, so a
 * Chinese first load carries only the first group's HTML. Rendered at build time with the page's
 * sanitiser settings (markdown-at-build.ts), so the first paint's "Why" needs neither marked nor
 * DOMPurify in the browser (issue 16). The browser picks them in client/lab/prose-view.ts.
 */
import type { Plugin } from 'vite';
import { catalog } from '../experiments/catalog/index.ts';
import { catalogZhCN } from '../experiments/catalog/zh-CN/index.ts';
import { LANGUAGES, type Language } from '../experiments/i18n/languages.ts';
import { markdownAtBuild } from './markdown-at-build.ts';

const PREFIX = 'virtual:cors-lab/catalog-html/';

/** Each catalog experiment's explain (of `group` only, when given), as the page shows it in `lang`, rendered to safe HTML, by id. */
export function catalogHtml(lang: Language, group?: string): Record<string, string> {
  const { markdownHtml } = markdownAtBuild();
  const inGroup = catalog.filter((e) => group === undefined || e.group === group);
  const texts = inGroup.flatMap((e) => {
    const explain = lang === 'en' ? e.explain : catalogZhCN[e.id]?.explain;
    return explain ? [[e.id, explain] as const] : [];
  });
  return Object.fromEntries(texts.map(([id, explain]) => [id, markdownHtml(explain)]));
}

const GROUPS = [...new Set(catalog.map((e) => e.group))];

export function catalogProsePlugin(): Plugin {
  return {
    name: 'cors-lab-catalog-prose',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const name = id.slice(`\0${PREFIX}`.length);
      const lang = LANGUAGES.find((l) => name === l || name.startsWith(`${l}/`));
      if (lang === undefined) return this.error(`${PREFIX}${name}: no such language`);
      if (name === lang) {
        const loaders = GROUPS.map((group) => {
          const module = JSON.stringify(`${PREFIX}${lang}/${group}`);
          return `${JSON.stringify(group)}: () => import(${module})`;
        });
        return `export default {\n${loaders.join(',\n')}\n};`;
      }
      const group = name.slice(`${lang}/`.length);
      if (!GROUPS.includes(group)) this.error(`${PREFIX}${name}: no such catalog group`);
      return `export default ${JSON.stringify(catalogHtml(lang, group))};`;
    },
  };
}
