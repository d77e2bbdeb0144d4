/**
 * Origin patterns in the playground, in real Chromium (issue 15 items 2-3):
 * the model runs them on the same linear-time engine as the servers, so a
 * shared link whose pattern would backtrack for minutes in JavaScript opens,
 * predicts and runs with the tab responsive; a pattern that engine refuses
 * is named with its field, in the link's message and next to the editor's
 * field, in English and in Chinese.
 */
import type { Page } from '@playwright/test';
import { experimentHash } from '../../client/share/experiment-link.ts';
import { catalog } from '../../experiments/catalog/index.ts';
import { problemText, type Problem } from '../../format/problems/index.ts';
import type { Experiment } from '../../format/schema.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

/** On JavaScript's engine this takes minutes on "http://localhost:5310" (three nested repetitions, then no "!"). */
const BACKTRACKING = '/^(([a-z0-9:\\/.]+)+)+!$/';
const BACKREFERENCE = '/^http:\\/\\/(a)\\1$/';

const withOrigin = (origin: string[]): Experiment => ({
  id: 'mine-origin-pattern',
  title: 'An Express origin pattern',
  group: 'custom',
  request: { target: 'api', method: 'GET', mode: 'cors', credentials: 'same-origin', redirect: 'follow' },
  server: { middleware: { name: 'cors', options: { origin } } },
}) as Experiment;

/** A link as the playground writes one, without the schema (which would refuse the pattern before the page can). */
const link = (experiment: Experiment): string => experimentHash(experiment);

async function responsive(page: Page): Promise<void> {
  // A frozen main thread answers no evaluate; the test's own limit would then fail it.
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
}

test('a link whose pattern backtracks for minutes in JavaScript opens, predicts and runs, responsive', async ({ lab, page }) => {
  const app = originMap(lab.origins).app;
  await page.goto(`${app}/${link(withOrigin([BACKTRACKING]))}`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await expect(page.getByRole('heading', { name: 'An Express origin pattern' })).toBeVisible();
  // The page's origin does not match: the package sends no Access-Control-Allow-Origin.
  await expect(page.getByRole('region', { name: 'Prediction' })).toContainText('✖ blocked');
  await responsive(page);
  await page.getByRole('button', { name: 'Run this experiment' }).click();
  const rows = page.getByRole('list', { name: 'Log' }).getByTestId('log-row');
  const row = rows.filter({ hasText: 'mine-origin-pattern' }).first();
  await expect(row).toContainText('✖ blocked');
  await expect(row).toContainText('MissingAllowOriginHeader');
  await expect(row).not.toContainText('disagree');
  await responsive(page);
});

for (const lang of ['en', 'zh-CN'] as const) {
  test(`${lang}: a link with a backreference is refused, naming the field; the page stays usable`, async ({ lab, page }) => {
    const app = originMap(lab.origins).app;
    await page.goto(`${app}/?lang=${lang}${link(withOrigin(['{page}', BACKREFERENCE]))}`);
    const problem: Problem = { code: 'regexBackreference', pattern: BACKREFERENCE, construct: '\\1' };
    const expected = `link: server.middleware.options.origin[1]: ${problemText(problem, lang)}`;
    await expect(page.getByRole('alert')).toHaveText(expected);
    await responsive(page);
    // The catalog still answers, by keyboard.
    const entry = page.getByRole('button', { name: new RegExp(` ${catalog[1]!.id}$`) });
    await entry.focus();
    await page.keyboard.press('Enter');
    await expect(entry).toHaveAttribute('aria-pressed', 'true');
  });

  test(`${lang}: lookaround typed key by key into the editor's middleware field is named beside it`, async ({ lab, page }) => {
    const app = originMap(lab.origins).app;
    await page.goto(`${app}/?lang=${lang}${link(withOrigin(['{page}']))}`);
    await expect(page.getByRole('heading', { name: 'An Express origin pattern' })).toBeVisible();
    const edit = lang === 'en' ? 'Edit the request and the server plan' : '编辑请求和服务器计划';
    await page.getByText(edit).click();
    const field = page.getByLabel(lang === 'en' ? 'Middleware (JSON)' : '中间件（JSON）');
    await field.fill('');
    const pattern = '/^(?!http:\\\\/\\\\/evil)/';
    await field.pressSequentially(`{"name": "cors", "options": {"origin": "${pattern}"}}`);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const problem: Problem = { code: 'regexLookaround', pattern: '/^(?!http:\\/\\/evil)/', construct: '(?!' };
    await expect(page.getByRole('alert')).toHaveText(`server.middleware.options.origin: ${problemText(problem, lang)}`);
    await responsive(page);
  });
}
