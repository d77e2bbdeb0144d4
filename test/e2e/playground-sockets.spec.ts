/**
 * Format 1.2's socket APIs in the playground, in the learner's own browser: the runner frame opens the
 * WebSocket or the EventSource itself, the journal tells what the server received, and the verdict, the
 * expectation and the model agree; a socket experiment's server.websocket is edited key by key.
 */
import type { Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

async function openExperiment(page: Page, appUrl: string, id: string) {
  const experiment = catalog.find((e) => e.id === id)!;
  await page.goto(`${appUrl}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  // By its id, which the catalog button shows after the title: several titles begin alike.
  await page.getByRole('button', { name: id }).click();
  await expect(page.getByRole('heading', { name: experiment.title, level: 2 })).toBeVisible();
  return experiment;
}

for (const [id, verdict] of [
  ['websocket-origin-accepted', '✔ allowed'],
  ['websocket-origin-refused', '✖ blocked'],
  ['websocket-any-origin-from-evil', '✔ allowed'],
  ['eventsource-cross-origin-no-allow-origin', '✖ blocked'],
  ['eventsource-credentials-exact-origin', '✔ allowed'],
  ['eventsource-text-plain', '✖ blocked'],
] as const) {
  test(`the playground runs ${id} in its frame: ${verdict}, expectation and model agree`, async ({ lab, page }) => {
    await openExperiment(page, originMap(lab.origins).app, id);
    await page.getByRole('button', { name: 'Run this experiment' }).click();
    const row = page.getByRole('list', { name: 'Log' }).getByTestId('log-row').filter({ hasText: id }).first();
    await expect(row).toContainText(verdict);
    await expect(row.getByTestId('pass-fail')).toHaveText('✔ pass');
    await expect(row).not.toContainText('disagree');
  });
}

test('typing the accepted origins of a WebSocket, key by key, turns the prediction from blocked to allowed', async ({ lab, page }) => {
  await openExperiment(page, originMap(lab.origins).app, 'websocket-origin-refused');
  await page.getByText('Edit the request and the server plan').click();
  const prediction = page.getByRole('region', { name: 'Prediction' });
  await expect(prediction.getByRole('heading', { name: /Prediction/ })).toContainText('✖ blocked');
  await expect(prediction).toContainText('refused the WebSocket handshake (403)');
  const accepts = page.getByLabel('WebSocket accepts (JSON)');
  await accepts.fill('');
  await accepts.pressSequentially('{"acceptOrigins": ["{page}"]}');
  await expect(prediction.getByRole('heading', { name: /Prediction/ })).toContainText('✔ allowed');
  await expect(prediction).toContainText('No CORS applies to a WebSocket');
  // A shape the format does not know is named next to its field, not run.
  await accepts.fill('');
  await accepts.pressSequentially('"all"');
  await expect(page.getByText(/server\.websocket is "any" or/)).toBeVisible();
});
