/**
 * The log row is judged by the model of the learner's own engine (client/lab/engine-judge.ts), in real Chromium:
 * two experiments where Firefox's model differs from Chromium's (an empty Location: the outcome; two
 * Access-Control-Allow-Origin lines: the reason's name) pass here, judged by the Chromium model and showing
 * Chromium's reason, with no other engine's beside it. The same two in real Firefox:
 * playground-engine-firefox.spec.ts. Screenshots of a row: light, dark, a 390 px phone, and zh-CN.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import { simple as simpleZh } from '../../experiments/catalog/zh-CN/simple.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';
import { runInPlayground } from './run-in-playground.ts';
import { shot } from './shots-folder.ts';


/** Each experiment, and what Chromium's model says of it in the row: its reason, or none where it allows. */
const CASES = [
  { id: 'redirect-empty-location', outcome: 'allowed', reason: null },
  { id: 'simple-get-two-acao-lines', outcome: 'blocked', reason: 'MultipleAllowOriginValues' },
] as const;

for (const { id, outcome, reason } of CASES) {
  test(`Chromium: ${id} passes, judged by the Chromium model, with Chromium's reason`, async ({ page, lab }) => {
    expect(catalog.some((e) => e.id === id && (e.engines ?? ['firefox']).includes('firefox'))).toBe(true);
    const row = await runInPlayground(page, originMap(lab.origins).app, id);
    const summary = row.locator('summary');
    await expect(summary.getByTestId('pass-fail')).toHaveText('✔ pass');
    await expect(summary).toContainText(outcome);
    if (reason) await expect(summary.getByText(reason, { exact: true })).toBeVisible();
    else await expect(summary.getByText('predicted', { exact: true })).toHaveCount(0);
    await expect(summary.getByTestId('chromium-beside')).toHaveCount(0);
    await summary.click();
    await expect(row.getByTestId('judged-by')).toHaveText('Judged by the Chromium model.');
    await expect(row.getByText('Pass: what happened matches Expect and the model.')).toBeVisible();
  });
}

test('Chromium: screenshots of a judged row, light, dark and on a 390 px phone', async ({ page, lab }) => {
  const [, twoLines] = CASES;
  const looks = [['light', 1200, 'light'], ['dark', 1200, 'dark'], ['light', 390, 'phone']] as const;
  for (const [scheme, width, name] of looks) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 900 });
    const row = await runInPlayground(page, originMap(lab.origins).app, twoLines.id);
    await row.locator('summary').click();
    await expect(row.getByTestId('judged-by')).toBeVisible();
    await shot(row, `enginerow-chromium-${name}.png`);
  }
});

test('zh-CN: the row names the judging model in Chinese', async ({ page, lab }) => {
  const experiment = catalog.find((e) => e.id === CASES[1].id)!;
  await page.goto(`${originMap(lab.origins).app}/?lang=zh-CN`);
  await expect(page.getByRole('status', { name: '实验室状态' })).toHaveText('就绪');
  await page.getByRole('button', { name: simpleZh[experiment.id]!.title }).click();
  await page.getByRole('button', { name: '运行此实验' }).click();
  const row = page.getByTestId('log-row').filter({ hasText: experiment.id });
  await expect(row.getByTestId('pass-fail')).toHaveText('✔ 通过');
  await row.locator('summary').click();
  await expect(row.getByTestId('judged-by')).toHaveText('由 Chromium 模型判定。');
  await shot(row, `enginerow-chromium-zh.png`);
});
