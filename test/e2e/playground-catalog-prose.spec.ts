/**
 * The catalog's explanations are not in the playground's first load (issue 16: initial JavaScript
 * on the wire ≤ 90 kB): the page downloads them when it shows or reads them. Nothing a learner sees
 * gets worse: the first paint already holds the list and the first experiment's "Why"; the search
 * still finds an experiment by a word only its explanation holds, typed key by key, in English and in
 * Chinese; the downloaded file still carries the explanation.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { catalogZhCN } from '../../experiments/catalog/zh-CN/index.ts';
import type { Experiment } from '../../format/schema.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

type Lang = 'en' | 'zh-CN';
const titleIn = (e: Experiment, lang: Lang): string =>
  lang === 'en' ? e.title : (catalogZhCN[e.id]?.title ?? e.title);
const explainIn = (e: Experiment, lang: Lang): string => (lang === 'en' ? e.explain : catalogZhCN[e.id]?.explain) ?? '';
/** Everything the search reads of an experiment on a `lang` page, but its explanations. */
const named = (e: Experiment, lang: Lang): string =>
  [e.id, e.title, titleIn(e, lang), e.group].join('\n').toLowerCase();

/**
 * A word of an explanation in `lang` (after the first group, whose prose a first paint may hold)
 * that no id, title or group holds, and the experiments it finds.
 */
function wordOnlyInExplanations(lang: Lang): { word: string; found: Experiment[] } {
  const words = lang === 'en' ? /[a-z]{8,}/g : /\p{Script=Han}{4}/gu;
  for (const e of catalog.filter((x) => x.group !== catalog[0]?.group)) {
    for (const word of explainIn(e, lang).toLowerCase().match(words) ?? []) {
      if (catalog.some((x) => named(x, lang).includes(word))) continue;
      const found = catalog.filter((x) => `${x.explain ?? ''}\n${explainIn(x, lang)}`.toLowerCase().includes(word));
      if (found.length <= 3) return { word, found };
    }
  }
  throw new Error(`no word of a ${lang} explanation is missing from every title`);
}

const catalogButtons = (page: Page) =>
  page.getByRole('navigation', { name: /^(Catalog|实验目录)$/ }).locator('button[aria-pressed]');

for (const lang of ['en', 'zh-CN'] as const) {
  test(`${lang}: the search finds an experiment by a word only its explanation holds, typed key by key`, async ({
    lab,
    page,
  }) => {
    const { word, found } = wordOnlyInExplanations(lang);
    await page.goto(`${originMap(lab.origins).app}/${lang === 'en' ? '' : '?lang=zh-CN'}`);
    await expect(page.getByRole('status', { name: /^(lab status|实验室状态)$/ })).toHaveText(/^(ready|就绪)$/);
    await expect(catalogButtons(page)).toHaveCount(catalog.length);
    await page.getByLabel(lang === 'en' ? 'Search experiments' : '搜索实验').pressSequentially(word, { delay: 30 });
    // The explanations download with the first key; the list then holds exactly the experiments they name.
    await expect(catalogButtons(page)).toHaveCount(found.length);
    for (const e of found) await expect(catalogButtons(page).filter({ hasText: e.id })).toContainText(titleIn(e, lang));
  });
}

test('the first paint of the prediction holds the first experiment\'s "Why", and the list', async ({ lab, page }) => {
  const first = catalog[0]!;
  const why = first.explain!.split(/[`*[]/)[0]!.split('.')[0]!;
  expect(why.length).toBeGreaterThan(20);
  await page.goto(`${originMap(lab.origins).app}/`);
  // Polled on every animation frame: the first frame in which the prediction shows is the one returned.
  const firstFrame = await page.waitForFunction(
    (text) => {
      const app = document.querySelector('cors-lab-app')?.shadowRoot;
      const prediction = app?.querySelector('cors-lab-prediction')?.shadowRoot?.querySelector('section');
      if (!prediction) return null;
      const list = app?.querySelector('cors-lab-catalog')?.shadowRoot;
      const buttons = list?.querySelectorAll('button[aria-pressed]').length ?? 0;
      return { why: prediction.querySelector('.explain')?.textContent?.includes(text) ?? false, buttons };
    },
    why,
    { polling: 'raf' },
  );
  expect(await firstFrame.jsonValue()).toEqual({ why: true, buttons: catalog.length });
});

test('the downloaded file of a catalog experiment carries its explanation', async ({ lab, page }) => {
  const shown = catalog.find((e) => e.group !== catalog[0]?.group && e.explain)!;
  const dir = await mkdtemp(join(tmpdir(), 'cors-lab-prose-'));
  try {
    await page.goto(`${originMap(lab.origins).app}/`);
    await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
    await catalogButtons(page).filter({ hasText: shown.id }).click();
    await expect(page.getByRole('heading', { name: shown.title, level: 2 })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download JSON' }).click();
    const file = join(dir, 'experiment.json');
    await (await download).saveAs(file);
    const [experiment] = JSON.parse(await readFile(file, 'utf8')) as Experiment[];
    expect(experiment?.id).toBe(shown.id);
    expect(experiment?.explain).toBe(shown.explain);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
