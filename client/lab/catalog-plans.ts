/**
 * The catalog's experiments in the page, one group at a time: a first load holds only the list
 * (experiments/catalog/catalog-index.ts: id, title, group), and a group's plans (request, server plan,
 * expect) download when the page shows, runs or compares one of its experiments, a lesson or a
 * presenter's deck uses it (issue 16: initial JavaScript on the wire ≤ 90 kB). The build writes one
 * small chunk per group (scripts/catalog-in-browser-plugin.ts); in Node the loaders answer from the
 * catalog itself. A group is downloaded once; again after a failed download.
 */
import { msg, str } from '@lit/localize';
import { catalogGroupOf } from '../../experiments/catalog/catalog-groups.ts';
import { catalogPlanLoaders } from '../../experiments/catalog/plans-by-group.ts';
import { proseOf, type ProseOf } from '../../format/catalog-prose.ts';
import type { Experiment } from '../../format/schema.ts';

/** A group's plans did not download (the lab stopped, the connection failed): the group it was. */
export class CatalogPlansError extends Error {
  constructor(
    readonly group: string,
    cause: unknown,
  ) {
    super(`the catalog group "${group}" did not download: ${String(cause)}`, { cause });
    this.name = 'CatalogPlansError';
  }
}

/** The experiments downloaded so far, by id: the same object each time, as the catalog's own. */
const downloaded = new Map<string, Experiment>();
const groupsLoading = new Map<string, Promise<readonly Experiment[]>>();

/** Downloads the experiments of catalog group `group`, once; none for a group the catalog does not have. */
export function loadCatalogGroup(group: string): Promise<readonly Experiment[]> {
  let loading = groupsLoading.get(group);
  if (!loading) {
    const load = Object.hasOwn(catalogPlanLoaders, group) ? catalogPlanLoaders[group] : undefined;
    if (!load) return Promise.resolve([]);
    loading = load().then(
      ({ default: group }) => {
        // An experiment already here (the first one: keepCatalogExperiment) stays the same object.
        const experiments = group.map((experiment) => downloaded.get(experiment.id) ?? experiment);
        for (const experiment of experiments) downloaded.set(experiment.id, experiment);
        return experiments;
      },
      (error: unknown) => {
        groupsLoading.delete(group);
        throw new CatalogPlansError(group, error);
      },
    );
    groupsLoading.set(group, loading);
  }
  return loading;
}

/** Keeps a catalog experiment the page has from its first load (experiments/catalog/first-experiment.ts). */
export function keepCatalogExperiment(experiment: Experiment): Experiment {
  const kept = downloaded.get(experiment.id) ?? experiment;
  downloaded.set(kept.id, kept);
  return kept;
}

/** Catalog experiment `id` when its group is here, else undefined (see loadCatalogExperiments). */
export function downloadedCatalogExperiment(id: string): Experiment | undefined {
  return downloaded.get(id);
}

/** The catalog experiments of `ids`, in that order, their groups downloaded at once; ids the catalog lacks left out. */
export async function loadCatalogExperiments(ids: Iterable<string>): Promise<Experiment[]> {
  const wanted = [...ids];
  const groups = new Set(wanted.flatMap((id) => catalogGroupOf(id) ?? []));
  await Promise.all([...groups].map(loadCatalogGroup));
  return wanted.flatMap((id) => downloaded.get(id) ?? []);
}

/** Whether `experiment` is the catalog's own, as downloaded: not an edited or a linked copy of it. */
export function isCatalogExperiment(experiment: Experiment): boolean {
  return downloaded.get(experiment.id) === experiment;
}

/**
 * The prose that still holds for `experiment` (format/catalog-prose.ts), compared with the catalog's plan of
 * its id (the browser's carry no explain: that plan is the only one to compare), downloaded first when needed.
 */
export async function loadProseOf(experiment: Experiment): Promise<ProseOf | null> {
  return downloadedProseOf(experiment) ?? proseOf(experiment, await loadCatalogExperiments([experiment.id]));
}

/**
 * The prose that still holds for `experiment` when the catalog's plan of its id is here (or it is no catalog
 * id); undefined while that plan is still to download (then loadProseOf).
 */
export function downloadedProseOf(experiment: Experiment): ProseOf | null | undefined {
  const source = downloaded.get(experiment.id);
  if (source) return proseOf(experiment, [source]);
  return catalogGroupOf(experiment.id) === undefined ? proseOf(experiment, []) : undefined;
}

/** What the page says when a group's plans did not download: which group, and that trying again may work. */
export function catalogPlansFailedText(error: unknown): string {
  if (!(error instanceof CatalogPlansError)) return String(error);
  const { group } = error;
  return msg(str`The catalog group "${group}" did not download: is the lab running? Reload the page to try again.`, {
    id: 'catalog.plans-failed',
  });
}
