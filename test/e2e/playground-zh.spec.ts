/**
 * The playground in Simplified Chinese, in real Chromium: `?lang=zh-CN`
 * shows the catalog, the editor, a run, the log, the fix panel and the
 * origins legend with no English word outside an allow-list of terms that
 * stay as they are (header and reason names, methods, code, origin names,
 * URLs); and the language switch changes the page at once, `?lang=` and
 * `<html lang>` with it, and is remembered.
 */
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { catalog } from '../../experiments/catalog/index.ts';
import { catalogZhCN } from '../../experiments/catalog/zh-CN/index.ts';
import { BLOCKED_REASONS, CORS_ERRORS } from '../../experiments/reasons.ts';
import { experimentHash } from '../../client/share/experiment-link.ts';
import { problemText } from '../../experiments/problems/index.ts';
import { templates } from '../../client/i18n/zh-CN/index.ts';
import { ORIGIN_NAMES, originMap } from '../../servers/origins.ts';
import { expect, test } from './lab-fixture.ts';

const SHOTS = fileURLToPath(new URL('../../tmp/', import.meta.url));

/** A blocked, preflighted experiment: prediction, fix panel, checks, a timeline with a preflight. */
const BLOCKED = catalog.find((e) => e.id === 'preflight-put-missing-allow-methods')!;
const zh = (id: keyof typeof templates): string => {
  const text = templates[id];
  if (typeof text !== 'string') throw new Error(`${id} is not a plain message`);
  return text;
};

/** Words that stay as they are in every language: names of things, not sentences. */
const TERMS = [
  ...catalog.map((e) => e.id), ...CORS_ERRORS, ...BLOCKED_REASONS, ...ORIGIN_NAMES,
  'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS',
  'Origin', 'Vary', 'Cookie', 'Location', 'SameSite=Lax', 'Strict', 'cors-lab', 'CORS', 'API', 'URL', 'JSON', 'SVG', 'XHR', 'xhr',
  'fetch()', 'fetch', 'curl', 'Chromium', 'Firefox', 'MDN', 'JavaScript', 'Referrer', 'English', 'no-cors', 'hono-cors', 'express-cors', 'hono/cors', 'null', 'Name: value', 'TypeError: Failed to fetch', 'Local Network Access', 'JSONP',
  'ok', // Fetch's "ok status" (200-299), a term of the standard
  ...keptFromEnglishTitles(),
];

/**
 * Code and names a catalog title keeps in Chinese (`mode "no-cors"`,
 * `withCredentials`, `SameSite=None`): the Latin words a Chinese title shares
 * with its own English title. A word the English title lacks is still caught.
 */
function keptFromEnglishTitles(): string[] {
  const words = (text: string) => new Set(text.match(/[A-Za-z][A-Za-z0-9-]*/g) ?? []);
  return [...new Set(catalog.flatMap((e) => {
    const english = words(e.title);
    return [...words(catalogZhCN[e.id]?.title ?? '')].filter((w) => english.has(w));
  }))];
}


/**
 * Every visible text node of the page, through every shadow root, with the
 * English words left once allowed terms, code, URLs and console lines (Chromium's own words) are taken out.
 */
async function englishOnPage(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ terms, pending }) => {
      const found: string[] = [];
      const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const allowed = new RegExp(`(^|[^A-Za-z-])(${[...terms].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![A-Za-z])`, 'g');
      // MDN's pages are named by Firefox's error names (CORSMethodNotFound): a link to one says which.
      const skip = ['code', 'pre', '.console', 'cors-lab-url', 'textarea', 'style', 'script', 'title', 'a[href^="https://developer.mozilla.org/"]', ...pending].join(', ');
      const check = (text: string, where: Element): void => {
        const rest = text
          .replace(/https?:\/\/\S+/g, ' ')
          .replace(/\b[A-Z][a-z]+(-[A-Z][a-z]+)+\b/g, ' ') // header names: Access-Control-Allow-Origin
          .replace(/[{[][^\u4e00-\u9fff]*[}\]]/g, ' ') // JSON and tokens in hints: {"outcome": "blocked"}, {page}
          .replace(allowed, '$1 ');
        const words = rest.match(/[A-Za-z]{2,}/g);
        if (words) found.push(`${where.tagName.toLowerCase()}: "${text.trim()}" (${words.join(', ')})`);
      };
      const walk = (root: Document | ShadowRoot): void => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node instanceof Element) {
            if (node.shadowRoot) walk(node.shadowRoot);
            // A select shows its chosen option; options named by their own value are code (cors, include, GET).
            if (node instanceof HTMLSelectElement && node.checkVisibility()) {
              const option = node.selectedOptions[0];
              if (option && option.text !== option.value) check(option.text, node);
            }
            continue;
          }
          const parent = node.parentElement;
          if (!parent || !node.textContent?.trim() || parent.closest(skip) || parent.closest('option') || !parent.checkVisibility()) continue;
          check(node.textContent, parent);
        }
      };
      walk(document);
      return found;
    },
    { terms: TERMS, pending: [] as string[] },
  );
}

for (const width of [1280, 390]) {
  test(`?lang=zh-CN at ${width} px: catalog, editor, a run, the log, the fix panel and the origins legend show no English outside the allowed terms, and fit`, async ({ lab, page }) => {
    const app = originMap(lab.origins).app;
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${app}/?lang=zh-CN${experimentHash(BLOCKED)}`);
    await expect(page.getByRole('status', { name: zh('app.status-label') })).toHaveText(zh('app.status-ready'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page).toHaveTitle(zh('app.title'));

    await page.getByText(zh('app.edit')).click();
    await page.getByText(zh('app.share'), { exact: true }).click();
    await page.getByText(zh('app.origins')).click();
    await page.getByText(zh('prediction.how')).click();
    await expect(page.getByRole('region', { name: zh('fix.heading') })).toBeVisible();
    await expect(page.getByRole('list', { name: zh('origins.label') })).toBeVisible();
    await page.getByRole('button', { name: zh('app.run') }).click();
    const row = page.getByTestId('log-row').filter({ hasText: BLOCKED.id });
    await row.getByText(BLOCKED.id).click();
    await expect(row.getByRole('list', { name: zh('timeline.label') })).toBeVisible();
    await expect(row.locator('summary')).toContainText(zh('outcome.blocked'));

    expect(await englishOnPage(page)).toEqual([]);
    // The short URLs' toggle word comes from CSS, not a text node: it follows the language too.
    const toggle = await page.locator('cors-lab-url button').first().evaluate((b) => getComputedStyle(b, '::after').content);
    expect(toggle).toBe(JSON.stringify(zh('url.full')));
    // Chinese lines are measured differently (two columns a character): nothing may stick out.
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth, 'page width').toBeLessThanOrEqual(clientWidth);
    await page.screenshot({ path: `${SHOTS}zh-CN-${width}-full.png`, fullPage: true });
  });
}

test('the language switch changes the page at once, ?lang= and <html lang>, works from the keyboard and is remembered', async ({ lab, page }) => {
  const app = originMap(lab.origins).app;
  await page.goto(`${app}/`);
  const status = page.getByRole('status', { name: 'lab status' });
  await expect(status).toHaveText('ready');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The checker sees English where there is English.
  expect((await englishOnPage(page)).join('\n')).toContain('Run this experiment');

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
