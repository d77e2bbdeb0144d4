/**
 * A catalog experiment's words in the learner's language. Only the catalog's
 * own text is swapped: an experiment whose title or explain the user changed
 * (or wrote) keeps its own words, in whatever language they are.
 */
import type { Language } from '../i18n/languages.ts';
import type { Experiment } from '../schema.ts';
import { catalog } from './index.ts';
import { catalogZhCN } from './zh-CN/index.ts';
import { thenTitles } from './zh-CN/then-titles.ts';

const byId = new Map(catalog.map((e) => [e.id, e]));

/** The title to show: the translation while the title is still the catalog's. */
export function titleIn(experiment: Pick<Experiment, 'id' | 'title'>, lang: Language): string {
  if (lang === 'en') return experiment.title;
  const source = byId.get(experiment.id);
  const zh = catalogZhCN[experiment.id];
  return source && zh && source.title === experiment.title ? zh.title : experiment.title;
}

/** The explain to show (Markdown): the translation of the catalog's explain, found by its text. */
export function explainIn(explain: string, lang: Language): string {
  if (lang === 'en') return explain;
  const source = catalog.find((e) => e.explain === explain);
  return (source && catalogZhCN[source.id]?.explain) ?? explain;
}

/** A `then` step's title: catalog step titles are translated, the user's own are kept. */
export function stepTitleIn(title: string, lang: Language): string {
  if (lang === 'en') return title;
  return Object.hasOwn(thenTitles, title) ? (thenTitles[title] as string) : title;
}
