/**
 * Format 1.2's frames in the playground, in the learner's own browser: the shared runner page (itself in the
 * playground's frame) frames the target or opens it as a popup, and posts to either there, as headless, and the
 * page's verdict, the expectation and the model agree, in English and Chinese, at phone width.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import { templates as zhTemplates } from '../../client/i18n/zh-CN/index.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';
import { runInPlayground } from './run-in-playground.ts';

for (const [id, verdict] of [
  ['frames-xfo-deny', '✖ blocked'],
  ['frames-xfo-sameorigin-own-origin', '✔ allowed'],
  ['frames-frame-ancestors-other-origin', '✖ blocked'],
  ['postmessage-target-origin-mismatch', '✖ blocked'],
  ['postmessage-star-frame-navigated-to-evil', '✔ allowed'],
  ['postmessage-receiver-checks-origin-evil-sender', '✖ blocked'],
  ['postmessage-popup-noopener', '◌ opaque'],
  ['postmessage-popup-coop-same-origin', '◌ opaque'],
  ['postmessage-via-popup-target-origin-exact', '✔ allowed'],
  ['postmessage-via-popup-coop-same-origin', '✖ blocked'],
] as const) {
  test(`the playground runs ${id} in its frame: ${verdict}, expectation and model agree`, async ({ lab, page }) => {
    const row = await runInPlayground(page, originMap(lab.origins).app, id);
    await expect(row).toContainText(verdict);
    await expect(row.getByTestId('pass-fail')).toHaveText('✔ pass');
    await expect(row).not.toContainText('disagree');
  });
}

test('a Chinese learner at phone width runs the postMessage leak: delivered to evil, in Chinese', async ({ lab, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const id = 'postmessage-star-frame-navigated-to-evil';
  const row = await runInPlayground(page, originMap(lab.origins).app, id, { lang: 'zh-CN' });
  await expect(row.getByTestId('pass-fail')).toHaveText('✔ 通过');
  await expect(row).not.toContainText('disagree');
});

test('a Chinese learner at phone width posts to a popup: the diagram opens it with window.open, the message is taken', async ({ lab, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const id = 'postmessage-via-popup-target-origin-exact';
  const row = await runInPlayground(page, originMap(lab.origins).app, id, { lang: 'zh-CN' });
  await expect(row).toContainText('✔');
  await expect(row.getByTestId('pass-fail')).toHaveText('✔ 通过');
  const diagram = page.locator('cors-lab-predicted-sequence svg');
  await expect(diagram).toContainText('window.open partner/');
  await expect(diagram).toContainText(zhTemplates['sequence.opener-kept'] as string);
  await expect(diagram).toContainText(zhTemplates['sequence.message-taken'] as string);
});

test('editing a popup message, key by key: noopener leaves no handle, a frame refuses noopener, targetOrigin is typed', async ({ lab, page }) => {
  const experiment = catalog.find((e) => e.id === 'postmessage-via-popup-target-origin-exact')!;
  await page.goto(`${originMap(lab.origins).app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await page.getByRole('button', { name: experiment.title }).click();
  await page.getByText('Edit the request and the server plan').click();
  const prediction = page.getByRole('region', { name: 'Prediction' });
  await expect(prediction.getByRole('heading', { name: /Prediction/ })).toContainText('✔ allowed');
  await expect(page.getByLabel('targetOrigin (postMessage)')).toHaveValue('{origin:partner}');
  await expect(page.getByLabel('via (postMessage)')).toHaveValue('window-open');
  const noopener = page.getByLabel('noopener (a popup)');
  await noopener.focus();
  await noopener.selectOption('true');
  await expect(prediction.getByRole('heading', { name: /Prediction/ })).toContainText('✖ blocked');
  await expect(prediction).toContainText('no live handle on the popup');
  // noopener on a message to a frame is named next to its field.
  await page.getByLabel('via (postMessage)').selectOption('iframe');
  await expect(page.getByText(/request\.noopener: noopener applies to a popup/)).toBeVisible();
  await noopener.selectOption('');
  // A targetOrigin typed key by key: api's origin, not the popup's, drops the message.
  await page.getByLabel('via (postMessage)').selectOption('window-open');
  const targetOrigin = page.getByLabel('targetOrigin (postMessage)');
  await targetOrigin.fill('');
  await targetOrigin.pressSequentially('{origin:api}');
  await expect(prediction).toContainText('since the popup is not on targetOrigin');
});
