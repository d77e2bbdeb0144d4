/**
 * Format 1.2's form and beacon in the playground, run by the shared runner page in its frame as a learner's
 * browser runs them: the form submits into a popup, the beacon goes; the page sees neither answer (opaque) and
 * the servers' view (the journal) agrees with the expectation and the model. A form experiment says that a popup
 * blocker would stop it.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';
import { runInPlayground } from './run-in-playground.ts';

for (const id of ['csrf-form-post-samesite-lax', 'csrf-origin-check-refuses-evil', 'beacon-text-no-preflight', 'beacon-json-blob-preflight-unanswered']) {
  test(`the playground runs ${id} in its frames: opaque, expectation and model agree`, async ({ lab, page }) => {
    const row = await runInPlayground(page, originMap(lab.origins).app, id);
    await expect(row.getByTestId('pass-fail')).toHaveText('✔ pass');
    await expect(row).toContainText('opaque');
    await expect(row).not.toContainText('disagree');
  });
}

test('a form experiment says, beside its prediction, that it submits into a popup a blocker may stop', async ({ lab, page }) => {
  const experiment = catalog.find((e) => e.id === 'csrf-form-post-reaches-api')!;
  await page.goto(`${originMap(lab.origins).app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await page.getByRole('button', { name: experiment.title }).click();
  await expect(page.getByRole('region', { name: 'Prediction' })).toContainText('submits into a popup window');
});
