/**
 * The catalog experiment the playground shows first, plan and all, so a first paint of the playground
 * needs no group's plans (client/elements/opening-experiment.ts). Node takes it from the catalog; the
 * browser's build writes it out as data without its explain (scripts/catalog-in-browser-plugin.ts).
 */
import type { Experiment } from '../../format/schema.ts';
import { catalog } from './index.ts';

export const firstExperiment: Experiment | undefined = catalog[0];
