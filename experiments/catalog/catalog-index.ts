/**
 * The catalog as its list shows it: each experiment's id, title and group, in catalog order. This is
 * what a page needs at its first paint (the list, the start panel, the English titles prose-in.ts
 * compares); an experiment's plan (request, server, expect) comes with its group (plans-by-group.ts).
 * Node derives it from the catalog here; the browser's build writes the same list out as data
 * (scripts/catalog-in-browser-plugin.ts), so the plans stay out of every first load (issue 16).
 */
import type { Experiment } from '../../format/schema.ts';
import { catalog } from './index.ts';

/** One catalog experiment in the list, without its plan. */
export type CatalogEntry = Pick<Experiment, 'id' | 'title' | 'group'>;

export const catalogIndex: readonly CatalogEntry[] = catalog.map(({ id, title, group }) => ({ id, title, group }));
