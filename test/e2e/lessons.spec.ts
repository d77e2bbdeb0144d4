/**
 * The lessons in real Chromium, driven as a learner would: predict first
 * (nothing of the answer in the page before), run for real, fix it by typing,
 * progress that survives a reload, links that open a lesson directly, a phone
 * screen, Chinese, the `step` contract the presenter window uses, and print.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from '@playwright/test';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import { PROGRESS_KEY } from '../../client/lessons/progress.ts';
import { catalog } from '../../experiments/catalog/index.ts';
import { originMap } from '../../plan/origins.ts';
import { templates } from '../../client/i18n/zh-CN/index.ts';
import { outcomeWordsIn } from '../../lessons/outcome-words.ts';
import { reasonDescription } from '../../experiments/model/messages/index.ts';
import { expect, test } from './lab-fixture.ts';
import { paced } from '../pace/machine-pace.ts';

const lessons = loadLessonsFromDisk();
const preflight = lessons.en.find((l) => l.id === 'the-preflight')!;
const first = catalog.find((e) => e.id === preflight.experiments[0])!;
/** The start of the experiment's explanation as the page shows it (Markdown marks gone). */
const explained = first.explain!.replace(/[`*]/g, '').slice(0, 40);

/** The Lessons navigation's entry of a lesson: its link and its progress. */
function navEntry(page: Page, title: string) {
  const nav = page.getByRole('navigation', { name: 'Lessons' });
  return nav.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

async function open(page: Page, appUrl: string, query: string): Promise<void> {
  await page.goto(`${appUrl}/${query}`);
  const chinese = new URLSearchParams(query).get('lang') === 'zh-CN';
  const status = chinese ? { name: templates['app.status-label'], ready: templates['app.status-ready'] } : { name: 'lab status', ready: 'ready' };
  await expect(page.getByRole('status', { name: status.name })).toHaveText(status.ready);
}

/** Answers experiment 1 of "The preflight" (PUT without Access-Control-Allow-Methods) as given, and runs it. */
async function predictFirst(page: Page, outcome: 'Blocked' | 'Allowed'): Promise<void> {
  const card = page.getByRole('region', { name: 'Experiment 1' });
  await card.getByRole('radio', { name: new RegExp(`^${outcome}:`) }).check();
  if (outcome === 'Blocked') await card.getByRole('radio', { name: 'MethodDisallowedByPreflightResponse' }).check();
  await card.getByRole('group', { name: 'Does the request itself reach the server?' }).getByRole('radio', { name: 'no' }).check();
  await card.getByRole('button', { name: 'Run in my browser' }).click();
  await expect(card.getByTestId('lesson-result')).toBeVisible();
}

test('the prediction stays out of the page until the learner has answered, then the run shows verdict, diagram and explanation', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}`);
  const card = page.getByRole('region', { name: 'Experiment 1' });
  const run = card.getByRole('button', { name: 'Run in my browser' });
  await expect(card.getByRole('heading', { name: `Experiment 1: ${preflight.questions[first.id]}` })).toBeVisible();
  await expect(card).not.toContainText(first.title);
  await expect(run).toBeDisabled();
  // Nothing of the answer: no verdict, no diagram, no explanation text, no model reason beside the choices.
  await expect(card.getByTestId('lesson-result')).toHaveCount(0);
  await expect(card.locator('cors-lab-sequence')).toHaveCount(0);
  await expect(card).not.toContainText(explained);
  await expect(card).not.toContainText('blocked at', { ignoreCase: true });
  await card.getByRole('radio', { name: /^Blocked:/ }).check();
  await expect(run).toBeDisabled(); // the reason and the question are still open
  await card.getByRole('radio', { name: 'PreflightInvalidStatus' }).check();
  await expect(run).toBeDisabled();
  await card.getByRole('group', { name: 'Does the request itself reach the server?' }).getByRole('radio', { name: 'no' }).check();
  await expect(card.getByTestId('lesson-result')).toHaveCount(0);
  await run.click();
  const result = card.getByTestId('lesson-result');
  await expect(result.getByRole('heading', { name: /What your browser did: ✖ blocked/ })).toBeVisible();
  await expect(result).toContainText('Part of your prediction was off');
  await expect(result.getByRole('listitem').filter({ hasText: 'Reason' })).toContainText('✖ not this time');
  await expect(result.getByRole('listitem').filter({ hasText: 'Outcome' })).toContainText('✔ right');
  // Each choice says what it was: the wrong reason the learner picked, never with a ✔; the right one shown.
  await expect(card.getByRole('radio', { name: 'PreflightInvalidStatus' })).toHaveAccessibleDescription(/✖ your pick$/);
  await expect(card.getByRole('radio', { name: 'MethodDisallowedByPreflightResponse' })).toHaveAccessibleDescription(/✔ the answer$/);
  await expect(card.getByRole('radio', { name: /^Blocked:/ })).toHaveAccessibleDescription('✔ your pick, the answer');
  await expect(card.getByRole('radio', { name: /^Allowed:/ })).toHaveAccessibleDescription('');
  // What the servers received, from the journal: the OPTIONS only, the PUT never went out.
  const received = result.getByRole('list', { name: 'What the servers received' });
  await expect(received.getByRole('listitem')).toHaveCount(1);
  await expect(received.getByRole('listitem')).toContainText(/^api received OPTIONS .*Access-Control-Request-Method: PUT.* and answered 204$/);
  await expect(result.getByRole('img', { name: /Observed in this browser/ })).toBeVisible();
  await expect(result).toContainText(explained);
  await expect(card.getByRole('radio', { name: /^Allowed:/ })).toBeDisabled(); // the answer is locked once run
});

test('keyboard only: arrows answer, Enter runs, focus lands on the result, Tab goes on to the next experiment', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}`);
  const card = page.getByRole('region', { name: 'Experiment 1' });
  await card.getByRole('radio', { name: /^Allowed:/ }).focus();
  await page.keyboard.press('ArrowDown'); // Blocked
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // the first reason is checked by the arrow: the second one
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // no
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Run in my browser' })).toBeFocused();
  await page.keyboard.press('Enter');
  // The run button is disabled while the browser runs: without moving focus on, it would be lost to <body>.
  await expect(card.getByRole('heading', { name: /What your browser did: ✖ blocked/ })).toBeFocused();
  const region = page.getByRole('region', { name: 'Experiment 2' });
  for (let i = 0; i < 10; i++) {
    if (await region.getByRole('radio', { name: /^Allowed:/ }).evaluate((radio) => radio.matches(':focus'))) break;
    await page.keyboard.press('Tab');
  }
  await expect(region.getByRole('radio', { name: /^Allowed:/ })).toBeFocused();
});

test('keyboard only, a wrong prediction: no ✔ on any wrong pick, the right answers marked, what the servers received shown', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}`);
  const card = page.getByRole('region', { name: 'Experiment 1' });
  // Each reason carries its one-line meaning before anything runs.
  await card.getByRole('radio', { name: /^Allowed:/ }).focus();
  await page.keyboard.press('ArrowDown'); // Blocked: the reasons appear
  for (const reason of preflight.predict[first.id]!.reasons!) {
    await expect(card.getByRole('radio', { name: reason, exact: true })).toHaveAccessibleDescription(reasonDescription(reason)!);
  }
  await page.keyboard.press('ArrowUp'); // back to Allowed: wrong (the preflight does not allow PUT)
  await expect(card.getByRole('radio', { name: /^Allowed:/ })).toBeChecked();
  await page.keyboard.press('Tab'); // the reasons are hidden again: on to "does it reach the server?"
  await page.keyboard.press('ArrowDown'); // yes is checked by the arrow from the first... land on "no", then back to "yes"
  await page.keyboard.press('ArrowUp');
  const reached = card.getByRole('group', { name: 'Does the request itself reach the server?' });
  await expect(reached.getByRole('radio', { name: 'yes' })).toBeChecked(); // wrong too: the PUT is never sent
  await page.keyboard.press('Enter');
  const result = card.getByTestId('lesson-result');
  await expect(result.getByRole('heading', { name: /What your browser did: ✖ blocked/ })).toBeFocused();
  await expect(card.getByRole('radio', { name: /^Allowed:/ })).toHaveAccessibleDescription('✖ your pick');
  await expect(card.getByRole('radio', { name: /^Blocked:/ })).toHaveAccessibleDescription('✔ the answer');
  await expect(reached.getByRole('radio', { name: 'yes' })).toHaveAccessibleDescription('✖ your pick');
  await expect(reached.getByRole('radio', { name: 'no' })).toHaveAccessibleDescription('✔ the answer');
  await expect(card.getByText('✔ your pick')).toHaveCount(0);
  // Nor in the graded lines: what the learner said is in plain words, the ✔ only beside a right answer.
  await expect(result.getByRole('listitem').filter({ hasText: 'Outcome' })).toHaveText('✖ not this time Outcome You said Allowed; the answer: Blocked.');
  await expect(result.getByRole('list').first()).not.toContainText('✔');
  await expect(result.getByRole('list', { name: 'What the servers received' })).toContainText('api received OPTIONS');
});

// One page per language, each lesson loaded in turn and checked in a step of its own: nothing here answers or runs,
// so no lesson leaves state for the next, and a fresh page per lesson (36 of them) cost more than the checks.
for (const lang of ['en', 'zh-CN'] as const) {
  const title = `${lang}: no lesson heading gives the result away before the prediction; no plan token in the setup`;
  test(title, async ({ lab, page }) => {
    test.setTimeout(paced(30_000 + 5_000 * lessons[lang].length));
    for (const lesson of lessons[lang]) {
      await test.step(lesson.file, async () => {
        await open(page, originMap(lab.origins).app, `?lesson=${lesson.id}&lang=${lang}`);
        const cards = page.locator('cors-lab-lesson-experiment, cors-lab-fix-it');
        const heading = (card: ReturnType<typeof cards.nth>) => card.getByRole('heading', { level: 3 });
        await expect(cards, lesson.file).toHaveCount(lesson.experiments.length + 1);
        for (const [i, id] of lesson.experiments.entries()) {
          await expect(heading(cards.nth(i)), lesson.file).toContainText(lesson.questions[id]!);
        }
        // The fix-it is one of the experiments, under the same question.
        await expect(heading(cards.last()), lesson.file).toContainText(lesson.questions[lesson.fixIt.experiment]!);
        for (const text of await heading(cards).allTextContents()) {
          expect(outcomeWordsIn(text.replace(/^[^:：]*[:：]/, ''), lang), `${lesson.file}: ${text}`).toEqual([]);
        }
        // The fix-it's own hint explains {page}, the token the learner may type; the cards and the narrative show none.
        for (const card of await page.locator('cors-lab-lesson-experiment').all()) {
          await expect(card, lesson.file).not.toContainText(/\{(page|reflect|origin:[a-z0-9]+)\}/);
        }
        const narrative = page.locator('cors-lab-lesson').getByRole('region', { name: lang === 'en' ? 'Narrative' : '讲解' });
        await expect(narrative, lesson.file).not.toContainText('{{');
      });
    }
  });
}

test('the narrative cites its experiments: "see it" opens one in the playground; lesson 1 shows the running lab\'s seven origins', async ({ lab, page }) => {
  const origins = originMap(lab.origins);
  await open(page, origins.app, '?lesson=origin-and-site');
  const narrative = page.getByRole('region', { name: 'Narrative' });
  for (const origin of lab.origins) await expect(narrative.getByRole('list', { name: 'Origins' })).toContainText(origin.url);
  expect(lab.origins).toHaveLength(7);
  await expect(narrative.getByRole('list', { name: 'Origins' }).getByRole('listitem')).toHaveCount(7);
  await expect(narrative).not.toContainText('five');
  // A simple GET sends no preflight: no OPTIONS line; the plan's {origin:api2} is api2's real origin.
  const other = page.getByRole('region', { name: 'Experiment 2' });
  await expect(other).toContainText(`Access-Control-Allow-Origin: ${origins.api2}`);
  await expect(other).not.toContainText('OPTIONS');
  await open(page, origins.app, `?lesson=${preflight.id}`);
  const seeIt = page.getByRole('region', { name: 'Narrative' }).getByRole('link', { name: 'preflight-status-404-no-cors' });
  await expect(page.getByRole('region', { name: 'Narrative' })).toContainText('(see it: run preflight-status-404-no-cors)');
  await seeIt.click();
  const experiment = catalog.find((e) => e.id === 'preflight-status-404-no-cors')!;
  await expect(page.getByRole('heading', { name: experiment.title })).toBeVisible();
});

test('a lesson link from the Lessons navigation opens that lesson directly in a fresh page, language kept', async ({ lab, page, context }) => {
  const app = originMap(lab.origins).app;
  const redirects = lessons['zh-CN'].find((l) => l.id === 'redirects')!;
  await open(page, app, '?lang=zh-CN');
  const nav = page.getByRole('navigation', { name: '课程' });
  await expect(nav.getByRole('link')).toHaveCount(lessons['zh-CN'].length);
  const href = await nav.getByRole('link', { name: redirects.title }).getAttribute('href');
  expect(href).toBe('?lesson=redirects&lang=zh-CN');
  const fresh = await context.newPage();
  await fresh.goto(new URL(href!, `${app}/`).href);
  await expect(fresh.getByRole('heading', { name: `第 ${redirects.order} 课：${redirects.title}` })).toBeVisible();
  await expect(fresh.getByRole('navigation', { name: '课程' }).getByRole('link', { name: redirects.title })).toHaveAttribute('aria-current', 'page');
});

test('the tab title names the lesson, in its language, and follows the next-lesson link', async ({ lab, page }) => {
  const app = originMap(lab.origins).app;
  await open(page, app, `?lesson=${preflight.id}`);
  await expect(page).toHaveTitle(`${preflight.title} · cors-lab lessons`);
  await page.getByRole('link', { name: /→$/ }).click();
  await expect(page).toHaveTitle(`${lessons.en[preflight.order]!.title} · cors-lab lessons`);
  await open(page, app, `?lesson=${preflight.id}&lang=zh-CN`);
  await expect(page).toHaveTitle(`${lessons['zh-CN'].find((l) => l.id === preflight.id)!.title} · cors-lab 课程`);
  await open(page, app, '?lesson=no-such-lesson');
  await expect(page).toHaveTitle('cors-lab: the CORS playground');
});

test('an unknown lesson id is named, and the Lessons navigation still works', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, '?lesson=no-such-lesson');
  await expect(page.getByRole('alert')).toHaveText('There is no lesson "no-such-lesson". Pick one from the lessons list.');
  // Nothing to present either: the header offers no presenter window for it.
  await expect(page.getByRole('link', { name: 'Present this lesson' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('link')).toHaveCount(lessons.en.length);
});

test('a lesson link with an unknown ?lang= says so, names the languages, and its links drop it', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}&lang=xx`);
  await expect(page.getByRole('status').filter({ hasText: '?lang=xx' })).toHaveText('?lang=xx is not a language of this lab; it has en, zh-CN. Choose one in the Language menu.');
  await expect(page.getByRole('heading', { name: `Lesson ${preflight.order}: ${preflight.title}` })).toBeVisible();
  await expect(page.getByRole('link', { name: /→$/ })).toHaveAttribute('href', `?lesson=${lessons.en[preflight.order]!.id}`);
});

test('fix it, typed key by key and checked from the keyboard: a wrong fix stays blocked in the browser, the right one is allowed', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}`);
  const fix = page.getByRole('region', { name: 'Fix it' });
  await expect(fix).toContainText(preflight.fixIt.goal);
  const check = fix.getByRole('button', { name: 'Check my fix' });
  const status = fix.getByTestId('fix-result').getByRole('status');
  // Wrong: the actual answer gets Access-Control-Allow-Origin, but the preflight still does not allow X-Custom.
  await fix.getByLabel('Actual response headers').pressSequentially('Access-Control-Allow-Origin: {page}');
  await page.keyboard.press('Tab');
  await expect(check).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Not yet: your browser says ✖ blocked.');
  await expect(status).toContainText('HeaderDisallowedByPreflightResponse');
  // A first miss: which header, on which answer; not yet the fix.
  const hint = fix.getByTestId('hint');
  await expect(hint).toHaveText('Hint: look at Access-Control-Allow-Headers on the preflight answer (OPTIONS).');
  await expect(fix.getByTestId('fix-result')).not.toContainText('Access-Control-Allow-Headers: x-custom');
  // A second miss: the model's fix for what the browser did.
  await expect(check).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(hint).toHaveText('Hint: the model’s fix for what your browser did:');
  await expect(fix.getByTestId('fix-result')).toContainText(/Access-Control-Allow-Headers: x-custom/i);
  // The button was disabled while the browser ran; focus comes back to it, so Shift+Tab reaches the fields again.
  await expect(check).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  // Right: add the header to the preflight's answer, at the end of what is there.
  const preflightHeaders = fix.getByLabel('Preflight response headers (OPTIONS)');
  await expect(preflightHeaders).toBeFocused();
  await preflightHeaders.press('ControlOrMeta+End');
  await preflightHeaders.pressSequentially('\nAccess-Control-Allow-Headers: X-Custom');
  await check.click();
  await expect(status).toHaveText('✔ Fixed: your browser allowed it.');
  await expect(fix.getByTestId('learned')).toHaveText(`What to take away: ${preflight.fixIt.learned}`);
  await expect(fix.getByTestId('hint')).toHaveCount(0);
  await expect(fix.getByTestId('fix-result').getByRole('img', { name: /Observed in this browser/ })).toBeVisible();
  await expect(navEntry(page, preflight.title)).toContainText('fix-it ✔');
});

test('a header line without a colon is named and nothing runs', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}`);
  const fix = page.getByRole('region', { name: 'Fix it' });
  await fix.getByLabel('Actual response headers').fill('Access-Control-Allow-Origin *');
  await fix.getByRole('button', { name: 'Check my fix' }).click();
  await expect(fix.getByRole('alert')).toHaveText('actual: line 1: "Access-Control-Allow-Origin *" is not "Name: value"');
  await expect(fix.getByTestId('fix-result')).toHaveCount(0);
});

test('progress survives a reload, and corrupt storage does not break the page', async ({ lab, page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}`);
  const entry = navEntry(page, preflight.title);
  await expect(entry).toContainText(`0/${preflight.experiments.length} predicted`);
  await predictFirst(page, 'Blocked');
  await expect(entry).toContainText(`1/${preflight.experiments.length} predicted`);
  await page.reload();
  await expect(entry).toContainText(`1/${preflight.experiments.length} predicted`);
  await expect(page.getByRole('region', { name: 'Experiment 1' })).toContainText('You predicted this one before, and were right.');
  await page.evaluate((key) => localStorage.setItem(key, '{"the-preflight": {"experiments": 7'), PROGRESS_KEY);
  await page.reload();
  await expect(entry).toContainText(`0/${preflight.experiments.length} predicted`);
  await predictFirst(page, 'Allowed');
  await expect(entry).toContainText(`1/${preflight.experiments.length} predicted`);
  expect(errors).toEqual([]);
});

test('at 390 px no lesson scrolls sideways, with a run and its diagram shown', async ({ lab, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = originMap(lab.origins).app;
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await open(page, app, `?lesson=${preflight.id}`);
  // A lesson link opened on a phone shows the lesson first; the Lessons list follows it.
  const headingTop = (await page.getByRole('heading', { name: `Lesson ${preflight.order}: ${preflight.title}` }).boundingBox())!.y;
  const navTop = (await page.getByRole('navigation', { name: 'Lessons' }).boundingBox())!.y;
  expect(headingTop).toBeLessThan(navTop);
  expect(headingTop).toBeLessThan(844);
  // Every lesson in the same element (a page load each would only time the app's start-up).
  for (const lesson of lessons.en) {
    await page.locator('cors-lab-lesson').evaluate((el, id) => el.setAttribute('lesson-id', id), lesson.id);
    await expect(page.getByRole('heading', { name: `Lesson ${lesson.order}: ${lesson.title}` })).toBeVisible();
    await expect.poll(overflow, { message: lesson.id }).toBeLessThanOrEqual(0);
  }
  await page.locator('cors-lab-lesson').evaluate((el, id) => el.setAttribute('lesson-id', id), preflight.id);
  await predictFirst(page, 'Blocked');
  await expect.poll(overflow).toBeLessThanOrEqual(0);
});

test('?lang=zh-CN shows the lesson in Chinese', async ({ lab, page }) => {
  const zh = lessons['zh-CN'].find((l) => l.id === preflight.id)!;
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}&lang=zh-CN`);
  await expect(page.getByRole('heading', { name: `第 4 课：${zh.title}` })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '课程' })).toBeVisible();
  const card = page.getByRole('region', { name: '实验 1' });
  await expect(card.getByRole('group', { name: '你的浏览器会怎么做？' })).toBeVisible();
  await expect(card.getByRole('button', { name: '在我的浏览器中运行' })).toBeDisabled();
  await expect(page.getByRole('region', { name: '讲解' })).toContainText(zh.narrative.split('\n').find((l) => /^[^#`\s]/.test(l))!.slice(0, 30));
  const fix = page.getByRole('region', { name: '修复练习' });
  await expect(fix).toContainText(zh.fixIt.goal);
  await expect(fix.getByRole('button', { name: '检查我的修复' })).toBeVisible();
});

test('the step contract: setting step highlights and scrolls to it; the learner moving fires lesson-step', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}`);
  const lesson = page.locator('cors-lab-lesson');
  await lesson.evaluate((el) => {
    const seen: unknown[] = [];
    (window as unknown as { steps: unknown[] }).steps = seen;
    el.addEventListener('lesson-step', (e) => seen.push((e as CustomEvent).detail));
  });
  const fixStep = preflight.experiments.length + 1;
  await lesson.evaluate((el, step) => ((el as HTMLElement & { step: number }).step = step), fixStep);
  const fix = page.getByRole('region', { name: 'Fix it' });
  await expect(fix).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('region', { name: 'Narrative' })).toHaveAttribute('aria-current', 'false');
  await expect(fix).toBeInViewport();
  // Set from outside: no event. The learner clicks into experiment 2: an event, and the highlight follows.
  await expect.poll(() => page.evaluate(() => (window as unknown as { steps: unknown[] }).steps)).toEqual([]);
  await page.getByRole('region', { name: 'Experiment 2' }).getByRole('radio', { name: /^Allowed:/ }).check();
  await expect(page.getByRole('region', { name: 'Experiment 2' })).toHaveAttribute('aria-current', 'step');
  await expect.poll(() => page.evaluate(() => (window as unknown as { steps: unknown[] }).steps)).toEqual([{ lessonId: preflight.id, step: 2 }]);
  await expect(lesson).toHaveAttribute('step', '2');
});

test('printed, a lesson is a worksheet: no buttons, blank choices, no results', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}`);
  await predictFirst(page, 'Blocked');
  // Experiment 2 is not answered: on screen the reason is asked only after "blocked" ...
  const reasons = page.getByRole('region', { name: 'Experiment 2' }).getByRole('group', { name: 'Which check stops it?' });
  await expect(reasons).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  // ... on paper every question is there to tick.
  await expect(reasons).toBeVisible();
  await expect(page.getByText(`Online: ${originMap(lab.origins).app}/?lesson=${preflight.id}`)).toBeVisible();
  const card = page.getByRole('region', { name: 'Experiment 1' });
  await expect(card.getByRole('button', { name: 'Run again' })).toBeHidden();
  await expect(card.getByTestId('lesson-result')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeHidden();
  await expect(card.getByRole('radio', { name: /^Blocked:/ })).toBeHidden(); // drawn as an empty box instead
  await expect(card.getByText('Blocked: the page gets an error')).toBeVisible();
  // The learner's own answer is not marked on paper either.
  const chosen = card.getByText('Blocked: the page gets an error');
  await expect.poll(() => chosen.evaluate((el) => getComputedStyle(el.closest('.choice')!, '::before').content)).toBe('"☐"');
  for (const mark of await card.getByText('✔ your pick, the answer').all()) await expect(mark).toBeHidden();
  await expect(card.getByText('✔ your pick, the answer')).toHaveCount(3); // outcome, reason, question: there, but not on paper
  await expect.poll(() => chosen.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('none');
  await expect(chosen).toHaveCSS('font-weight', '400');
});

test('printed in Chinese, a lesson is the same worksheet: Chinese questions, the online address with its language, no buttons', async ({ lab, page }) => {
  const app = originMap(lab.origins).app;
  await open(page, app, `?lesson=${preflight.id}&lang=zh-CN`);
  const zh = lessons['zh-CN'].find((l) => l.id === preflight.id)!;
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText(`在线版：${app}/?lesson=${preflight.id}&lang=zh-CN`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(zh.title);
  await expect(page.getByRole('group', { name: templates['lesson.reason.legend'] })).toHaveCount(zh.experiments.length);
  for (const group of await page.getByRole('group', { name: templates['lesson.reason.legend'] }).all()) await expect(group).toBeVisible();
  await expect(page.getByRole('button', { name: templates['lesson.print'] })).toBeHidden();
  await expect(page.getByRole('navigation', { name: templates['lesson.nav'] })).toBeHidden();
});

test('printed from a link with an unknown ?lang=, the worksheet leaves the notice off and writes the address without it', async ({ lab, page }) => {
  const app = originMap(lab.origins).app;
  await open(page, app, `?lesson=${preflight.id}&lang=xx`);
  const notice = page.getByRole('status').filter({ hasText: '?lang=xx' });
  await expect(notice).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(notice).toBeHidden();
  await expect(page.getByText(`Online: ${app}/?lesson=${preflight.id}`, { exact: true })).toBeVisible();
});

test('a lesson after a run and a fix attempt has no serious accessibility violation, light and dark', async ({ lab, page }) => {
  test.setTimeout(paced(90_000));
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}`);
  await predictFirst(page, 'Blocked');
  const fix = page.getByRole('region', { name: 'Fix it' });
  await fix.getByRole('button', { name: 'Check my fix' }).click();
  await expect(fix.getByTestId('fix-result')).toBeVisible();
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
    // The hidden runner frames are other origins' blank pages, not part of what people see.
    const results = await new AxeBuilder({ page }).exclude('iframe').setLegacyMode(true).analyze();
    const serious = results.violations.filter((v: Result) => ['critical', 'serious', 'moderate'].includes(v.impact ?? ''));
    expect(serious.map((v: Result) => `${v.id}: ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`), theme).toEqual([]);
  }
});

test('the narrative sits under the lesson heading: its sections are level 3, its own title is not repeated', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}`);
  const narrative = page.getByRole('region', { name: 'Narrative' });
  const section = /^## (.+)$/m.exec(preflight.narrative)![1]!;
  await expect(narrative.getByRole('heading', { level: 3, name: section })).toBeVisible();
  await expect(page.getByRole('heading', { name: preflight.title, exact: true })).toHaveCount(0);
});

test('where this browser cannot reproduce an experiment (Local Network Access), the answer is graded against Chromium\'s, and it says so', async ({ lab, page }) => {
  const lna = lessons.en.find((l) => l.id === 'local-network-access')!;
  const id = lna.experiments[0]!;
  const experiment = catalog.find((e) => e.id === id)!;
  expect(experiment.expect).toMatchObject({ outcome: 'blocked', reason: 'LocalNetworkAccessPermissionDenied', reachedServer: false });
  await open(page, originMap(lab.origins).app, `?lesson=${lna.id}`);
  const card = page.getByRole('region', { name: 'Experiment 1' });
  await card.getByRole('radio', { name: /^Blocked:/ }).check();
  await card.getByRole('radio', { name: 'LocalNetworkAccessPermissionDenied' }).check();
  await card.getByRole('group', { name: 'Does the request itself reach the server?' }).getByRole('radio', { name: 'no' }).check();
  await card.getByRole('button', { name: 'Run in my browser' }).click();
  // Here the public page is loopback like the lab, so this browser lets it through ...
  await expect(card.getByRole('heading', { name: 'What your browser did: ✔ allowed' })).toBeVisible();
  await expect(card.getByTestId('caveat')).toContainText('Your answer is compared with what Chromium does there');
  // ... and the answer Chromium would give with Local Network Access in force is the one graded.
  await expect(card.getByTestId('lesson-result')).toContainText('Your prediction was right.');
});

test('the skip link says it skips to the lesson, and lands on its heading', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}`);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the lesson' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Lesson ${preflight.order}: ${preflight.title}` })).toBeFocused();
});

test('the skip link pressed before the lesson downloaded lands on its heading once here', async ({ lab, page }) => {
  // The lesson's own file (assets/04-the-preflight-*.js) is held until the learner has pressed the skip link.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/assets\/\d\d-the-preflight-[^/]*\.js$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}`);
  const heading = page.getByRole('heading', { name: `Lesson ${preflight.order}: ${preflight.title}` });
  await expect.poll(() => asked).toBe(true);
  await expect(heading).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the lesson' })).toBeFocused();
  await page.keyboard.press('Enter');
  release();
  await expect(heading).toBeFocused();
});

test('another lesson in the same element starts fresh: no answer or result carried over', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}`);
  await predictFirst(page, 'Blocked');
  const redirects = lessons.en.find((l) => l.id === 'redirects')!;
  await page.locator('cors-lab-lesson').evaluate((el, id) => el.setAttribute('lesson-id', id), redirects.id);
  const card = page.getByRole('region', { name: 'Experiment 1' });
  await expect(card.getByRole('heading', { name: `Experiment 1: ${redirects.questions[redirects.experiments[0]!]}` })).toBeVisible();
  await expect(card.getByTestId('lesson-result')).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Run in my browser' })).toBeDisabled();
});

test('switching the language downloads the lesson in it, keeping the answers and the run', async ({ lab, page }) => {
  await open(page, originMap(lab.origins).app, `?lesson=${preflight.id}`);
  await predictFirst(page, 'Blocked');
  const chinese = lessons['zh-CN'].find((l) => l.id === preflight.id)!;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: `第 ${chinese.order} 课：${chinese.title}` })).toBeVisible();
  const card = page.getByRole('region', { name: '实验 1' });
  await expect(card.getByTestId('lesson-result')).toBeVisible();
  await expect(card.getByRole('radio', { name: 'MethodDisallowedByPreflightResponse' })).toBeChecked();
  // The Chinese lesson came now, as its own file: the English page had not downloaded it.
  expect(requests.filter((path) => /\/assets\/04-the-preflight-[\w-]+\.js$/.test(path))).toHaveLength(1);
});
