/**
 * The sequence diagram against what really happened: lanes and arrows laid
 * out from the journal of real Chromium runs, the diagram on the real page
 * (observed in the log, predicted beside the editor, live), and its export.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { originMap } from '../../plan/origins.ts';
import { observedSequence } from '../../client/sequence/from-run.ts';
import { layoutSequence } from '../../client/sequence/layout.ts';
import type { StepPrediction } from '../../experiments/model/prediction.ts';
import { expect, test } from './lab-fixture.ts';

const byId = (id: string) => catalog.find((e) => e.id === id)!;
const PREFLIGHTED = byId('preflight-put-allowed');
const CHAIN = byId('redirect-cross-origin-null-origin');
const BLOCKED_SIMPLE = byId('simple-get-no-acao');

test('lanes and arrows follow the journal: a preflighted request, a redirect chain, a blocked simple request', async ({ lab, browser }) => {
  const report = await runExperiments([PREFLIGHTED, CHAIN, BLOCKED_SIMPLE], lab, browser);
  for (const [i, experiment] of [PREFLIGHTED, CHAIN, BLOCKED_SIMPLE].entries()) {
    const result = report.results[i]!;
    const o = result.observed;
    const journal = o.serverSaw;
    const layout = layoutSequence(observedSequence(experiment, 0, journal, { outcome: o.outcome, status: o.status, readableHeaders: o.readableHeaders, error: o.pageError }, result.predicted as StepPrediction));
    expect(layout.lanes.map((l) => l.id), experiment.id).toEqual(['page', 'browser', ...new Set(journal.map((e) => `origin:${e.origin}`))]);
    const exchanges = layout.arrows.slice(1, -1);
    expect(exchanges.map((a) => `${a.kind}:${a.from}>${a.to}:${a.lines.find((l) => l.tone === 'key' && l.text !== 'preflight')?.text.split(' ')[0]}`), experiment.id).toEqual(
      journal.flatMap((e) => [`${e.kind === 'preflight' ? 'preflight' : 'request'}:browser>origin:${e.origin}:${e.method}`, `response:origin:${e.origin}>browser:${e.status}`]),
    );
    expect(layout.arrows.at(-1)!.kind).toBe('result');
  }
  const [preflighted, chain, blocked] = report.results.map((r) => r.observed.serverSaw);
  expect(preflighted!.map((e) => e.kind)).toEqual(['preflight', 'actual']);
  expect(chain!.map((e) => `${e.origin}:${e.hop}`)).toEqual(['api:0', 'api2:1']);
  expect(blocked!.map((e) => e.kind)).toEqual(['actual']);
  const simple = report.results[2]!.observed;
  const layout = layoutSequence(observedSequence(BLOCKED_SIMPLE, 0, simple.serverSaw, { outcome: simple.outcome, status: simple.status, readableHeaders: simple.readableHeaders, error: simple.pageError }, report.results[2]!.predicted as StepPrediction));
  expect(layout.stop?.lines.map((l) => l.text).join(' ')).toMatch(/^✕ stopped: MissingAllowOriginHeader \(the model's reason\) the answer has no Access-Control-Allow-Origin/);
  expect(layout.arrows.at(-1)!.lines[0]!.text).toBe('TypeError: Failed to fetch');
});

async function open(page: Page, appUrl: string, title: string): Promise<void> {
  await page.goto(`${appUrl}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await page.getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('the page draws the observed run in the log row and the prediction live beside the editor', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, PREFLIGHTED.title);
  const predicted = page.getByRole('region', { name: 'Prediction' }).getByRole('group', { name: /^Predicted by the model/ });
  await expect(predicted.locator('g.head')).toHaveCount(3);
  await expect(predicted.locator('g.arrow')).toHaveCount(6);
  await expect(predicted.locator('g.stop')).toHaveCount(0);

  await page.getByRole('button', { name: 'Run this experiment' }).click();
  const row = page.getByRole('list', { name: 'Log' }).getByTestId('log-row').filter({ hasText: PREFLIGHTED.id }).first();
  await row.getByText(PREFLIGHTED.id).click();
  const observed = row.getByRole('group', { name: /^Observed in this browser/ });
  await expect(observed.locator('g.head text.key')).toHaveText(['page (app)', 'browser', 'api']);
  await expect(observed.locator('g.arrow')).toHaveCount(6);
  expect(await observed.locator('g.arrow').evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-from')}>${g.getAttribute('data-to')}`))).toEqual([
    'page>browser', 'browser>origin:api', 'origin:api>browser', 'browser>origin:api', 'origin:api>browser', 'browser>page',
  ]);
  await expect(observed).toContainText('Access-Control-Request-Method: PUT');

  // Editing the plan redraws the prediction: without Allow-Methods the preflight stops the PUT.
  await page.getByText('Edit the request and the server plan').click();
  await page.getByLabel('Preflight response headers').fill('Access-Control-Allow-Origin: {page}');
  await expect(predicted.locator('g.stop')).toContainText('MethodDisallowedByPreflightResponse');
  await expect(predicted.locator('g.arrow')).toHaveCount(4);
});

test('"Export SVG" downloads a standalone SVG for slides', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, BLOCKED_SIMPLE.title);
  const figure = page.getByRole('region', { name: 'Prediction' }).locator('cors-lab-sequence');
  const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Export SVG' }).click()]);
  expect(download.suggestedFilename()).toBe(`${BLOCKED_SIMPLE.id}-0-predicted.svg`);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(text).not.toContain('<!--');
  expect(text).not.toContain('style="width');
  // It parses as XML on its own, and holds the lanes, the stop and its own colours.
  const parsed = await page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, lanes: [...doc.querySelectorAll('g.head text.key')].map((t) => t.textContent), width: doc.documentElement.getAttribute('width') };
  }, text);
  expect(parsed).toEqual({ error: null, lanes: ['page (app)', 'browser', 'api'], width: expect.stringMatching(/^\d+$/) });
  expect(text).toContain('MissingAllowOriginHeader');
  expect(text).toContain('var(--cl-fg, #1b1b1f)');
});

test('the diagram never widens the page: 390 px wide, presenter mode', async ({ lab, page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await open(page, originMap(lab.origins).app, CHAIN.title);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  const box = page.getByRole('region', { name: 'Prediction' }).getByRole('group', { name: /^Predicted by the model/ });
  await expect(box.locator('g.head')).toHaveCount(4);
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('each step gets its own predicted diagram: the cached preflight is not sent again', async ({ lab, page }) => {
  const experiment = byId('preflight-max-age-cached');
  await open(page, originMap(lab.origins).app, experiment.title);
  const prediction = page.getByRole('region', { name: 'Prediction' });
  await expect(prediction.getByRole('group', { name: /^Predicted by the model( \(scrolls sideways\))?$/ }).locator('g.arrow.preflight')).toHaveCount(1);
  const second = prediction.getByRole('group', { name: /^Predicted by the model, then step 1/ });
  await expect(second.locator('g.arrow')).toHaveCount(4);
  await expect(second.locator('g.arrow.preflight')).toHaveCount(0);
});

test('a middleware experiment is drawn from the real middleware, not a stand-in reply', async ({ lab, page }) => {
  const experiment = catalog.find((e) => e.id === 'hono-cors-allow-methods')!;
  await open(page, originMap(lab.origins).app, experiment.title);
  const predicted = page.getByRole('region', { name: 'Prediction' }).getByRole('group', { name: /^Predicted by the model/ });
  await expect(predicted.locator('g.stop')).toContainText('MethodDisallowedByPreflightResponse');
  await expect(predicted).toContainText(/204\s*access-control-allow-origin: \*\s*access-control-allow-methods: GET,POST/);
  // A stand-in reply's status, as a number of its own (the lab's random ports may hold the digits).
  await expect(predicted).not.toContainText(/\b501\b/);
});
