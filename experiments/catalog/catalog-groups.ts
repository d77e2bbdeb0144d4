/**
 * Which catalog group each experiment is in, from the catalog's list (catalog-index.ts): what a page
 * needs to download an experiment's plans (client/lab/catalog-plans.ts) before it has them.
 */
import { catalogIndex } from './catalog-index.ts';

const groupById = new Map(catalogIndex.map((e) => [e.id, e.group]));

/** The catalog group of experiment `id`; undefined for an id the catalog does not have. */
export function catalogGroupOf(id: string): string | undefined {
  return groupById.get(id);
}
