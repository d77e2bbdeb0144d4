/**
 * The catalog group a playground page downloads before its first paint: the group of the catalog experiment its
 * address links to (`#x=`, by the id the link gives, unchecked: only to download that group early). Its plans
 * (client/elements/opening-experiment.ts) and its "Why" (client/lab/prose-view.ts) then come before the first paint.
 * None for a page without a link, or whose link names no catalog experiment (the learner's own, a broken or
 * hostile link): the first experiment, which such a page shows, came with the first load, plan and "Why".
 */
import { catalogGroupOf } from '../../experiments/catalog/catalog-groups.ts';
import { linkedExperimentId } from './experiment-link.ts';

/** The group to download first for a page whose address has `hash`, or undefined for none. */
export function linkedCatalogGroup(hash: string): string | undefined {
  const linked = linkedExperimentId(hash);
  return linked === null ? undefined : catalogGroupOf(linked);
}
