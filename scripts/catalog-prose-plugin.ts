/**
 * The catalog's explanations as sanitised HTML, as Vite virtual modules
 * (https://vite.dev/guide/api-plugin#virtual-modules-convention): English one module per catalog
 * group (`virtual:cors-lab/catalog-html/en/simple`, each its own small chunk, downloaded when an
 * experiment of the group shows), reached through `virtual:cors-lab/catalog-html/en` (a loader per
 * group); Chinese whole (`.../zh-CN`), with the Chinese messages only. Rendered at build time with
 * the page's sanitiser settings (markdown-at-build.ts), so the first paint's "Why" needs neither
 * marked nor DOMPurify in the browser (issue 16). The browser picks them in client/lab/prose-view.ts.
 */
import type { Plugin } from 'vite';
import { catalog } from '../experiments/catalog/index.ts';
import { catalogZhCN } from '../experiments/catalog/zh-CN/index.ts';
import type { Language } from '../experiments/i18n/languages.ts';
import { markdownAtBuild } from './markdown-at-build.ts';

const PREFIX = 'virtual:cors-lab/catalog-html/';

/** Each catalog experiment's explain (of `group` only, when given), as the page shows it in `lang`, rendered to safe HTML, by id. */
export function catalogHtml(lang: Language, group?: string): Record<string, string> {
  const { markdownHtml } = markdownAtBuild();
  const texts = lang === 'en'
    ? catalog.flatMap((e) => (e.explain && (group === undefined || e.group === group) ? [[e.id, e.explain] as const] : []))
    : Object.entries(catalogZhCN).map(([id, text]) => [id, text.explain] as const);
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
      if (name === 'zh-CN') return `export default ${JSON.stringify(catalogHtml('zh-CN'))};`;
      if (name === 'en') {
        const loaders = GROUPS.map((group) => `${JSON.stringify(group)}: () => import(${JSON.stringify(`${PREFIX}en/${group}`)})`);
        return `export default {\n${loaders.join(',\n')}\n};`;
      }
      const group = name.slice('en/'.length);
      if (!name.startsWith('en/') || !GROUPS.includes(group)) this.error(`${PREFIX}${name}: no such catalog group`);
      return `export default ${JSON.stringify(catalogHtml('en', group))};`;
    },
  };
}
