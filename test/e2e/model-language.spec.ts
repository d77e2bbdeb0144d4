/**
 * The model's words in the playground follow the learner's language: opened
 * with `?lang=zh-CN`, the verdict, the fix, the model's checks and the browser
 * settings an experiment assumes are the zh-CN table's, and header names stay
 * as they are. The expected texts come from the model itself, so the test
 * holds the page to the table, not to a copy of it.
 */
import type { Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { explain } from '../../experiments/model/explain.ts';
import { modelMessages } from '../../experiments/model/messages/index.ts';
import { experimentUrl, predictExperiment } from '../../experiments/model/predict.ts';
import { resolveRequest } from '../../format/schema.ts';
import { originMap, type OriginMap } from '../../plan/origins.ts';
import { experimentHash } from '../../client/share/experiment-link.ts';
import { expect, test } from './lab-fixture.ts';

const zh = modelMessages('zh-CN');
const byId = (id: string) => catalog.find((e) => e.id === id)!;

/** Opens an experiment by its link, in Chinese, straight from a fresh page. */
async function openInChinese(page: Page, origins: OriginMap, id: string): Promise<void> {
  await page.goto(`${origins.app}/?lang=zh-CN${experimentHash(byId(id))}`);
  await expect(page.getByTestId('verdict')).toBeVisible();
}

test('a blocked preflight: verdict, fix and checks in Chinese, header names untouched', async ({ lab, page }) => {
  const origins = originMap(lab.origins);
  const experiment = byId('preflight-put-missing-allow-methods');
  await openInChinese(page, origins, experiment.id);
  const [step] = predictExperiment(experiment, origins, 'preview', undefined, 'zh-CN');
  const request = resolveRequest(experiment.request);
  const expected = explain(step!, { url: experimentUrl(experiment, origins, 'preview'), pageOrigin: origins.app, api: request.api, method: request.method, credentialsInclude: false }, 'zh-CN');
  expect(expected.verdict).toBe(`${zh.explain.stage.preflight}：PUT 不在 Access-Control-Allow-Methods 中。`);
  await expect(page.getByTestId('verdict')).toHaveText(expected.verdict);
  await expect(page.getByText(zh.fix.send(zh.fix.where({ kind: 'preflight' }), 'Access-Control-Allow-Methods', 'PUT'), { exact: true })).toBeVisible();
  await expect(page.getByText(zh.fix.listNames('PUT', false), { exact: true })).toBeVisible();
  // The failed check, in the trace (a closed <details>) and in the predicted sequence diagram: Chinese only.
  await expect(page.locator('cors-lab-checks').getByText(zh.check.methodAllowed('PUT', false, false))).toHaveCount(1);
  // The diagram wraps long text over several <text> lines: read them as one.
  const diagramText = () => page.locator('cors-lab-predicted-sequence svg text').evaluateAll((lines) => lines.map((l) => l.textContent ?? '').join(' ').replace(/\s+/g, ' '));
  await expect.poll(diagramText).toContain(zh.check.methodAllowed('PUT', false, false));
  // Not in English there (Chromium's console line elsewhere on the page is, in every language: the browser's own words).
  for (const element of ['cors-lab-checks', 'cors-lab-predicted-sequence']) await expect(page.locator(element)).not.toContainText(modelMessages('en').check.methodAllowed('PUT', false, false));
});

test('where no header helps, the reason is in Chinese', async ({ lab, page }) => {
  await openInChinese(page, originMap(lab.origins), 'simple-same-origin-mode-blocked');
  await expect(page.getByTestId('no-header-fix')).toContainText(zh.fix.noHeaderHelps.DisallowedByMode);
});

test('the browser setting an experiment assumes is stated in Chinese', async ({ lab, page }) => {
  await openInChinese(page, originMap(lab.origins), 'cookies-cross-site-none-secure-3pc-allowed');
  await expect(page.getByTestId('browser-setting')).toHaveText(`ⓘ ${zh.assumptions.thirdPartyCookies('allowed')}`);
});
