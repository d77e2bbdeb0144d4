/**
 * Runs one catalog experiment from the playground as a learner does: opens the page (in English, or in Chinese
 * with `lang: 'zh-CN'`), waits for the lab, picks the experiment by its title in that language, runs it, and
 * returns its log row (the specs then read the verdict there).
 */
import type { Locator, Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { catalogZhCN } from '../../experiments/catalog/zh-CN/index.ts';
import { expect } from './lab-fixture.ts';

const LABELS = {
  en: { status: 'lab status', ready: 'ready', run: 'Run this experiment', log: 'Log' },
  'zh-CN': { status: '实验室状态', ready: '就绪', run: '运行此实验', log: '日志' },
} as const;

export async function runInPlayground(
  page: Page, appUrl: string, id: string, { lang = 'en' }: { lang?: keyof typeof LABELS } = {},
): Promise<Locator> {
  const experiment = catalog.find((e) => e.id === id);
  if (!experiment) throw new Error(`no catalog experiment ${id}`);
  const title = lang === 'en' ? experiment.title : catalogZhCN[id]?.title;
  if (!title) throw new Error(`no ${lang} title for catalog experiment ${id}`);
  const labels = LABELS[lang];
  await page.goto(lang === 'en' ? `${appUrl}/` : `${appUrl}/?lang=${lang}`);
  await expect(page.getByRole('status', { name: labels.status })).toHaveText(labels.ready);
  await page.getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  await page.getByRole('button', { name: labels.run }).click();
  return page.getByRole('list', { name: labels.log }).getByTestId('log-row').filter({ hasText: id }).first();
}
