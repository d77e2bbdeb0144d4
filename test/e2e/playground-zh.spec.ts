/**
 * The playground, a lesson and the presenter's two windows in Simplified
 * Chinese, in real Chromium: `?lang=zh-CN` shows the catalog, the editor and
 * its problem line, a run, the log expanded, the fix panel and its fix line,
 * the origins table, a lesson (its setup boxes, a run, the fix-it and its
 * problem line), and the presenter and projected windows with no English
 * word outside the kinds the zh-CN rules allow (format/i18n/zh-CN-rules.ts,
 * the same rules the Vitest checks of the text tables use); and the language
 * switch changes the page at once, `?lang=` and `<html lang>` with it, and is
 * remembered. Screenshots (light, dark, 390 px) go to tmp/shots/ (shots-folder.ts) when
 * that folder exists (a reviewer's machine), else to tmp/.
 */
import type { Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import { englishWords, headingProblems } from '../../format/i18n/zh-CN-rules.ts';
import { experimentHash } from '../../client/share/experiment-link.ts';
import { problemText } from '../../format/problems/index.ts';
import { templates } from '../../client/i18n/zh-CN/index.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';
import { shot } from './shots-folder.ts';


/** A blocked, preflighted experiment: prediction, fix panel, checks, a timeline with a preflight. */
const BLOCKED = catalog.find((e) => e.id === 'preflight-put-missing-allow-methods')!;
const LESSON = 'the-preflight';
const course = loadLessonsFromDisk();
const zh = (id: keyof typeof templates): string => {
  const text = templates[id];
  if (typeof text !== 'string') throw new Error(`${id} is not a plain message`);
  return text;
};
/** A zh-CN `str` message with its placeholders filled, by the source's index. */
const zhWith = (id: keyof typeof templates, ...values: readonly string[]): string => {
  const text = templates[id];
  if (typeof text === 'string' || !('strTag' in text)) throw new Error(`${id} is not a str\`…\` message`);
  return text.strings.reduce((out, part, i) => out + String(values[Number(text.values[i - 1])] ?? '') + part);
};

/**
 * Every visible text of the page, through every shadow root, with the English
 * words zh-CN-rules.ts does not allow: one line per text node that has any;
 * and every heading with a half-width colon in its Chinese.
 * Code (`code`, `textarea`), the browser's console lines and links to MDN's
 * pages (named by Firefox's error names) are the allowed kinds the page marks
 * up as such; the setup boxes (`pre`) are checked, their words are the page's.
 */
async function englishOnPage(page: Page): Promise<string[]> {
  // The share panel's fetch snippet and curl commands are code from end to end.
  const snippets = [zh('app.fetch-snippet'), zh('app.curl-commands')].map((name) => `pre[aria-label="${name}"]`);
  const texts = await page.evaluate((codeBlocks) => {
    const found: Array<{ tag: string; text: string }> = [];
    const skip = ['code', '.console', 'cors-lab-url', 'textarea', 'style', 'script', 'title', 'a[href^="https://developer.mozilla.org/"]', ...codeBlocks].join(', ');
    const walk = (root: Document | ShadowRoot): void => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Element) {
          if (node.shadowRoot) walk(node.shadowRoot);
          // Names a screen reader reads and a pointer shows are the page's words too.
          if (!node.closest(skip) && node.checkVisibility()) {
            for (const attribute of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
              const value = node.getAttribute(attribute);
              if (value?.trim()) found.push({ tag: `${node.tagName.toLowerCase()}[${attribute}]`, text: value });
            }
          }
          // A select shows its chosen option; options named by their own value are code (cors, include, GET).
          if (node instanceof HTMLSelectElement && node.checkVisibility()) {
            const option = node.selectedOptions[0];
            if (option && option.text !== option.value) found.push({ tag: 'select', text: option.text });
          }
          continue;
        }
        const parent = node.parentElement;
        if (!parent || !node.textContent?.trim() || parent.closest(skip) || parent.closest('option') || !parent.checkVisibility()) continue;
        found.push({ tag: parent.tagName.toLowerCase(), text: node.textContent });
      }
    };
    walk(document);
    return found;
  }, snippets);
  const english = texts.flatMap(({ tag, text }) => {
    const words = englishWords(text);
    return words.length ? [`${tag}: "${text.trim()}" (${words.join(', ')})`] : [];
  });
  const headings = await page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) walk(element.shadowRoot);
        if (element.matches('h1, h2, h3, h4, h5, h6, legend, summary') && element.checkVisibility()) found.push(element.textContent ?? '');
      }
    };
    walk(document);
    return found;
  });
  return [...english, ...headings.flatMap(headingProblems)];
}

/** Fails when anything sticks out sideways: Chinese lines are measured differently (two columns a character). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, 'page width').toBeLessThanOrEqual(clientWidth);
}

for (const { width, scheme } of [{ width: 1280, scheme: 'light' }, { width: 390, scheme: 'dark' }] as const) {
  test(`?lang=zh-CN at ${width} px, ${scheme}: catalog, editor and its problem line, a run, the log expanded, the fix line and the origins table show no English outside the allowed kinds, and fit`, async ({ lab, page }) => {
    const app = originMap(lab.origins).app;
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${app}/?lang=zh-CN${experimentHash(BLOCKED)}`);
    await expect(page.getByRole('status', { name: zh('app.status-label') })).toHaveText(zh('app.status-ready'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page).toHaveTitle(zh('app.title'));

    await page.getByText(zh('app.edit')).click();
    await page.getByText(zh('app.share'), { exact: true }).click();
    await page.getByText(zh('app.origins')).click();
    await page.getByText(zh('prediction.how')).click();
    const fix = page.getByRole('region', { name: zh('fix.heading') });
    await expect(fix).toBeVisible();
    // The fix line names the header to send, and what to put in it, in Chinese (no `<the page origin>`).
    await expect(fix).toContainText('Access-Control-Allow-Methods');
    await expect(page.getByRole('list', { name: zh('origins.label') })).toBeVisible();
    await page.getByRole('button', { name: zh('app.run') }).click();
    const row = page.getByTestId('log-row').filter({ hasText: BLOCKED.id });
    await row.getByText(BLOCKED.id).click();
    await expect(row.getByRole('list', { name: zh('timeline.label') })).toBeVisible();
    await expect(row.locator('summary')).toContainText(zh('outcome.blocked'));
    // The engines' console lines, in Chinese words around the browsers' own lines (loaded with the result).
    await expect(row.getByRole('region', { name: zh('engines.label') })).toBeVisible();
    // The editor's problem line, typed as a learner would.
    const headers = page.getByLabel(zh('editor.request-headers'));
    await headers.press('ControlOrMeta+End');
    await headers.pressSequentially('\nX@Y: 2');
    await expect(page.getByRole('alert')).toContainText(problemText({ code: 'headerName', name: 'X@Y' }, 'zh-CN'));

    expect(await englishOnPage(page)).toEqual([]);
    // The short URLs' toggle word comes from CSS, not a text node: it follows the language too.
    const toggle = await page.locator('cors-lab-url button').first().evaluate((b) => getComputedStyle(b, '::after').content);
    expect(toggle).toBe(JSON.stringify(zh('url.full')));
    await expectNoSidewaysScroll(page);
    await shot(page, `zh-playground-${width}-${scheme}.png`, { fullPage: true });
  });
}

for (const { width, scheme } of [{ width: 1280, scheme: 'dark' }, { width: 390, scheme: 'light' }] as const) {
  test(`?lesson=${LESSON}&lang=zh-CN at ${width} px, ${scheme}: the narrative, the setup boxes, a prediction run, the fix-it and its problem line show no English outside the allowed kinds`, async ({ lab, page }) => {
    const app = originMap(lab.origins).app;
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${app}/?lesson=${LESSON}&lang=zh-CN`);
    await expect(page.getByRole('status', { name: zh('app.status-label') })).toHaveText(zh('app.status-ready'));
    // Before the run: the setup boxes say what the page sends and how the servers answer, in Chinese around the code.
    const card = page.getByRole('region', { name: zhWith('lesson.experiment', '1') });
    await expect(card.locator('pre').first()).toContainText(`${zhWith('lesson.setup.page', 'app')}: fetch PUT`);
    expect(await englishOnPage(page)).toEqual([]);

    await card.getByRole('radio', { name: zh('lesson.choice.blocked') }).check();
    const reasons = card.getByRole('radio', { name: /^MethodDisallowedByPreflightResponse/ });
    if ((await reasons.count()) > 0) await reasons.check();
    for (const group of await card.getByRole('group').filter({ has: page.getByRole('radio', { name: zh('lesson.no'), exact: true }) }).all()) {
      await group.getByRole('radio', { name: zh('lesson.no'), exact: true }).check();
    }
    await card.getByRole('button', { name: zh('lesson.run') }).click();
    await expect(card.getByTestId('lesson-result')).toBeVisible();
    await expect(card.getByTestId('lesson-result')).toContainText(zh('lesson.outcome.blocked'));

    // The fix-it's problem line, from a header line typed without its colon.
    const fixIt = page.getByRole('region', { name: zh('lesson.fix.title') });
    await fixIt.getByLabel(zh('lesson.fix.actual')).pressSequentially('\nAccess-Control-Allow-Origin *');
    await fixIt.getByRole('button', { name: zh('lesson.fix.check') }).click();
    await expect(fixIt.getByRole('alert')).toContainText('“Access-Control-Allow-Origin *”');

    expect(await englishOnPage(page)).toEqual([]);
    await expectNoSidewaysScroll(page);
    await shot(page, `zh-lesson-${width}-${scheme}.png`, { fullPage: true });
  });
}

test('every lesson in Chinese, before any run: narrative, setup boxes, questions and fix-it show no English outside the allowed kinds', async ({ lab, page }) => {
  const app = originMap(lab.origins).app;
  for (const lesson of course['zh-CN']) {
    await page.goto(`${app}/?lesson=${lesson.id}&lang=zh-CN`);
    await expect(page.getByRole('heading', { name: zhWith('lesson.heading', String(lesson.order), lesson.title) })).toBeVisible();
    await expect(page.getByRole('region', { name: zhWith('lesson.experiment', String(lesson.experiments.length)) })).toBeVisible();
    expect.soft(await englishOnPage(page), lesson.file).toEqual([]);
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`?presenter=${LESSON}&lang=zh-CN, ${scheme}: the presenter window and the projected window show no English outside the allowed kinds`, async ({ lab, context }) => {
    const presenter = await context.newPage();
    await presenter.emulateMedia({ colorScheme: scheme });
    await presenter.goto(`${originMap(lab.origins).app}/?presenter=${LESSON}&lang=zh-CN`);
    const [projected] = await Promise.all([context.waitForEvent('page'), presenter.getByRole('link', { name: zh('presenter.openProjected') }).click()]);
    await projected.emulateMedia({ colorScheme: scheme });
    await expect(projected.locator('cors-lab-lesson')).toBeAttached();
    // Every step, both windows: the presenter shows each experiment's answer and the fix-it's solution.
    const next = presenter.getByRole('button', { name: `${zh('presenter.next')} →` });
    const steps = course['zh-CN'].find((l) => l.id === LESSON)!.experiments.length + 2;
    for (let step = 0; step < steps; step++) {
      await expect(projected.locator('cors-lab-lesson')).toHaveAttribute('step', String(step));
      if (step === 1) await expect(presenter.getByText(/^答案：/).first()).toBeVisible();
      expect(await englishOnPage(presenter), `presenter window, step ${step + 1}`).toEqual([]);
      expect(await englishOnPage(projected), `projected window, step ${step + 1}`).toEqual([]);
      if (step === 1) {
        await shot(presenter, `zh-presenter-${scheme}.png`, { fullPage: true });
        await shot(projected, `zh-projected-${scheme}.png`);
      }
      if (step < steps - 1) await next.click();
    }
    await expect(next).toBeDisabled();
  });
}

test('the language switch changes the page at once, ?lang= and <html lang>, works from the keyboard and is remembered', async ({ lab, page }) => {
  const app = originMap(lab.origins).app;
  await page.goto(`${app}/`);
  const status = page.getByRole('status', { name: 'lab status' });
  await expect(status).toHaveText('ready');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The checker sees English where there is English, in text and in accessible names.
  const english = await englishOnPage(page);
  expect(english.join('\n')).toContain('Run this experiment');
  expect(english.filter((line) => line.includes('[aria-label]: "lab status"'))).toHaveLength(1);

  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('status', { name: zh('app.status-label') })).toHaveText(zh('app.status-ready'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: zh('app.run') })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('lang')).toBe('zh-CN');
  // The experiment's shared link opens in the language too.
  await page.getByText(zh('app.share'), { exact: true }).click();
  expect(new URL((await page.locator('.share-link a').getAttribute('href'))!).searchParams.get('lang')).toBe('zh-CN');

  // Remembered: a fresh visit without ?lang= opens in Chinese.
  await page.goto(`${app}/`);
  await expect(page.getByRole('status', { name: zh('app.status-label') })).toHaveText(zh('app.status-ready'));

  // From the keyboard: focus the switch, pick English with the arrow keys.
  const select = page.getByLabel(zh('app.language'));
  await select.focus();
  await page.keyboard.press('ArrowUp');
  await expect(status).toHaveText('ready');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
});

test('?lang=zh-CN: a bad header line typed key by key in the editor is explained in Chinese, naming the field and the line', async ({ lab, page }) => {
  const app = originMap(lab.origins).app;
  await page.goto(`${app}/?lang=zh-CN${experimentHash(BLOCKED)}`);
  await expect(page.getByRole('status', { name: zh('app.status-label') })).toHaveText(zh('app.status-ready'));
  await page.getByText(zh('app.edit')).click();
  const headers = page.getByLabel(zh('editor.request-headers'));
  await headers.fill('');
  await headers.pressSequentially('X-Ok: 1\nBad Name: 2');
  await expect(headers).toHaveAttribute('aria-invalid', 'true');
  // The field path and the header name stay as written; the line number and the words are Chinese.
  await expect(page.getByRole('alert')).toHaveText(`request.headers["Bad Name"]（第 2 行）：${problemText({ code: 'headerName', name: 'Bad Name' }, 'zh-CN')}`);
  // A line still being typed (no colon yet) is named by its number, in Chinese too.
  await headers.pressSequentially('\nX');
  await expect(page.getByRole('alert')).toContainText('第 3 行：“X”不是“Name: value”格式');
});

test('a ?lang= the lab does not have is named on the playground, and the page stays usable in the browser language', async ({ lab, page }) => {
  await page.goto(`${originMap(lab.origins).app}/?lang=xx`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await expect(page.getByRole('status').filter({ hasText: '?lang=xx' })).toHaveText('?lang=xx is not a language of this lab; it has en, zh-CN. Choose one in the Language menu.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // A language the lab has gets no notice.
  await page.goto(`${originMap(lab.origins).app}/?lang=en`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await expect(page.getByText('is not a language of this lab')).toHaveCount(0);
});
