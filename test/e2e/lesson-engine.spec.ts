/**
 * A lesson judged by the learner's engine, in real Chromium: lesson 4's third experiment (a header the preflight's
 * answer does not allow), answered by keyboard, is graded by Chromium's model, in Chromium's names and with no note
 * on other engines; its fix-it, typed key by key, names Chromium's reason. The same lesson in Debian's Firefox is
 * graded by Firefox's model: lesson-engine-firefox.spec.ts.
 */
import type { Page } from '@playwright/test';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

const lesson = loadLessonsFromDisk().en.find((l) => l.id === 'the-preflight')!;
const EXPERIMENT = 'preflight-custom-header-missing';
const REGION = `Experiment ${lesson.experiments.indexOf(EXPERIMENT) + 1}`;

async function open(page: Page, app: string): Promise<void> {
  await page.goto(`${app}/?lesson=${lesson.id}`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
}

test('Chromium: a lesson\'s reason is graded by Chromium\'s model, in its names, with no engine note', async ({
  lab, page,
}) => {
  await open(page, originMap(lab.origins).app);
  const card = page.getByRole('region', { name: REGION });
  await card.getByRole('radio', { name: /^Allowed:/ }).focus();
  await page.keyboard.press('ArrowDown'); // Blocked: the reasons appear
  await card.getByRole('radio', { name: 'HeaderDisallowedByPreflightResponse' }).focus();
  await page.keyboard.press('Space');
  await card.getByRole('button', { name: 'Run in my browser' }).focus();
  await page.keyboard.press('Enter');
  const result = card.getByTestId('lesson-result');
  await expect(result.getByRole('heading', { name: /What your browser did: ✖ blocked/ })).toBeFocused();
  await expect(result.getByRole('status')).toHaveText('Your prediction was right.');
  const reason = result.getByRole('listitem').filter({ hasText: 'Reason' });
  await expect(reason).toContainText('Reason (the model’s: a browser does not tell the page why)');
  await expect(reason).toContainText('the answer: HeaderDisallowedByPreflightResponse.');
  await expect(card.getByRole('radio', { name: 'HeaderDisallowedByPreflightResponse' }))
    .toHaveAccessibleDescription(/✔ your pick, the answer$/);
  await expect(card.getByRole('radio', { name: 'MissingAllowOriginHeader', exact: true }))
    .not.toHaveAccessibleDescription(/✔/);
  await expect(card.getByTestId('engine-note')).toHaveCount(0);
});

test('Chromium: the fix-it, typed key by key, names Chromium\'s reason for a miss', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app);
  const fix = page.getByRole('region', { name: 'Fix it' });
  const actual = fix.getByLabel('Actual response headers');
  await expect(actual).toHaveValue('');
  await actual.pressSequentially('Access-Control-Allow-Origin: {page}');
  await fix.getByRole('button', { name: 'Check my fix' }).click();
  await expect(fix.getByTestId('fix-result').getByRole('status'))
    .toContainText('The model’s reason: HeaderDisallowedByPreflightResponse');
});
