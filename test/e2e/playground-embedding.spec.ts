/**
 * Format 1.2's element loads in the playground, in the learner's own browser: the shared runner page
 * inserts the element in its frame, so images, scripts and stylesheets run there as headless, with the
 * page's verdict and the model agreeing; an experiment with page headers (COOP, COEP), which a framed page
 * cannot apply, says so instead of reporting a disagreement.
 */
import type { Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';
import { runInPlayground } from './run-in-playground.ts';

for (const [id, verdict] of [
  ['resources-img-anonymous-without-allow-origin', '✖ blocked'],
  ['canvas-tainted-by-no-cors-image', '✔ allowed'],
  ['errors-muted-for-no-cors-script', '✔ allowed'],
  ['errors-css-rules-readable-for-cors-stylesheet', '✔ allowed'],
  ['corp-same-site-refuses-other-site', '✖ blocked'],
] as const) {
  test(`the playground runs ${id} in its frame: ${verdict}, expectation and model agree`, async ({ lab, page }) => {
    const row = await runInPlayground(page, originMap(lab.origins).app, id);
    await expect(row).toContainText(verdict);
    await expect(row.getByTestId('pass-fail')).toHaveText('✔ pass');
    await expect(row).not.toContainText('disagree');
  });
}

test('an experiment with page headers says the framed playground cannot apply them, instead of a disagreement', async ({ lab, page }) => {
  const id = 'isolation-coep-blocks-image-without-corp';
  const row = await runInPlayground(page, originMap(lab.origins).app, id);
  await expect(page.getByRole('region', { name: 'Prediction' }).getByTestId('browser-setting')).toContainText('in a frame');
  // In the frame COEP does not act: the image loads, which the caveat explains.
  await expect(row).toContainText('✔ allowed');
  await expect(row).not.toContainText('disagree');
  await row.getByText(id).click();
  await expect(row.getByTestId('caveat').first()).toContainText('cors-lab run');
});

test('editing an image\'s crossorigin and page headers, key by key, changes the prediction and names a bad line', async ({ lab, page }) => {
  const experiment = catalog.find((e) => e.id === 'canvas-tainted-by-no-cors-image')!;
  await page.goto(`${originMap(lab.origins).app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await page.getByRole('button', { name: experiment.title }).click();
  await page.getByText('Edit the request and the server plan').click();
  const prediction = page.getByRole('region', { name: 'Prediction' });
  await expect(prediction.getByRole('heading', { name: /Prediction/ })).toContainText('✔ allowed');
  // A CORS image without Access-Control-Allow-Origin: blocked, as the model says and Chromium does.
  const attribute = page.getByLabel('crossorigin (img, script, stylesheet)');
  await attribute.focus();
  await attribute.selectOption('anonymous');
  await expect(prediction.getByRole('heading', { name: /Prediction/ })).toContainText('✖ blocked');
  await expect(prediction).toContainText('MissingAllowOriginHeader');
  // A page header outside the four is named by its field and line, next to the field.
  const headers = page.getByLabel('Page headers');
  await headers.pressSequentially('Set-Cookie: a=1');
  await expect(page.getByText(/pageHeaders\["Set-Cookie"\] \(line 1\): "Set-Cookie" cannot be a page header/)).toBeVisible();
  await headers.fill('');
  await headers.pressSequentially('Cross-Origin-Embedder-Policy: require-corp');
  await expect(prediction.getByTestId('browser-setting')).toContainText('in a frame');
});
