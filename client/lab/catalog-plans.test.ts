/** The catalog's plans in the page, one group at a time (in Node the loaders answer from the catalog itself). */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import {
  downloadedCatalogExperiment, downloadedProseOf, isCatalogExperiment, loadCatalogExperiments, loadCatalogGroup,
  loadProseOf,
} from './catalog-plans.ts';

const groups = [...new Set(catalog.map((e) => e.group))];
const last = catalog.at(-1)!;
const secondLast = catalog.findLast((e) => e.group !== last.group)!;

describe("the catalog's plans in the page", () => {
  it('come by group: none before its download, the catalog experiments of that group only after', async () => {
    expect(downloadedCatalogExperiment(last.id)).toBeUndefined();
    expect(downloadedProseOf(last)).toBeUndefined();
    const experiments = await loadCatalogGroup(last.group);
    expect(experiments).toEqual(catalog.filter((e) => e.group === last.group));
    expect(downloadedCatalogExperiment(last.id)).toBe(last);
    expect(downloadedCatalogExperiment(secondLast.id)).toBeUndefined();
    expect(downloadedProseOf(last)).toEqual({ kind: 'catalog', source: last });
  });

  it('give the experiments asked for, in that order, leaving out ids the catalog does not have', async () => {
    const asked = [last.id, 'no-such-experiment', catalog[0]!.id];
    expect((await loadCatalogExperiments(asked)).map((e) => e.id)).toEqual([last.id, catalog[0]!.id]);
    expect(await loadCatalogGroup('custom')).toEqual([]);
  });

  it('know the catalog\'s own experiment from an edited or a linked copy of it', async () => {
    const [first] = await loadCatalogExperiments([catalog[0]!.id]);
    expect(isCatalogExperiment(first!)).toBe(true);
    expect(isCatalogExperiment({ ...first! })).toBe(false);
  });

  it('compare an experiment with its catalog plan before its prose shows', async () => {
    const [experiment] = await loadCatalogExperiments([secondLast.id]);
    expect(await loadProseOf({ ...experiment! })).toEqual({ kind: 'catalog', source: secondLast });
    const edited = { ...experiment!, request: { ...experiment!.request, method: 'PATCH' } };
    expect(await loadProseOf(edited)).toBeNull();
    const mine = { id: 'mine', title: 'Mine', group: 'custom', explain: 'My note.' };
    expect(await loadProseOf({ ...mine, request: { target: 'api' } })).toEqual({ kind: 'own', text: 'My note.' });
  });

  it('are the whole catalog, in catalog order, once every group is downloaded', async () => {
    expect(groups.length).toBeGreaterThan(20);
    expect(await loadCatalogExperiments(catalog.map((e) => e.id))).toEqual(catalog);
  });
});
