/**
 * Runs one catalog experiment from the playground as a learner does: opens the page, waits for the lab, picks the
 * experiment by its title, runs it, and returns its log row (the specs then read the verdict there).
 */
import type { Locator, Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { expect } from './lab-fixture.ts';

export async function runInPlayground(page: Page, appUrl: string, id: string): Promise<Locator> {
  const experiment = catalog.find((e) => e.id === id);
  if (!experiment) throw new Error(`no catalog experiment ${id}`);
  await page.goto(`${appUrl}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await page.getByRole('button', { name: experiment.title }).click();
  await expect(page.getByRole('heading', { name: experiment.title, level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Run this experiment' }).click();
  return page.getByRole('list', { name: 'Log' }).getByTestId('log-row').filter({ hasText: id }).first();
}
