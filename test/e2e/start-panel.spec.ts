/**
 * The first-visit way in (issue 16, item 6): "New to CORS? Start here" with
 * the course, the playground and one's own API; dismissed for good by a
 * returning learner, by keyboard, and never broken by what storage holds.
 */
import type { Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

const lessons = loadLessonsFromDisk();
// The key client/elements/cors-lab-start.ts keeps; written here so a renamed key fails this test.
const KEY = 'cors-lab:start';
const experimentHeading = (page: Page) => page.getByRole('heading', { level: 2, name: catalog[0]!.title, exact: true });

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 2, name: 'Log' }).or(page.getByRole('heading', { level: 2, name: '日志' }))).toBeVisible();
}

test('a first visit shows the panel; dismissed by keyboard, it stays away after a reload', async ({ lab, page }) => {
  await open(page, `${originMap(lab.origins).app}/`);
  const panel = page.getByRole('region', { name: 'New to CORS? Start here' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('link')).toHaveText(['The course: start with Lesson 1', 'The playground']);
  await panel.getByRole('link', { name: 'The playground' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const dismiss = panel.getByRole('button', { name: 'Got it: do not show this again' });
  await expect(dismiss).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  // Focus goes on to the experiment, not to the top of the page.
  await expect(experimentHeading(page)).toBeFocused();
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe('{"dismissed":true}');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Run this experiment' })).toBeEnabled();
  await expect(page.getByRole('region', { name: 'New to CORS? Start here' })).toHaveCount(0);
});

test('each way in works: the course opens Lesson 1, the playground goes to the experiment, own API shows the commands', async ({ lab, page }) => {
  const app = originMap(lab.origins).app;
  await open(page, `${app}/`);
  const panel = page.getByRole('region', { name: 'New to CORS? Start here' });

  await panel.getByRole('link', { name: 'The playground' }).press('Enter');
  await expect(experimentHeading(page)).toBeFocused();
  await expect(experimentHeading(page)).toBeInViewport();

  await panel.getByText('Your own API', { exact: true }).press('Enter');
  await expect(panel.getByText(/npx cors-lab probe https:\/\/api\.example\.com\/items --origin https:\/\/app\.example\.com/)).toBeVisible();
  await expect(panel.getByText(/npx cors-lab scan/)).toBeVisible();

  const first = lessons.en[0]!;
  await panel.getByRole('link', { name: 'The course: start with Lesson 1' }).press('Enter');
  await expect(page).toHaveURL(`${app}/?lesson=${first.id}`);
  await expect(page.getByRole('heading', { name: `Lesson 1: ${first.title}` })).toBeVisible();
  // A lesson page does not show the panel: the learner is on the way in already.
  await expect(page.getByRole('region', { name: 'New to CORS? Start here' })).toHaveCount(0);
});

test('zh-CN: the panel in Chinese, and the course link keeps the language', async ({ lab, page }) => {
  const app = originMap(lab.origins).app;
  await open(page, `${app}/?lang=zh-CN`);
  const panel = page.getByRole('region', { name: '初次接触 CORS？从这里开始' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('link')).toHaveText(['课程：从第 1 课开始', '实验场']);
  await expect(panel).toContainText(lessons['zh-CN'][0]!.title);
  await panel.getByRole('link', { name: '课程：从第 1 课开始' }).click();
  await expect(page).toHaveURL(`${app}/?lesson=${lessons['zh-CN'][0]!.id}&lang=zh-CN`);
  await expect(page.getByRole('heading', { name: `第 1 课：${lessons['zh-CN'][0]!.title}` })).toBeVisible();
});

for (const stored of ['{not json', '"dismissed"', '{"dismissed":"yes"}', 'null', '[true]']) {
  test(`storage holding ${stored} shows the panel without an error, and a dismissal overwrites it`, async ({ lab, page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const app = originMap(lab.origins).app;
    await open(page, `${app}/`);
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, stored]);
    await page.reload();
    const panel = page.getByRole('region', { name: 'New to CORS? Start here' });
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: 'Got it: do not show this again' }).click();
    await expect(panel).toBeHidden();
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe('{"dismissed":true}');
    expect(errors).toEqual([]);
  });
}
