/**
 * axe-core on the playground, a lesson and the presenter, in English and
 * Chinese: no critical, serious or moderate violation (issue 16, item 10).
 * Each page is scanned with its parts open: the playground after a run with
 * the editor, the log row and its diagrams open (in English, with more open,
 * in each view of playground-views.spec.ts, same rules); the lesson as it
 * first shows (lessons.spec.ts scans it after a prediction, a run and a fix
 * attempt, for serious and critical findings). https://github.com/dequelabs/axe-core/blob/develop/doc/rule-descriptions.md
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { NodeResult, Result } from 'axe-core';
import type { Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

const IMPACTS = ['critical', 'serious', 'moderate'];

async function violations(page: Page): Promise<string[]> {
  // The hidden runner frames are other origins' blank pages: not part of what people see.
  // label-content-name-mismatch is experimental in axe-core: asked for, so a button's name keeps its visible label.
  const rules = { 'label-content-name-mismatch': { enabled: true } };
  const results = await new AxeBuilder({ page }).exclude('iframe').setLegacyMode(true).options({ rules }).analyze();
  return results.violations
    .filter((v: Result) => IMPACTS.includes(v.impact ?? ''))
    .map((v: Result) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n: NodeResult) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

// The preflight lesson: experiments, predictions, a fix-it and a diagram.
const LESSON = loadLessonsFromDisk().en.find((l) => l.id === 'the-preflight')!;

// The playground in Chinese; in English, playground-views.spec.ts scans it with the same rules in five views, after
// a run with the editor, the log row, the share and the origins parts open.
test('zh-CN: the playground after a run, editor and log row open, has no moderate, serious or critical violation', async ({ lab, page }) => {
  test.setTimeout(120_000);
  await page.goto(`${originMap(lab.origins).app}/?lang=zh-CN#`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: '运行此实验' }).click();
  await page.getByText('编辑请求和服务器计划').click();
  const row = page.getByTestId('log-row').first();
  await row.getByText(catalog[0]!.id).click();
  await expect(row.getByRole('figure').first()).toBeVisible();
  expect(await violations(page), 'playground, zh-CN').toEqual([]);
});

for (const lang of ['en', 'zh-CN'] as const) {
  test(`${lang}: a lesson and the presenter window have no moderate, serious or critical violation`, async ({ lab, page }) => {
    test.setTimeout(120_000);
    const app = originMap(lab.origins).app;
    await page.goto(`${app}/?lesson=${LESSON.id}&lang=${lang}`);
    await expect(page.locator('cors-lab-lesson')).toBeAttached();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    expect(await violations(page), `lesson ${LESSON.id}, ${lang}`).toEqual([]);
    await page.goto(`${app}/?presenter=${LESSON.id}&lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await violations(page), `presenter ${LESSON.id}, ${lang}`).toEqual([]);
  });
}
