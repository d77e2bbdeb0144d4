/**
 * A catalog experiment's title and step titles in the learner's language. Only
 * the catalog's own text is swapped: an experiment whose title the user changed
 * (or wrote) keeps its own words, in whatever language they are. The catalog's
 * explanations come one group at a time (client/i18n/catalog-prose.ts), not here.
 */
import type { Language } from '../../format/i18n/languages.ts';
import type { Experiment } from '../../format/schema.ts';
import { catalogIndex } from './catalog-index.ts';

/** One language's words for the catalog: titles by id, step titles by their English title. */
export interface CatalogTranslation {
  titles: Readonly<Record<string, string>>;
  thenTitles: Readonly<Record<string, string>>;
}

/**
 * Filled by each language's module (`zh-CN/register.ts`), which the playground
 * loads only with that language, so an English page does not download the
 * Chinese catalog. Until then the catalog's own words show.
 */
const translations = new Map<Language, CatalogTranslation>();

export function registerCatalogTranslation(lang: Language, translation: CatalogTranslation): void {
  translations.set(lang, translation);
}

const byId = new Map(catalogIndex.map((e) => [e.id, e]));

/** The title to show: the translation while the title is still the catalog's. */
export function titleIn(experiment: Pick<Experiment, 'id' | 'title'>, lang: Language): string {
  const source = byId.get(experiment.id);
  const titles = translations.get(lang)?.titles ?? {};
  const title = source && Object.hasOwn(titles, experiment.id) ? titles[experiment.id] : undefined;
  return title && source?.title === experiment.title ? title : experiment.title;
}

/** A `then` step's title: catalog step titles are translated, the user's own are kept. */
export function stepTitleIn(title: string, lang: Language): string {
  const titles = translations.get(lang)?.thenTitles;
  return titles && Object.hasOwn(titles, title) ? (titles[title] as string) : title;
}
