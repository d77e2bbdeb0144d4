/** The catalog's explain Markdown the page downloads: for the file, and for the search (issue 16). */
import zhMarkdown from 'virtual:cors-lab/catalog-markdown/zh-CN';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { catalogZhCN } from '../../experiments/catalog/zh-CN/index.ts';
import { registerCatalogProse } from '../i18n/catalog-prose.ts';
import { catalogExplain, loadSearchableExplains, searchableExplains, withCatalogExplain } from './catalog-explain.ts';

/** A catalog experiment as the browser's build bundles it (scripts/catalog-in-browser-plugin.ts). */
const inBrowser = catalog.map(({ explain: _explain, ...e }) => e);
const last = catalog.at(-1)!;

describe("the catalog's explain Markdown in the page", () => {
  it('comes by group: none before its download, the catalog text after', async () => {
    expect(searchableExplains(last.id, 'en')).toEqual([]);
    expect(await catalogExplain(last, 'en')).toBe(last.explain);
    expect(searchableExplains(last.id, 'en')).toEqual([last.explain]);
  });

  it("is spelled out in a downloaded catalog experiment; not in an edited one, not over the user's own", async () => {
    const [first] = inBrowser;
    expect((await withCatalogExplain(first!)).explain).toBe(catalog[0]?.explain);
    const edited = { ...first!, request: { ...first!.request, method: 'DELETE' } };
    expect((await withCatalogExplain(edited)).explain).toBeUndefined();
    expect((await withCatalogExplain({ ...first!, explain: 'My note.' })).explain).toBe('My note.');
  });

  it("is every experiment's, in English and in Chinese, for the search", async () => {
    registerCatalogProse('markdown', 'zh-CN', zhMarkdown);
    await loadSearchableExplains('zh-CN');
    for (const e of catalog) {
      expect(searchableExplains(e.id, 'zh-CN'), e.id).toEqual([e.explain, catalogZhCN[e.id]?.explain]);
    }
    expect(searchableExplains('custom-new', 'zh-CN')).toEqual([]);
  });
});
