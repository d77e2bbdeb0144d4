/** Which HTML the page shows for an explain: the build's for the catalog's own prose, none for the user's. */
import zhLoaders from 'virtual:cors-lab/catalog-html/zh-CN';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { catalogZhCN } from '../../experiments/catalog/zh-CN/index.ts';
import '../../experiments/catalog/zh-CN/register.ts';
import { markdownAtBuild } from '../../scripts/markdown-at-build.ts';
import { loadCatalogHtml } from '../i18n/catalog-html.ts';
import { builtExplainHtml, explainView, loadEnglishHtml, registerCatalogHtml } from './prose-view.ts';

const { markdownHtml } = markdownAtBuild();
const explained = catalog.filter((e) => e.explain);

describe('the explain HTML a page shows', () => {
  it('is here for the first experiment the playground shows; another group once downloaded', async () => {
    const first = explained[0];
    const other = explained.find((e) => e.group !== first?.group);
    expect(builtExplainHtml(first?.explain ?? '', 'en')).toBe(markdownHtml(first?.explain ?? ''));
    expect(builtExplainHtml(other?.explain ?? '', 'en')).toBeUndefined();
    // Not shown empty for good: a directive that renders once the group arrives.
    expect(explainView(other?.explain ?? '', 'en')).toBeTypeOf('object');
    await loadEnglishHtml(other?.group ?? '');
    expect(builtExplainHtml(other?.explain ?? '', 'en')).toBe(markdownHtml(other?.explain ?? ''));
  });

  it("is each catalog explain's own, rendered, in English", async () => {
    expect(explained.length).toBeGreaterThan(100);
    await Promise.all([...new Set(explained.map((e) => e.group))].map((group) => loadEnglishHtml(group)));
    for (const e of explained) expect(builtExplainHtml(e.explain ?? '', 'en'), e.id).toBe(markdownHtml(e.explain ?? ''));
  });

  it('is the Chinese translation once its group is downloaded, and none before (then the page renders it)', async () => {
    const [first] = explained;
    const other = explained.find((e) => e.group !== first?.group);
    expect(builtExplainHtml(first?.explain ?? '', 'zh-CN')).toBeUndefined();
    registerCatalogHtml('zh-CN', zhLoaders);
    // One group per download: the first group's Chinese HTML does not bring another group's.
    await loadCatalogHtml('zh-CN', first?.group ?? '');
    expect(builtExplainHtml(first?.explain ?? '', 'zh-CN')).toBe(markdownHtml(catalogZhCN[first?.id ?? '']?.explain ?? ''));
    expect(builtExplainHtml(other?.explain ?? '', 'zh-CN')).toBeUndefined();
    await Promise.all([...new Set(explained.map((e) => e.group))].map((group) => loadCatalogHtml('zh-CN', group)));
    for (const e of explained) {
      expect(builtExplainHtml(e.explain ?? '', 'zh-CN'), e.id).toBe(markdownHtml(catalogZhCN[e.id]?.explain ?? ''));
    }
  });

  it("is none for the user's own prose, hostile or not: the page renders and sanitises it", () => {
    expect(builtExplainHtml('My own <script>alert(1)</script>', 'en')).toBeUndefined();
    expect(builtExplainHtml(`${explained[0]?.explain ?? ''} edited`, 'en')).toBeUndefined();
  });
});
