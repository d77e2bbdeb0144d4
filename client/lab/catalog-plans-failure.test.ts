/** A group whose plans do not download is named, and downloaded again when asked again. */
import { describe, expect, it, vi } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';

const simple = catalog.filter((e) => e.group === 'simple');
const attempts = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../experiments/catalog/plans-by-group.ts', () => ({
  catalogPlanLoaders: {
    simple: () => {
      attempts.count += 1;
      // The first download fails as a stopped lab's does in a browser.
      if (attempts.count === 1) return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      return Promise.resolve({ default: simple });
    },
  },
}));

const { CatalogPlansError, catalogPlansFailedText, loadCatalogExperiments, downloadedCatalogExperiment } = await import(
  './catalog-plans.ts'
);

describe('a failed download of a group of the catalog', () => {
  it('rejects naming the group, says so in a sentence, and is tried again on the next call', async () => {
    const failure = await loadCatalogExperiments([simple[1]!.id]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CatalogPlansError);
    expect(failure).toMatchObject({ group: 'simple', message: expect.stringContaining('Failed to fetch') });
    expect(catalogPlansFailedText(failure)).toBe(
      'The catalog group "simple" did not download: is the lab running? Reload the page to try again.',
    );
    expect(downloadedCatalogExperiment(simple[1]!.id)).toBeUndefined();
    expect(await loadCatalogExperiments([simple[1]!.id])).toEqual([simple[1]]);
    expect(attempts.count).toBe(2);
  });
});
