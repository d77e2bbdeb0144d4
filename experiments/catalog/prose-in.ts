/**
 * A catalog experiment's words in the learner's language. Only the catalog's
 * own text is swapped: an experiment whose title or explain the user changed
 * (or wrote) keeps its own words, in whatever language they are.
 */
import type { Language } from '../i18n/languages.ts';
import type { Experiment } from '../schema.ts';
import { catalog } from './index.ts';

/** One language's words for the catalog: titles and explains by id, step titles by their English title. */
export interface CatalogTranslation {
  texts: Readonly<Record<string, { title: string; explain: string }>>;
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

const byId = new Map(catalog.map((e) => [e.id, e]));

/** The title to show: the translation while the title is still the catalog's. */
export function titleIn(experiment: Pick<Experiment, 'id' | 'title'>, lang: Language): string {
  const source = byId.get(experiment.id);
  const text = source && Object.hasOwn(translations.get(lang)?.texts ?? {}, experiment.id) ? translations.get(lang)?.texts[experiment.id] : undefined;
  return text && source?.title === experiment.title ? text.title : experiment.title;
}

/** The explain to show (Markdown): the translation of the catalog's explain, found by its text. */
export function explainIn(explain: string, lang: Language): string {
  const texts = translations.get(lang)?.texts;
  if (!texts) return explain;
  const source = catalog.find((e) => e.explain === explain);
  return (source && Object.hasOwn(texts, source.id) ? texts[source.id]?.explain : undefined) ?? explain;
}

/** A `then` step's title: catalog step titles are translated, the user's own are kept. */
export function stepTitleIn(title: string, lang: Language): string {
  const titles = translations.get(lang)?.thenTitles;
  return titles && Object.hasOwn(titles, title) ? (titles[title] as string) : title;
}
