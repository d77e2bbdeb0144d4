/**
 * The catalog group a playground page opens on: the group of the experiment its address links to
 * (`#x=`, by the id the link gives, unchecked: only to download that group early), else the first
 * experiment's. Its plans (client/elements/opening-experiment.ts) and its "Why" (client/lab/prose-view.ts)
 * download before the first paint.
 */
import { catalogGroupOf } from '../../experiments/catalog/catalog-groups.ts';
import { catalogIndex } from '../../experiments/catalog/catalog-index.ts';
import { linkedExperimentId } from './experiment-link.ts';

/** The group a page whose address has `hash` opens on. */
export function openingGroupOf(hash: string): string {
  const linked = linkedExperimentId(hash);
  return (linked === null ? undefined : catalogGroupOf(linked)) ?? catalogIndex[0]?.group ?? '';
}
