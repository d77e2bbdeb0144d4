/**
 * The catalog's explain Markdown in the browser, which its catalog does not carry
 * (scripts/catalog-in-browser-plugin.ts): downloaded one group at a time for the file the learner
 * downloads, all groups at once for the search, never with the first load (issue 16).
 */
import englishMarkdown from 'virtual:cors-lab/catalog-markdown/en';
import type { Language } from '../../format/i18n/languages.ts';
import type { Experiment } from '../../format/schema.ts';
import { catalogProseIn, loadAllCatalogProse, loadCatalogProse, registerCatalogProse } from '../i18n/catalog-prose.ts';
import { loadProseOf } from './catalog-plans.ts';

registerCatalogProse('markdown', 'en', englishMarkdown);

/** The Markdown of a catalog experiment's explain in `lang` (rejects when its group cannot be downloaded). */
export async function catalogExplain(
  source: Pick<Experiment, 'id' | 'group'>,
  lang: Language,
): Promise<string | undefined> {
  await loadCatalogProse('markdown', lang, source.group);
  return catalogProseIn('markdown', lang, source.id);
}

/**
 * `experiment` with the catalog's explain spelled out when that prose describes it, as the catalog's file has it
 * (rejects when its group's plans or Markdown cannot be downloaded).
 */
export async function withCatalogExplain(experiment: Experiment): Promise<Experiment> {
  const prose = await loadProseOf(experiment);
  if (prose?.kind !== 'catalog' || experiment.explain !== undefined) return experiment;
  const explain = await catalogExplain(prose.source, 'en');
  return explain === undefined ? experiment : { ...experiment, explain };
}

/** Downloads every explain the search reads: English, and `lang`'s when it has its own. */
export async function loadSearchableExplains(lang: Language): Promise<void> {
  const languages: Language[] = lang === 'en' ? ['en'] : ['en', lang];
  await Promise.all(languages.map((each) => loadAllCatalogProse('markdown', each)));
}

/** The catalog explains of experiment `id` the search matches: English and `lang`'s, those downloaded so far. */
export function searchableExplains(id: string, lang: Language): string[] {
  const languages: Language[] = lang === 'en' ? ['en'] : ['en', lang];
  return languages.map((each) => catalogProseIn('markdown', each, id)).filter((text) => text !== undefined);
}
