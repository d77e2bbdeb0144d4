/** Which HTML the page shows for an explain: the build's for the catalog's own prose, none for the user's. */
import zhHtml from 'virtual:cors-lab/catalog-html/zh-CN';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { catalogZhCN } from '../../experiments/catalog/zh-CN/index.ts';
import '../../experiments/catalog/zh-CN/register.ts';
import { markdownAtBuild } from '../../scripts/markdown-at-build.ts';
import { builtExplainHtml, registerCatalogHtml } from './prose-view.ts';

const { markdownHtml } = markdownAtBuild();
const explained = catalog.filter((e) => e.explain);

describe('the explain HTML a page shows', () => {
  it("is each catalog explain's own, rendered, in English", () => {
    expect(explained.length).toBeGreaterThan(100);
    for (const e of explained) expect(builtExplainHtml(e.explain ?? '', 'en'), e.id).toBe(markdownHtml(e.explain ?? ''));
  });

  it('is the Chinese translation once its HTML is registered, and none before (then the page renders it)', () => {
    const [first] = explained;
    expect(builtExplainHtml(first?.explain ?? '', 'zh-CN')).toBeUndefined();
    registerCatalogHtml('zh-CN', zhHtml);
    for (const e of explained) {
      expect(builtExplainHtml(e.explain ?? '', 'zh-CN'), e.id).toBe(markdownHtml(catalogZhCN[e.id]?.explain ?? ''));
    }
  });

  it("is none for the user's own prose, hostile or not: the page renders and sanitises it", () => {
    expect(builtExplainHtml('My own <script>alert(1)</script>', 'en')).toBeUndefined();
    expect(builtExplainHtml(`${explained[0]?.explain ?? ''} edited`, 'en')).toBeUndefined();
  });
});
