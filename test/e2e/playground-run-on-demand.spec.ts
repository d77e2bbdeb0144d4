/**
 * The code that runs an experiment downloads with the first run, not with the page
 * (client/lab/run-on-demand.ts, test/e2e/initial-javascript.spec.ts). In real Chromium: the
 * first click downloads it and the row shows whole (verdict, timeline, engines' lines, diagram);
 * a download that fails is said in an alert naming the experiment, no row and no verdict, and
 * the page stays usable: the next click downloads it again and runs.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

const first = catalog[0];
/** The runner's own chunk, named by the build after client/lab/run-in-browser.ts. */
const RUNNER_CHUNK = /\/assets\/run-in-browser-[\w-]{8}\.js$/;

test('the first run downloads the runner, and its row shows whole', async ({ lab, page }) => {
  const runner: string[] = [];
  page.on('request', (request) => {
    if (RUNNER_CHUNK.test(request.url())) runner.push(request.url());
  });
  await page.goto(`${originMap(lab.origins).app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await expect(page.getByRole('heading', { name: first?.title ?? '' })).toBeVisible();
  expect(runner).toEqual([]);

  await page.getByRole('button', { name: 'Run this experiment' }).click();
  const row = page.getByRole('list', { name: 'Log' }).getByTestId('log-row').filter({ hasText: first?.id ?? '' });
  await expect(row.getByTestId('pass-fail')).toHaveText('✔ pass');
  expect(runner).toHaveLength(1);
  await row.locator('summary').click();
  // What the servers received (the timeline), the engines' lines and the diagram came with the run.
  await expect(row.getByRole('list', { name: 'Timeline' })).toContainText('The server answered 200');
  await expect(row.getByText('Beside it: Firefox and WebKit')).toBeVisible();
  await expect(row.getByRole('img').first()).toBeVisible();
});

test('a runner that cannot be downloaded is said, with no verdict; the next run downloads it and runs', async ({ lab, page }) => {
  let refused = 0;
  await page.route(RUNNER_CHUNK, async (route) => {
    refused += 1;
    await route.abort('connectionrefused');
  });
  await page.goto(`${originMap(lab.origins).app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  const run = page.getByRole('button', { name: 'Run this experiment' });
  await run.click();
  await expect(page.getByRole('alert')).toContainText(`Could not download the code that runs ${first?.id}`);
  expect(refused).toBeGreaterThan(0);
  await expect(page.getByRole('list', { name: 'Log' }).getByTestId('log-row')).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');

  await page.unroute(RUNNER_CHUNK);
  await run.click();
  const row = page.getByRole('list', { name: 'Log' }).getByTestId('log-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('pass-fail')).toHaveText('✔ pass');
});
