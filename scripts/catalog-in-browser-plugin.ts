/**
 * The catalog as the browser's build bundles it, so a first load stays small whatever the catalog
 * holds (issue 16: initial JavaScript on the wire ≤ 90 kB):
 * - `experiments/catalog/catalog-index.ts`: the list (id, title, group of each experiment) as data,
 *   the only part of the catalog in a first load;
 * - `experiments/catalog/plans-by-group.ts`: a loader per group of `virtual:cors-lab/plans-<group>`,
 *   one small chunk each, the group's experiments without their `explain` Markdown, downloaded when a
 *   page shows, runs or compares one of them (client/lab/catalog-plans.ts);
 * - `experiments/catalog/first-experiment.ts`: the experiment the playground shows first, without explain;
 * - `experiments/catalog/zh-CN/register.ts`: the Chinese titles and step titles, without explains.
 * The explains download one group at a time too (catalog-prose-plugin.ts, client/i18n/catalog-prose.ts).
 * `experiments/catalog/index.ts`, the whole catalog, is no browser module: importing it fails the build.
 * Node (the CLI, the tests) imports the catalog's own modules unchanged; only `vite build` replaces them,
 * with data written from those same modules, so there is one source for each experiment.
 * https://rolldown.rs/apis/plugin-api#load
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { catalog } from '../experiments/catalog/index.ts';
import { catalogIndex } from '../experiments/catalog/catalog-index.ts';
import { catalogZhCN } from '../experiments/catalog/zh-CN/index.ts';
import { thenTitles } from '../experiments/catalog/zh-CN/then-titles.ts';

const CATALOG_FOLDER = fileURLToPath(new URL('../experiments/catalog/', import.meta.url));
const CATALOG_INDEX = join(CATALOG_FOLDER, 'index.ts');
const INDEX_MODULE = join(CATALOG_FOLDER, 'catalog-index.ts');
const PLANS_MODULE = join(CATALOG_FOLDER, 'plans-by-group.ts');
const FIRST_MODULE = join(CATALOG_FOLDER, 'first-experiment.ts');
const ZH_REGISTER = join(CATALOG_FOLDER, 'zh-CN', 'register.ts');
/**
 * `virtual:cors-lab/plans-simple`: the experiments of the group `simple`, without explains. The bundler names a
 * chunk after its module's last segment: `plans-simple-<hash>.js`, apart from the group's prose (`simple-<hash>.js`).
 */
const GROUP_PREFIX = 'virtual:cors-lab/plans-';
const GROUPS = [...new Set(catalog.map((e) => e.group))];

/** The catalog's own files, which the bundle no longer names: a change to one calls for a new build. */
export function catalogSourceFiles(): string[] {
  return readdirSync(CATALOG_FOLDER, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => join(CATALOG_FOLDER, name));
}

// JSON.parse of a string literal: parsed faster than the same object literal.
// https://v8.dev/blog/cost-of-javascript-2019#json
const parsed = (value: unknown): string => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

/** `experiments/catalog/catalog-index.ts` as data. */
function indexAsData(): string {
  return `export const catalogIndex = ${parsed(catalogIndex)};`;
}

/** `experiments/catalog/plans-by-group.ts` as a loader per group, each of its own module. */
function planLoaders(): string {
  const loaders = GROUPS.map((group) => {
    const module = JSON.stringify(`${GROUP_PREFIX}${group}`);
    return `${JSON.stringify(group)}: () => import(${module})`;
  });
  return `export const catalogPlanLoaders = {\n${loaders.join(',\n')}\n};`;
}

/** The experiments of `group`, in catalog order, each without `explain` (its prose downloads apart). */
function groupAsData(group: string): string {
  const inGroup = catalog.filter((e) => e.group === group);
  return `export default ${parsed(inGroup.map(({ explain: _explain, ...experiment }) => experiment))};`;
}

/** `experiments/catalog/first-experiment.ts` as data, without explain. */
function firstAsData(): string {
  const [first] = catalog;
  if (!first) return 'export const firstExperiment = undefined;';
  const { explain: _explain, ...experiment } = first;
  return `export const firstExperiment = ${parsed(experiment)};`;
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
    resolveId(id) {
      return id.startsWith(GROUP_PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (id === CATALOG_INDEX) {
        return this.error('experiments/catalog/index.ts is the whole catalog: a browser module imports '
          + 'experiments/catalog/catalog-index.ts (the list) and client/lab/catalog-plans.ts (a group\'s plans)');
      }
      if (id === INDEX_MODULE) return indexAsData();
      if (id === PLANS_MODULE) return planLoaders();
      if (id === FIRST_MODULE) return firstAsData();
      if (id === ZH_REGISTER) return chineseTitlesOnly();
      if (!id.startsWith(`\0${GROUP_PREFIX}`)) return undefined;
      const group = id.slice(`\0${GROUP_PREFIX}`.length);
      return GROUPS.includes(group) ? groupAsData(group) : this.error(`${GROUP_PREFIX}${group}: no such catalog group`);
    },
  };
}
