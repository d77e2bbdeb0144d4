/** Which HTML the page shows for an experiment's prose: the build's for the catalog's own, by id. */
import zhLoaders from 'virtual:cors-lab/catalog-html/zh-CN';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { catalogZhCN } from '../../experiments/catalog/zh-CN/index.ts';
import { markdownAtBuild } from '../../scripts/markdown-at-build.ts';
import { loadCatalogProse, registerCatalogProse } from '../i18n/catalog-prose.ts';
import { loadCatalogExperiments } from './catalog-plans.ts';
import { builtExplainHtml, experimentProseView, explainView, loadEnglishHtml } from './prose-view.ts';

const { markdownHtml } = markdownAtBuild();
const explained = catalog.filter((e) => e.explain);
const groups = [...new Set(explained.map((e) => e.group))];

describe('the explain HTML a page shows', () => {
  it('is here for the first experiment the playground shows; another group once downloaded', async () => {
    const first = explained[0];
    const other = explained.find((e) => e.group !== first?.group);
    expect(builtExplainHtml(first?.id ?? '', 'en')).toBe(markdownHtml(first?.explain ?? ''));
    expect(builtExplainHtml(other?.id ?? '', 'en')).toBeUndefined();
    // Not shown empty for good: a directive that renders once the group arrives.
    expect(explainView({ kind: 'catalog', source: other! }, 'en')).toBeTypeOf('object');
    await loadEnglishHtml(other?.group ?? '');
    expect(builtExplainHtml(other?.id ?? '', 'en')).toBe(markdownHtml(other?.explain ?? ''));
  });

  it("is each catalog explain's own, rendered, in English", async () => {
    expect(explained.length).toBeGreaterThan(100);
    await Promise.all(groups.map((group) => loadEnglishHtml(group)));
    for (const e of explained) expect(builtExplainHtml(e.id, 'en'), e.id).toBe(markdownHtml(e.explain ?? ''));
  });

  it('is the Chinese translation once its group is downloaded, none before (then the page renders it)', async () => {
    const [first] = explained;
    const other = explained.find((e) => e.group !== first?.group);
    // Until the Chinese HTML is registered a Chinese page shows the English.
    expect(builtExplainHtml(first?.id ?? '', 'zh-CN')).toBe(markdownHtml(first?.explain ?? ''));
    registerCatalogProse('html', 'zh-CN', zhLoaders);
    expect(builtExplainHtml(first?.id ?? '', 'zh-CN')).toBeUndefined();
    // One group per download: the first group's Chinese HTML does not bring another group's.
    await loadCatalogProse('html', 'zh-CN', first?.group ?? '');
    expect(builtExplainHtml(first?.id ?? '', 'zh-CN')).toBe(markdownHtml(catalogZhCN[first?.id ?? '']?.explain ?? ''));
    expect(builtExplainHtml(other?.id ?? '', 'zh-CN')).toBeUndefined();
    await Promise.all(groups.map((group) => loadCatalogProse('html', 'zh-CN', group)));
    for (const e of explained) {
      expect(builtExplainHtml(e.id, 'zh-CN'), e.id).toBe(markdownHtml(catalogZhCN[e.id]?.explain ?? ''));
    }
  });

  it('is none for an id the catalog does not hold, and no prose at all for an edited catalog experiment', async () => {
    const [first] = explained;
    expect(builtExplainHtml('custom-new', 'en')).toBeUndefined();
    const edited = { ...first!, explain: undefined, request: { ...first!.request, method: 'DELETE' } };
    // Compared with the catalog's plan of its id: a directive that shows once that plan is here, then at once.
    expect(experimentProseView(edited, 'en')).not.toBeNull();
    await loadCatalogExperiments([first!.id]);
    expect(experimentProseView(edited, 'en')).toBeNull();
  });
});
