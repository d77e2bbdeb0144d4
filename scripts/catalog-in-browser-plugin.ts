/**
 * The catalog as the browser's build bundles it: the same experiments, without their `explain`
 * Markdown, and the Chinese catalog words without their explains. The explains are the largest part
 * of the catalog and grow with it; the page downloads them one group at a time when it shows or reads
 * them (catalog-prose-plugin.ts, client/i18n/catalog-prose.ts), so a first load stays the same size
 * whatever the catalog holds (issue 16: initial JavaScript on the wire ≤ 90 kB). Node (the CLI, the
 * tests) imports the catalog's own modules unchanged; only `vite build` replaces them, with data
 * written from those same modules, so there is one source for each experiment.
 * https://rolldown.rs/apis/plugin-api#load
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import * as catalogModule from '../experiments/catalog/index.ts';
import { catalogZhCN } from '../experiments/catalog/zh-CN/index.ts';
import { thenTitles } from '../experiments/catalog/zh-CN/then-titles.ts';

const CATALOG_FOLDER = fileURLToPath(new URL('../experiments/catalog/', import.meta.url));
const CATALOG_INDEX = join(CATALOG_FOLDER, 'index.ts');
const ZH_REGISTER = join(CATALOG_FOLDER, 'zh-CN', 'register.ts');

/** The catalog's own files, which the bundle no longer names: a change to one calls for a new build. */
export function catalogSourceFiles(): string[] {
  return readdirSync(CATALOG_FOLDER, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => join(CATALOG_FOLDER, name));
}

/** `experiments/catalog/index.ts` as data: every export as it is, each experiment without `explain`. */
function catalogWithoutExplains(): string {
  const { catalog, ...rest } = catalogModule;
  const experiments = catalog.map(({ explain: _explain, ...experiment }) => experiment);
  const others = Object.entries(rest).map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`);
  // JSON.parse of a string literal: parsed faster than the same object literal.
  // https://v8.dev/blog/cost-of-javascript-2019#json
  return [...others, `export const catalog = JSON.parse(${JSON.stringify(JSON.stringify(experiments))});`].join('\n');
}

/** `experiments/catalog/zh-CN/register.ts` as data: the titles and step titles, no explains. */
function chineseTitlesOnly(): string {
  const titles = Object.fromEntries(Object.entries(catalogZhCN).map(([id, text]) => [id, text.title]));
  return [
    `import { registerCatalogTranslation } from '../prose-in.ts';`,
    `registerCatalogTranslation('zh-CN', ${JSON.stringify({ titles, thenTitles })});`,
  ].join('\n');
}

export function catalogInBrowserPlugin(): Plugin {
  return {
    name: 'cors-lab-catalog-in-browser',
    apply: 'build',
    load(id) {
      if (id === CATALOG_INDEX) return catalogWithoutExplains();
      if (id === ZH_REGISTER) return chineseTitlesOnly();
      return undefined;
    },
  };
}
