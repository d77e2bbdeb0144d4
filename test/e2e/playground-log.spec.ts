/**
 * The log as people use it: the result of "Run this experiment" where they
 * look, a summary after a batch, catalog order, filters that say when
 * nothing matches, and an export in exactly the format `cors-lab run --json`
 * writes (compared with a real headless run of the same experiments).
 */
import { readFile } from 'node:fs/promises';
import type { Browser as CoreBrowser } from 'playwright-core';
import { catalog } from '../../experiments/catalog/index.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import type { RunReport } from '../../engines/run-result.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

const simple = catalog.filter((e) => e.group === 'simple');

/** The shape of a JSON value: key sets of objects and the type of every leaf, arrays by their first element. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (value === null) return 'null';
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

test('"Run this experiment" brings its row into view and focus', async ({ lab, page }) => {
  await page.setViewportSize({ width: 1000, height: 600 });
  await page.goto(`${originMap(lab.origins).app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await page.getByRole('button', { name: /^Run \d+: group simple$/ }).click();
  await expect(page.getByTestId('log-row')).toHaveCount(simple.length);
  const last = catalog.find((e) => e.id === 'preflight-put-missing-allow-methods')!;
  await page.getByRole('button', { name: last.title }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Run this experiment' }).click();
  const row = page.getByTestId('log-row').filter({ hasText: last.id });
  await expect(row).toBeInViewport();
  await expect(row.locator('summary')).toBeFocused();
});

test('a batch ends with a summary; catalog order; a filter that matches nothing says so; export is the run format', async ({ lab, page, browser }) => {
  const app = originMap(lab.origins).app;
  await page.goto(`${app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await page.getByRole('button', { name: /^Run \d+: group simple$/ }).click();
  const rows = page.getByTestId('log-row');
  await expect(rows).toHaveCount(simple.length);
  const count = (o: string) => simple.filter((e) => e.expect?.outcome === o).length;
  await expect(page.getByTestId('run-summary')).toHaveText(`Ran ${simple.length}: ${count('allowed')} allowed, ${count('blocked')} blocked, ${count('opaque')} opaque; no disagreement between the model and the browser.`);

  await page.getByLabel('Order', { exact: true }).selectOption('catalog order');
  await expect.poll(() => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-id')))).toEqual(simple.map((e) => e.id));

  await page.getByLabel('Show', { exact: true }).selectOption('opaque');
  await expect(rows).toHaveCount(count('opaque'));
  await page.getByLabel('Show', { exact: true }).selectOption('no answer');
  await expect(rows).toHaveCount(0);
  await expect(page.getByText(`No run matches the filter "no answer" (${simple.length} runs in the log).`)).toBeVisible();
  await page.getByLabel('Show', { exact: true }).selectOption('all');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export log as JSON' }).click();
  const exported = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as RunReport;
  // The same experiments through the CLI's own runner: what `cors-lab run --json` writes is this report, as JSON.
  const cli = JSON.parse(JSON.stringify(await runExperiments(simple, lab, browser as unknown as CoreBrowser))) as RunReport;
  expect(exported.browser).toMatch(/^chromium \d+\./);
  expect(exported.origins).toEqual(lab.origins);
  expect(shape({ ...exported, results: [] })).toEqual(shape({ ...cli, results: [] }));
  expect(exported.summary).toMatchObject({ total: simple.length, passed: simple.length, failed: 0 });
  const byId = new Map(cli.results.map((r) => [r.id, r]));
  expect(exported.results.map((r) => r.id).sort()).toEqual([...byId.keys()].sort());
  for (const mine of exported.results) {
    const theirs = byId.get(mine.id)!;
    // Same fields, same types, with honest differences: a page cannot learn Chromium's reason or console line, nor the
    // response's protocol (it is CDP's).
    const honest = (r: RunReport['results'][number]) => ({ ...r, observed: { ...r.observed, reason: null, console: null, failedParameter: null, protocol: null, serverSaw: r.observed.serverSaw.slice(0, 1) } });
    expect(shape(honest(mine)), mine.id).toEqual(shape(honest(theirs)));
    expect(mine.observed.reason).toBeNull();
    expect(mine.observed.console).toBeNull();
    expect(mine.observed.protocol ?? null).toBeNull();
    expect(mine.pass, mine.id).toBe(true);
    for (const field of ['outcome', 'preflight', 'reachedServer', 'status', 'originSeen', 'cookieSent'] as const) expect(mine.observed[field], `${mine.id} ${field}`).toEqual(theirs.observed[field]);
  }
  await page.getByRole('button', { name: 'Clear log' }).click();
  await expect(rows).toHaveCount(0);
});

test('keyboard only: a search typed key by key, the experiment chosen with the arrow keys and run with Enter, the log cleared with Enter', async ({ lab, page }) => {
  // Not the catalog's first experiment, which shows before any choice; its reason is not the first one's either.
  const chosen = catalog.find((e) => e.id === 'credentials-wildcard-origin')!;
  expect(chosen.expect!.reason).not.toBe(catalog[0]!.expect!.reason);
  await page.goto(`${originMap(lab.origins).app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await page.getByLabel('Search experiments').pressSequentially('wildcard-origin', { delay: 30 });
  const catalogNav = page.getByRole('navigation', { name: 'Catalog' });
  const button = catalogNav.getByRole('button', { name: chosen.title });
  await expect(button).toBeVisible();
  /** Presses `key` until `target` has focus: at most 40 times, so a lost focus fails here, not later. */
  const tabTo = async (target: typeof button, key: 'Tab' | 'Shift+Tab' | 'ArrowDown' = 'Tab'): Promise<void> => {
    for (let stop = 0; stop < 40; stop++) {
      if (await target.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el)) return;
      await page.keyboard.press(key);
    }
    await expect(target).toBeFocused();
  };
  // The list is one tab stop (a roving tabindex): Tab reaches it, the arrow keys move within it.
  await tabTo(catalogNav.getByRole('button', { name: 'Run 2: group credentials' }));
  await tabTo(button, 'ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Prediction' })).toContainText(chosen.expect!.reason!);
  await tabTo(page.getByRole('button', { name: 'Run this experiment' }));
  await page.keyboard.press('Enter');
  const rows = page.getByTestId('log-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(chosen.id);
  // The run's row has focus ("Run this experiment" brings it there); the log's buttons are above it.
  await expect(rows.first().locator('summary')).toBeFocused();
  await tabTo(page.getByRole('button', { name: 'Clear log' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(0);
});

test('honest labels: in the browser the reason and the console line are the model\'s, marked predicted; the timeline says the page calls PUT', async ({ lab, page }) => {
  const put = catalog.find((e) => e.id === 'preflight-put-missing-allow-methods')!;
  await page.goto(`${originMap(lab.origins).app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await page.getByRole('button', { name: put.title }).click();
  const prediction = page.getByRole('region', { name: 'Prediction' });
  await expect(prediction.getByRole('heading', { name: /Prediction/ })).toContainText(`predicted reason ${put.expect!.reason}`, { ignoreCase: true });
  await expect(prediction.getByText('Chromium console (predicted)')).toBeVisible();
  await page.getByRole('button', { name: 'Run this experiment' }).click();
  const row = page.getByTestId('log-row').filter({ hasText: put.id });
  await expect(row.locator('summary')).toContainText(`predicted ${put.expect!.reason}`, { ignoreCase: true });
  await row.getByText(put.id).click();
  const timeline = row.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('calls PUT. The browser first sends a preflight OPTIONS on its own');
  await expect(timeline).not.toContainText('calls OPTIONS');
  // The console line is the model's, and says so (beside the other engines' lines: playground-engine-lines.spec.ts).
  await expect(row.getByRole('group', { name: 'Chromium, your browser' })).toContainText('(predicted by the Chromium model)');
  await expect(page.getByText('Chromium reported')).toHaveCount(0);
});
