/**
 * Format 1.1 in the playground, in the user's own browser (Playwright's
 * default Chromium, which knows nothing of the lab's public origin): the
 * settings an experiment assumes are stated, the real middleware is
 * predicted in the page, and an experiment this browser cannot reproduce is
 * marked as such, not as a disagreement.
 */
import type { Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

async function openExperiment(page: Page, appUrl: string, id: string): Promise<void> {
  const experiment = catalog.find((e) => e.id === id)!;
  await page.goto(`${appUrl}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await page.getByRole('button', { name: experiment.title }).click();
  // Its group's plans may still be downloading: the panel shows it once they are here.
  await expect(page.getByRole('heading', { level: 2, name: experiment.title, exact: true })).toBeVisible();
}

test('a public-page experiment states why this browser cannot reproduce it, instead of a disagreement', async ({ lab, page }) => {
  await openExperiment(page, originMap(lab.origins).app, 'lna-public-to-loopback-denied');
  await expect(page.getByRole('region', { name: 'Prediction' })).toContainText('LocalNetworkAccessPermissionDenied');
  await expect(page.getByRole('region', { name: 'Prediction' }).getByTestId('browser-setting')).toContainText('does not apply');
  await page.getByRole('button', { name: 'Run this experiment' }).click();
  const row = page.getByRole('list', { name: 'Log' }).getByTestId('log-row').filter({ hasText: 'lna-public-to-loopback-denied' }).first();
  // Here the public origin is loopback: the request passes, and the log says why instead of "disagree".
  await expect(row).toContainText('✔ allowed');
  await expect(row).not.toContainText('disagree');
  await row.getByText('lna-public-to-loopback-denied').click();
  await expect(row.getByTestId('caveat').first()).toContainText('cors-lab run');
});

test('a cookie experiment states the third-party cookie setting it assumes', async ({ lab, page }) => {
  await openExperiment(page, originMap(lab.origins).app, 'cookies-cross-site-none-secure-3pc-allowed');
  await expect(page.getByRole('region', { name: 'Prediction' }).getByTestId('browser-setting')).toContainText('Assumes third-party cookies allowed');
});

for (const [id, label, reason] of [
  ['hono-cors-wildcard-with-credentials', '✖ blocked', 'WildcardOriginNotAllowed'],
  ['hono-cors-origin-list-credentials', '✔ allowed', null],
  ['hono-cors-echoes-request-headers', '✔ allowed', null],
  ['express-cors-regex-anchored', '✖ blocked', 'MissingAllowOriginHeader'],
] as const) {
  test(`the real middleware is predicted in the page and the browser agrees: ${id}`, async ({ lab, page }) => {
    await openExperiment(page, originMap(lab.origins).app, id);
    const prediction = page.getByRole('region', { name: 'Prediction' });
    await expect(prediction).toContainText(label);
    if (reason) await expect(prediction).toContainText(reason);
    await page.getByRole('button', { name: 'Run this experiment' }).click();
    const row = page.getByRole('list', { name: 'Log' }).getByTestId('log-row').filter({ hasText: id }).first();
    await expect(row).toContainText(label);
    await expect(row).not.toContainText('disagree');
  });
}

test('when the browser for a setting cannot start, its experiments fail with the reason and the others still run', async ({ lab, browser }) => {
  const allowed = catalog.find((e) => e.id === 'cookies-same-site-lax-3pc-allowed')!;
  const plain = catalog.find((e) => e.id === 'cookies-same-site-lax-3pc-blocked')!;
  const saved = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = '/nonexistent/chromium';
  try {
    const report = await runExperiments([allowed, plain], lab, browser);
    expect(report.results[0]!.pass).toBe(false);
    expect(report.results[0]!.mismatches.join('\n')).toContain('CHROMIUM_PATH=/nonexistent/chromium does not exist');
    expect(report.results[1]!.mismatches).toEqual([]);
  } finally {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  }
});
