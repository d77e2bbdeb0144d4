/**
 * The presenter window and the projected window of a lesson, two pages of
 * one browser context (as a teacher's two windows are): stepping in either
 * moves the other over the BroadcastChannel, the keys step in both but not
 * while typing, a window opened late catches up, and the speaker notes and
 * answers are only ever in the presenter window. Screenshots of both windows
 * (light, dark, 390 px, zh-CN) go to tmp/ (gitignored) to be looked at.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';
import { shot } from './shots-folder.ts';

const course = loadLessonsFromDisk();
const LESSON = 'the-preflight';
const lesson = course.en.find((l) => l.id === LESSON)!;
const steps = lesson.experiments.length + 2;

/** The presenter window at step `step` (1-based, as it reads), and the projected window's section of that step highlighted. */
async function bothAt(presenter: Page, projected: Page, step: number): Promise<void> {
  await expect(presenter.getByRole('heading', { name: `Now: step ${step} of ${steps}` })).toBeVisible();
  await expect(projected.locator('cors-lab-lesson')).toHaveAttribute('step', String(step - 1));
  await expect(projected.locator(`section[data-step="${step - 1}"]`)).toHaveAttribute('aria-current', 'step');
}

/** Opens the presenter window, then the projected window from its button. */
async function openBoth(context: BrowserContext, app: string, lang = 'en'): Promise<{ presenter: Page; projected: Page }> {
  const presenter = await context.newPage();
  await presenter.goto(`${app}/?presenter=${LESSON}&lang=${lang}`);
  const open = presenter.getByRole('link', { name: lang === 'en' ? 'Open the projected window' : '打开投影窗口' });
  const [projected] = await Promise.all([context.waitForEvent('page'), open.click()]);
  await expect(projected.locator('cors-lab-lesson')).toBeAttached();
  return { presenter, projected };
}

test('stepping in one window moves the other: buttons, the step list and the keys', async ({ lab, context }) => {
  const { presenter, projected } = await openBoth(context, originMap(lab.origins).app);
  await bothAt(presenter, projected, 1);
  await presenter.getByRole('button', { name: 'Next →' }).click();
  await bothAt(presenter, projected, 2);
  await presenter.keyboard.press('PageDown');
  await bothAt(presenter, projected, 3);
  await presenter.keyboard.press('ArrowLeft');
  await bothAt(presenter, projected, 2);

  await projected.keyboard.press('ArrowRight');
  await bothAt(presenter, projected, 3);
  await projected.keyboard.press('Space');
  await bothAt(presenter, projected, 4);
  await projected.keyboard.press('PageUp');
  await bothAt(presenter, projected, 3);

  await presenter.getByRole('button', { name: /^Fix it: / }).click();
  await bothAt(presenter, projected, steps);
  await presenter.keyboard.press('ArrowRight');
  await expect(presenter.getByRole('button', { name: 'Next →' })).toBeDisabled();
  await bothAt(presenter, projected, steps);
});

test('the learner moving in the projected window moves the presenter; typing there does not step', async ({ lab, context }) => {
  const { presenter, projected } = await openBoth(context, originMap(lab.origins).app);
  // Typing in the fix-it's header field: the learner moved to the fix-it, and the arrows move the caret only.
  const field = projected.getByRole('textbox', { name: 'Actual response headers' });
  await field.click();
  await bothAt(presenter, projected, steps);
  await field.press('End');
  await field.pressSequentially('X-A: 1');
  await field.press('ArrowLeft');
  await field.press('ArrowLeft');
  await field.press('Space');
  await expect(field).toHaveValue(/X-A:  1$/);
  await bothAt(presenter, projected, steps);
  // The stepping keys work again once focus leaves the field.
  await projected.locator('cors-lab-lesson h2#lesson-title').focus();
  await projected.keyboard.press('ArrowLeft');
  await expect(presenter.getByRole('heading', { name: `Now: step ${steps - 1} of ${steps}` })).toBeVisible();
});

test('Space on a focused button presses it once, and does not also step', async ({ lab, context }) => {
  const { presenter, projected } = await openBoth(context, originMap(lab.origins).app);
  await presenter.getByRole('button', { name: 'Next →' }).focus();
  await presenter.keyboard.press('Space');
  await bothAt(presenter, projected, 2);
  await presenter.getByRole('button', { name: 'Next →' }).press('Space');
  await bothAt(presenter, projected, 3);
});

test('a window opened late catches up with the step the other shows', async ({ lab, context }) => {
  const app = originMap(lab.origins).app;
  const { presenter, projected } = await openBoth(context, app);
  await presenter.keyboard.press('ArrowRight');
  await presenter.keyboard.press('ArrowRight');
  await bothAt(presenter, projected, 3);
  await presenter.close();
  const late = await context.newPage();
  await late.goto(`${app}/?presenter=${LESSON}`);
  await bothAt(late, projected, 3);
});

test('a reloaded presenter window with no projected window keeps its step, per lesson', async ({ lab, page }) => {
  const app = originMap(lab.origins).app;
  await page.goto(`${app}/?presenter=${LESSON}`);
  await expect(page.getByRole('heading', { name: `Now: step 1 of ${steps}` })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { name: `Now: step 3 of ${steps}` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: `Now: step 3 of ${steps}` })).toBeVisible();
  // Another lesson in the same tab starts at its own first step, and coming back finds step 3 again.
  const other = course.en.find((l) => l.id !== LESSON)!;
  await page.goto(`${app}/?presenter=${other.id}`);
  await expect(page.getByRole('heading', { name: `Now: step 1 of ${other.experiments.length + 2}` })).toBeVisible();
  await page.goto(`${app}/?presenter=${LESSON}`);
  await expect(page.getByRole('heading', { name: `Now: step 3 of ${steps}` })).toBeVisible();
});

test('speaker notes and answers are in the presenter window only', async ({ lab, context }) => {
  const { presenter, projected } = await openBoth(context, originMap(lab.origins).app);
  await presenter.keyboard.press('ArrowRight');
  await bothAt(presenter, projected, 2);
  const notes = presenter.getByRole('region', { name: 'Speaker notes' });
  for (const note of lesson.speakerNotes) await expect(notes.getByText(note.slice(0, 40))).toBeVisible();
  // The first experiment's answer, as the catalog records it (held to Chromium by the catalog tests).
  const first = catalog.find((e) => e.id === lesson.experiments[0])!;
  await expect(presenter.getByText(`Answer: ${first.expect!.outcome}`)).toBeVisible();
  await expect(presenter.getByRole('region', { name: 'Now: step 2' }).getByText(first.expect!.reason!)).toBeVisible();
  const projectedText = await projected.locator('cors-lab-app').evaluate((app) => {
    const texts: string[] = [];
    const walk = (root: Node): void => {
      for (const node of root.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent ?? '');
        walk(node);
        if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      }
    };
    walk(app.shadowRoot!);
    return texts.join(' ');
  });
  expect(projectedText).toContain(lesson.title);
  for (const note of lesson.speakerNotes) expect(projectedText).not.toContain(note.slice(0, 40));
  expect(projectedText).not.toContain('Speaker notes');
  expect(projectedText).not.toContain('Answer:');
});

test('a lesson page opens its presenter window; the projected one shows the lesson alone in large type; the theme follows', async ({ lab, context }) => {
  const app = originMap(lab.origins).app;
  const page = await context.newPage();
  await page.goto(`${app}/?lesson=${LESSON}&lang=en`);
  await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeVisible();
  const [presenter] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Present this lesson' }).click()]);
  await expect(presenter.getByRole('heading', { name: `Presenter: ${lesson.title}` })).toBeVisible();
  const [projected] = await Promise.all([context.waitForEvent('page'), presenter.getByRole('link', { name: 'Open the projected window' }).click()]);
  await expect(projected.locator('cors-lab-lesson')).toBeAttached();
  await expect(projected.getByRole('navigation', { name: 'Lessons' })).toBeHidden();
  await expect(projected.getByRole('link', { name: 'Present this lesson' })).toHaveCount(0);
  await expect(projected.locator('cors-lab-app')).toHaveAttribute('presenter', '');
  // The theme switched on the projector follows in the presenter window.
  const dark = (await presenter.locator('cors-lab-presenter').getAttribute('theme')) !== 'dark';
  await projected.getByRole('button', { name: 'Dark theme' }).click();
  await expect(presenter.locator('cors-lab-presenter')).toHaveAttribute('theme', dark ? 'dark' : 'light');
});

test('an unknown lesson id names the parameter and lists the lessons to present', async ({ lab, page }) => {
  await page.goto(`${originMap(lab.origins).app}/?presenter=no-such-lesson`);
  await expect(page.getByRole('alert')).toContainText('No lesson "no-such-lesson" (the presenter parameter)');
  await expect(page.getByRole('list').getByRole('link')).toHaveCount(course.en.length);
  await page.getByRole('link', { name: lesson.title, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Presenter: ${lesson.title}` })).toBeVisible();
});

test('the timer counts against the planned minutes, pauses, and a reload keeps it', async ({ lab, page }) => {
  await page.goto(`${originMap(lab.origins).app}/?presenter=${LESSON}`);
  await expect(page.getByText(`of ${lesson.minutes} min planned`)).toBeVisible();
  const clock = page.getByRole('timer', { name: 'Elapsed time' });
  await expect(clock).not.toHaveText('0:00');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  const paused = await clock.textContent();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(clock).toHaveText(paused!);
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(clock).toHaveText(/^0:0\d$/);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

const VIEWS = [
  { name: 'light', lang: 'en', scheme: 'light', width: 1280 },
  { name: 'dark', lang: 'en', scheme: 'dark', width: 1280 },
  { name: '390', lang: 'en', scheme: 'light', width: 390 },
  { name: 'zh-CN', lang: 'zh-CN', scheme: 'light', width: 1280 },
] as const;

for (const view of VIEWS) {
  test(`${view.name}: both windows fit the width, in the chosen language${view.width > 390 ? '; the presenter window has no serious accessibility violation' : ''}`, async ({ lab, browser }) => {
    const context = await browser.newContext({ viewport: { width: view.width, height: 900 }, colorScheme: view.scheme });
    const { presenter, projected } = await openBoth(context, originMap(lab.origins).app, view.lang);
    await presenter.keyboard.press('ArrowRight');
    const zh = course['zh-CN'].find((l) => l.id === LESSON)!;
    await expect(presenter.getByRole('heading', { name: view.lang === 'en' ? `Now: step 2 of ${steps}` : `当前：第 2 步，共 ${steps} 步` })).toBeVisible();
    await expect(presenter.getByRole('heading', { level: 1 })).toContainText(view.lang === 'en' ? lesson.title : zh.title);
    await expect(projected.locator('cors-lab-lesson')).toHaveAttribute('step', '1');
    await expect(projected.locator('html')).toHaveAttribute('lang', view.lang);
    for (const [name, page] of [['presenter', presenter], ['projected', projected]] as const) {
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth, `${name} window at ${view.width} px`).toBeLessThanOrEqual(clientWidth);
      if (name === 'presenter' && view.width > 390) {
        const { violations } = await new AxeBuilder({ page }).analyze();
        const serious = violations.filter((v) => ['critical', 'serious', 'moderate'].includes(v.impact ?? ''));
        expect(serious.map((v) => `${v.id}: ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), `presenter window, ${view.name}`).toEqual([]);
      }
      await shot(page, `presenter-${view.name}-${name}.png`, { fullPage: name === 'presenter' });
    }
    await context.close();
  });
}

test('the projected window asks each experiment as a neutral question, in both languages: the catalog title that gives the answer away is not on the screen', async ({ lab, context }) => {
  const app = originMap(lab.origins).app;
  for (const lang of ['en', 'zh-CN'] as const) {
    const { presenter, projected } = await openBoth(context, app, lang);
    const localized = course[lang].find((l) => l.id === LESSON)!;
    const giveaway = catalog.find((e) => e.id === 'preflight-status-500')!;
    const index = localized.experiments.indexOf(giveaway.id);
    await presenter.keyboard.press('ArrowRight');
    for (let i = 0; i < index; i++) await presenter.keyboard.press('ArrowRight');
    const card = projected.locator('cors-lab-lesson-experiment').nth(index);
    await expect(card.getByRole('heading', { level: 3 })).toContainText(localized.questions[giveaway.id]!);
    await expect(projected.locator('cors-lab-lesson')).not.toContainText(giveaway.title);
    await presenter.close();
    await projected.close();
  }
});
