/**
 * The prediction panel once a user touches an experiment: the complete fix
 * and its "Apply fix" button, the reason no header helps where none can, and
 * explanations from the model's own checks once the experiment is edited.
 */
import type { Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

const byId = (id: string) => catalog.find((e) => e.id === id)!;

async function open(page: Page, appUrl: string, title: string): Promise<void> {
  await page.goto(`${appUrl}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await page.getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('"Apply fix" puts the complete fix in the editor, reruns, and the browser allows it', async ({ lab, page }) => {
  const experiment = byId('preflight-put-missing-allow-methods');
  const origins = originMap(lab.origins);
  await open(page, origins.app, experiment.title);
  const prediction = page.getByRole('region', { name: 'Prediction' });
  const fix = prediction.getByRole('region', { name: 'Fix' });
  await expect(fix.getByRole('listitem')).toHaveText([/^OPTIONS \(preflight\): Access-Control-Allow-Methods: PUT/, new RegExp(`^actual answer: Access-Control-Allow-Origin: ${origins.app}`), /^actual answer: Vary: Origin/]);
  await fix.getByRole('button', { name: 'Apply fix' }).click();
  await expect(page.getByRole('heading', { name: `Fixed: ${experiment.title}` })).toBeVisible();
  await expect(prediction.getByRole('heading', { name: /Prediction/ })).toContainText('✔ allowed');
  const row = page.getByRole('list', { name: 'Log' }).getByTestId('log-row').filter({ hasText: `custom-${experiment.id}` }).first();
  await expect(row).toContainText('✔ allowed');
  await expect(row).not.toContainText('disagree');
  await page.getByText('Edit the request and the server plan').click();
  await expect(page.getByLabel('Preflight response headers')).toHaveValue(/Access-Control-Allow-Methods: PUT/);
  await expect(page.getByLabel('Actual response headers')).toHaveValue(/Access-Control-Allow-Origin: \{page\}/);
});

test('where no header can help, the fix says why and what would', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, byId('simple-same-origin-mode-blocked').title);
  const fix = page.getByRole('region', { name: 'Fix' });
  await expect(fix.getByTestId('no-header-fix')).toContainText('mode "same-origin" refuses another origin before anything is sent');
  await expect(fix.getByRole('button', { name: 'Apply fix' })).toBeDisabled();
});

test("an edited experiment is explained by the model's checks, not the catalog's prose", async ({ lab, page }) => {
  const experiment = byId('preflight-put-missing-allow-methods');
  await open(page, originMap(lab.origins).app, experiment.title);
  const prediction = page.getByRole('region', { name: 'Prediction' });
  await expect(prediction.getByText('the browser never sends the PUT')).toBeVisible();
  await page.getByText('Edit the request and the server plan').click();
  await page.getByLabel('Preflight response headers').fill('Access-Control-Allow-Origin: {page}\nAccess-Control-Allow-Methods: PUT');
  await expect(prediction.getByText('the browser never sends the PUT')).toHaveCount(0);
  const checks = prediction.getByRole('list', { name: "The model's checks" });
  await expect(checks).toBeVisible();
  await expect(checks.getByRole('listitem').filter({ hasText: 'PUT is allowed by Access-Control-Allow-Methods' })).toContainText('Access-Control-Allow-Methods: PUT');
  // The actual answer still has no Allow-Origin: that is the one failed check, with the value it read.
  await expect(checks.locator('li[data-ok="no"]')).toHaveText(/the answer has no Access-Control-Allow-Origin.*Access-Control-Allow-Origin: \(absent\)/s);
});

test('a fix covers the later steps too: the first step is allowed, the second blocked', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, byId('preflight-cache-miss-new-header').title);
  const fix = page.getByRole('region', { name: 'Fix' });
  await expect(fix).toContainText('Send these headers and all 2 steps are allowed:');
  await expect(fix.getByRole('listitem')).toHaveText([/^OPTIONS \(preflight\): Access-Control-Allow-Headers: x-new/]);
});

test('a middleware experiment is fixed by its options, and applied, the real middleware allows it', async ({ lab, page }) => {
  const experiment = byId('hono-cors-allow-methods');
  await open(page, originMap(lab.origins).app, experiment.title);
  const fix = page.getByRole('region', { name: 'Fix' });
  await expect(fix).toContainText('Set these hono/cors options and the request is allowed:');
  await expect(fix.getByRole('listitem')).toHaveText([/^hono\/cors option allowMethods: \["GET","POST","DELETE"\]/]);
  await fix.getByRole('button', { name: 'Apply fix' }).click();
  const row = page.getByRole('list', { name: 'Log' }).getByTestId('log-row').filter({ hasText: `custom-${experiment.id}` }).first();
  await expect(row).toContainText('✔ allowed');
  await expect(row).not.toContainText('disagree');
});

test('an allowed middleware experiment shows no fix (the model runs the real middleware first)', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, byId('hono-cors-default-wildcard').title);
  await expect(page.getByRole('region', { name: 'Prediction' }).getByRole('heading', { name: /Prediction/ })).toContainText('✔ allowed');
  await expect(page.getByRole('region', { name: 'Fix' })).toHaveCount(0);
});
