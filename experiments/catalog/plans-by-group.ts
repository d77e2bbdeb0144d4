/**
 * The catalog's experiments, one group at a time, behind a loader per group (in catalog order). In
 * Node every loader answers from the catalog itself; the browser's build replaces this module with
 * loaders of one small chunk per group, each the group's experiments as data without their explains
 * (scripts/catalog-in-browser-plugin.ts), downloaded when a page shows, runs or compares one of them
 * (client/lab/catalog-plans.ts). One source: the catalog's own modules.
 */
import type { Experiment } from '../../format/schema.ts';
import { catalog } from './index.ts';

/** One group's experiments, in catalog order. */
type CatalogGroupModule = { default: readonly Experiment[] };

export type CatalogPlanLoaders = Readonly<Record<string, () => Promise<CatalogGroupModule>>>;

const groups = [...new Set(catalog.map((e) => e.group))];

export const catalogPlanLoaders: CatalogPlanLoaders = Object.fromEntries(
  groups.map((group) => [group, () => Promise.resolve({ default: catalog.filter((e) => e.group === group) })]),
);
