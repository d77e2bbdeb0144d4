/**
 * Format 1.2's socket APIs in the playground, in the learner's own browser: the runner frame opens the
 * WebSocket or the EventSource itself, the journal tells what the server received, and the verdict, the
 * expectation and the model agree; a socket experiment's server.websocket is edited key by key.
 */
import type { Page } from '@playwright/test';
import { experimentHash } from '../../client/share/experiment-link.ts';
import { templates as zhTemplates } from '../../client/i18n/zh-CN/index.ts';
import { catalog } from '../../experiments/catalog/index.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';
import { READER_VIEWS, shot } from './shots-folder.ts';

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

/** A refused WebSocket in every view: the verdict names the server, not CORS, and the log row's sequence says so. */
const VIEWS = READER_VIEWS;
const WORDS = {
  en: {
    status: 'lab status', ready: 'ready', prediction: 'Prediction', verdict: 'Blocked by the server', run: 'Run this experiment', log: 'Log',
    edit: 'Edit the request and the server plan', accepts: 'WebSocket accepts (JSON)',
  },
  'zh-CN': {
    status: zhTemplates['app.status-label'] as string,
    ready: zhTemplates['app.status-ready'] as string,
    prediction: zhTemplates['prediction.label'] as string,
    verdict: '被服务器拦截',
    run: zhTemplates['app.run'] as string,
    log: zhTemplates['app.log'] as string,
    edit: zhTemplates['app.edit'] as string,
    accepts: zhTemplates['editor.websocket'] as string,
  },
} as const;

for (const view of VIEWS) {
  test(`${view.name}: a refused WebSocket says the server refused it, and fits the page`, async ({ lab, page }) => {
    const words = WORDS[view.lang];
    await page.setViewportSize({ width: view.width, height: 900 });
    const experiment = catalog.find((e) => e.id === 'websocket-origin-refused')!;
    const query = view.lang === 'en' ? '' : '?lang=zh-CN';
    await page.goto(`${originMap(lab.origins).app}/${query}${experimentHash(experiment)}`);
    await expect(page.getByRole('status', { name: words.status })).toHaveText(words.ready);
    if (view.presenter) await page.getByRole('button', { name: 'Presenter mode' }).click();
    if (view.dark) await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.getByRole('region', { name: words.prediction })).toContainText(words.verdict);
    await page.getByRole('button', { name: words.run }).click();
    const row = page.getByRole('list', { name: words.log }).getByTestId('log-row').filter({ hasText: experiment.id }).first();
    await expect(row.getByTestId('pass-fail')).toHaveText(/✔/);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth, 'page width').toBeLessThanOrEqual(clientWidth);
    await shot(page, `socket-refused-${view.name}.png`);
    await row.getByText(experiment.id).click();
    await row.scrollIntoViewIfNeeded();
    await shot(page, `socket-refused-log-${view.name}.png`);
    // The editor's server.websocket field, holding the plan's accepted origins.
    await page.getByText(words.edit).click();
    const accepts = page.getByLabel(words.accepts);
    await expect(accepts).toHaveValue(/"acceptOrigins"/);
    await accepts.scrollIntoViewIfNeeded();
    await shot(page, `socket-editor-${view.name}.png`);
  });
}
