/**
 * The learner's own engine in the playground, in real Chromium: after a blocked run the log row says the
 * learner's browser is Chromium and shows Chromium's console line as theirs (the very line this Chromium
 * printed), with Firefox's and WebKit's lines beside it (their models' lines for this run, each with its
 * reason); the other two fold on a phone and open from the keyboard; an engine the page cannot tell shows
 * all three, none marked; a browser that does not do what its engine's model predicts is told so; zh-CN puts
 * Chinese words around the browsers' own lines. Firefox: playground-engine-firefox.spec.ts.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { experimentUrl } from '../../experiments/model/predict.ts';
import { originMap, type OriginMap } from '../../plan/origins.ts';
import { ENGINE_MODELS } from '../../runner/engine-models.ts';
import { expect, test } from './lab-fixture.ts';
import { shot } from './shots-folder.ts';


const byId = (id: string) => {
  const found = catalog.find((e) => e.id === id);
  if (!found) throw new Error(`no catalog experiment ${id}`);
  return found;
};
/** Blocked in every engine, with a different reason and line in each. */
const NO_ALLOW_ORIGIN = byId('simple-get-no-acao');
/** Allowed in Chromium; Firefox follows the empty Location to the redirect limit and blocks it (DEVIATIONS.md). */
const EMPTY_LOCATION = byId('redirect-empty-location');

/** A console line as shown, with each short URL (cors-lab-url) in full: the text a person copies. */
const lineText = (line: Locator): Promise<string> =>
  line.evaluate((p) =>
    [...p.childNodes]
      .map((node) => {
        if (node.nodeName === 'CORS-LAB-URL') return (node as unknown as { url: string }).url;
        return node.nodeType === Node.TEXT_NODE ? node.textContent : '';
      })
      .join(''),
  );

/** Runs the catalog experiment from the playground and opens its log row; the row's run id with it. */
async function runFromPlayground(page: Page, app: string, title: string, id: string, lang = 'en') {
  await page.goto(`${app}/?lang=${lang}`);
  const status = lang === 'en' ? { name: 'lab status', ready: 'ready' } : { name: '实验室状态', ready: '就绪' };
  await expect(page.getByRole('status', { name: status.name })).toHaveText(status.ready);
  await page.getByRole('button', { name: title }).click();
  await page.getByRole('button', { name: lang === 'en' ? 'Run this experiment' : '运行此实验' }).click();
  const row = page.getByTestId('log-row').filter({ hasText: id });
  await row.getByText(id, { exact: true }).click();
  const run = await row.getAttribute('data-run');
  if (!run) throw new Error('the log row names no run');
  return { row, run };
}

/** What Firefox's and WebKit's models say this run prints (runner/engine-models.ts, held to those browsers). */
async function modelLines(id: string, origins: OriginMap, run: string) {
  const experiment = byId(id);
  const url = experimentUrl(experiment, origins, run);
  const [firefox] = await ENGINE_MODELS.firefox!(experiment, origins, run, url);
  const [webkit] = await ENGINE_MODELS.webkit!(experiment, origins, run, url);
  return { firefox: firefox!, webkit: webkit! };
}

const CHROMIUM_TITLE =
  "Chromium: the learner's engine is Chromium, its own line marked as theirs, Firefox's and WebKit's beside it";
test(CHROMIUM_TITLE, async ({ lab, page }) => {
  const origins = originMap(lab.origins);
  const printed: string[] = [];
  page.on('console', (message) => printed.push(message.text()));
  await page.setViewportSize({ width: 1200, height: 900 });
  const { row, run } = await runFromPlayground(page, origins.app, NO_ALLOW_ORIGIN.title, NO_ALLOW_ORIGIN.id);
  const lines = row.getByRole('region', { name: 'Console lines by engine' });
  const own = lines.getByRole('group', { name: 'Chromium, your browser' });
  await expect(own).toContainText('What your browser (Chromium) prints in its console');
  await expect(own).toContainText('(predicted by the Chromium model)');
  await expect(own.getByRole('code')).toHaveText(NO_ALLOW_ORIGIN.expect!.reason!);
  // The line shown as the learner's is the one this Chromium printed for the run.
  const chromiumLine = await lineText(own.locator('.console'));
  expect(chromiumLine).toContain(run);
  const blockedLines = () => printed.filter((text) => text.includes(run) && text.includes('blocked by CORS policy'));
  await expect.poll(blockedLines).toEqual([chromiumLine]);

  const { firefox, webkit } = await modelLines(NO_ALLOW_ORIGIN.id, origins, run);
  await expect(lines.getByRole('group', { name: /your browser/ })).toHaveCount(1);
  const disclosure = lines.getByRole('button', { name: 'Beside it: Firefox and WebKit' });
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  const others = lines.getByRole('list', { name: 'The other engines' }).getByRole('listitem');
  await expect(others).toHaveCount(2);
  await expect(others.nth(0)).toContainText(`Firefox reason ${firefox.reason}`, { ignoreCase: true });
  await expect(others.nth(1)).toContainText(`WebKit reason ${webkit.reason}`, { ignoreCase: true });
  expect(firefox.reason).toBe('CORSMissingAllowOrigin');
  expect(webkit.reason).toBe('WebKitAllowOriginNotAllowed');
  expect(await lineText(others.nth(0).locator('.console'))).toBe(firefox.console);
  // WebKitGTK writes "CONSOLE SECURITY ERROR " before the sentence; Safari's console shows the sentence.
  expect(webkit.console).toMatch(/^CONSOLE SECURITY ERROR Origin .+ is not allowed by Access-Control-Allow-Origin/);
  const safariLine = webkit.console!.replace('CONSOLE SECURITY ERROR ', '');
  expect(await lineText(others.nth(1).locator('.console'))).toBe(safariLine);
  await expect(row.getByRole('note')).toHaveCount(0);
  await expect(row.getByRole('list', { name: 'Timeline' })).not.toContainText('blocked by CORS policy');
  // axe-core on the page with the comparison shown, as accessibility.spec.ts scans it (the runner frames left out).
  const scan = await new AxeBuilder({ page }).exclude('iframe').setLegacyMode(true).analyze();
  const serious = scan.violations.filter((v) => ['critical', 'serious', 'moderate'].includes(v.impact ?? ''));
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await shot(lines, `engineui-chromium-light.png`);
  const dark = page.getByRole('button', { name: 'Dark theme' });
  if ((await dark.getAttribute('aria-pressed')) === 'false') await dark.click();
  await expect(dark).toHaveAttribute('aria-pressed', 'true');
  await shot(lines, `engineui-chromium-dark.png`);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
  await shot(lines, `engineui-presenter.png`);
});

const PHONE_TITLE =
  "390 px: the other engines fold under the learner's line, open and close from the keyboard, nothing overflows";
test(PHONE_TITLE, async ({ lab, page }) => {
  const origins = originMap(lab.origins);
  await page.setViewportSize({ width: 390, height: 844 });
  const { row } = await runFromPlayground(page, origins.app, NO_ALLOW_ORIGIN.title, NO_ALLOW_ORIGIN.id);
  const lines = row.getByRole('region', { name: 'Console lines by engine' });
  await expect(lines.getByRole('group', { name: 'Chromium, your browser' }).locator('.console')).toBeVisible();
  const others = lines.getByRole('list', { name: 'The other engines' });
  await expect(others).toBeHidden();
  const disclosure = lines.getByRole('button', { name: 'Beside it: Firefox and WebKit' });
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await disclosure.focus();
  await page.keyboard.press('Enter');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  await expect(others).toBeVisible();
  await expect(others.getByRole('listitem')).toHaveCount(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(lines, `engineui-390.png`);
  await page.keyboard.press('Space');
  await expect(others).toBeHidden();
  await expect(disclosure).toBeFocused();
});

test('an engine the page cannot tell: all three lines, none marked as the learner\'s', async ({ lab, page }) => {
  // No V8, Gecko or WebKit feature, and a user agent naming none of them.
  await page.addInitScript(() => {
    Reflect.deleteProperty(Intl, 'v8BreakIterator');
    Object.defineProperty(Navigator.prototype, 'userAgent', { get: () => 'Mozilla/5.0 (Plan 9) Abaco/2.0' });
    Object.defineProperty(Navigator.prototype, 'vendor', { get: () => '' });
  });
  const origins = originMap(lab.origins);
  const { row } = await runFromPlayground(page, origins.app, NO_ALLOW_ORIGIN.title, NO_ALLOW_ORIGIN.id);
  const lines = row.getByRole('region', { name: 'Console lines by engine' });
  await expect(lines).toContainText("Your browser's engine is not known here");
  const each = lines.getByRole('list', { name: 'Each engine' }).getByRole('listitem');
  await expect(each).toHaveCount(3);
  await expect(each.nth(0)).toContainText(`Chromium reason ${NO_ALLOW_ORIGIN.expect!.reason}`, { ignoreCase: true });
  await expect(each.nth(1)).toContainText('Firefox reason CORSMissingAllowOrigin', { ignoreCase: true });
  await expect(each.nth(2)).toContainText('WebKit reason WebKitAllowOriginNotAllowed', { ignoreCase: true });
  await expect(lines.getByRole('group', { name: /your browser/ })).toHaveCount(0);
  await expect(lines).not.toContainText('your browser (');
});

test('a browser that does not do what its engine\'s model predicts is told so, plainly', async ({ lab, page }) => {
  // This Chromium passes for Firefox (Gecko's own feature): Chromium reads the 302 with an empty Location, and
  // Firefox's model (as Firefox does) follows it to the redirect limit and blocks it.
  await page.addInitScript(() => Object.defineProperty(window, 'mozInnerScreenX', { value: 0 }));
  const origins = originMap(lab.origins);
  const { row, run } = await runFromPlayground(page, origins.app, EMPTY_LOCATION.title, EMPTY_LOCATION.id);
  const lines = row.getByRole('region', { name: 'Console lines by engine' });
  const own = lines.getByRole('group', { name: 'Firefox, your browser' });
  const { firefox } = await modelLines(EMPTY_LOCATION.id, origins, run);
  expect(firefox.outcome).toBe('blocked');
  await expect(own.getByRole('code')).toHaveText(firefox.reason!);
  expect(await lineText(own.locator('.console'))).toBe(firefox.console);
  await expect(lines.getByRole('note')).toHaveText(
    '⚠ Your browser (Firefox) did not do what its model predicts' +
      ' (your browser: ✔ allowed; the model: ✖ blocked).' +
      " The line above is the model's; your browser's own console shows what it printed.",
  );
  const chromium = lines.getByRole('list', { name: 'The other engines' }).getByRole('listitem').first();
  await expect(chromium).toContainText('Chromium ✔ allowed: no CORS line in the console.');
});

test('zh-CN: Chinese words around the engines\' own lines', async ({ lab, page }) => {
  const origins = originMap(lab.origins);
  await page.setViewportSize({ width: 1200, height: 900 });
  const title = '没有 Access-Control-Allow-Origin 的 GET 被拦截，却已到达服务器';
  const { row, run } = await runFromPlayground(page, origins.app, title, NO_ALLOW_ORIGIN.id, 'zh-CN');
  const lines = row.getByRole('region', { name: '各引擎的控制台输出' });
  const own = lines.getByRole('group', { name: 'Chromium，你的浏览器' });
  await expect(own).toContainText('你的浏览器（Chromium）在控制台输出的内容');
  await expect(own).toContainText('（由 Chromium 模型预测）');
  // The browsers' lines stay as they print them.
  expect(await lineText(own.locator('.console'))).toContain('has been blocked by CORS policy');
  const { firefox } = await modelLines(NO_ALLOW_ORIGIN.id, origins, run);
  const others = lines.getByRole('list', { name: '另外两个引擎' }).getByRole('listitem');
  expect(await lineText(others.nth(0).locator('.console'))).toBe(firefox.console);
  await expect(lines.getByRole('button', { name: '对照：Firefox 和 WebKit' })).toBeVisible();
  await shot(lines, `engineui-zh-CN.png`);
});

test('a lesson\'s result shows the same comparison, loaded with the result', async ({ lab, page }) => {
  const origins = originMap(lab.origins);
  await page.goto(`${origins.app}/?lesson=the-preflight`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  const card = page.getByRole('region', { name: 'Experiment 1' });
  await expect(card.locator('cors-lab-engine-lines')).toHaveCount(0);
  await card.getByRole('radio', { name: /^Blocked:/ }).check();
  await card.getByRole('radio', { name: 'MethodDisallowedByPreflightResponse' }).check();
  const reached = card.getByRole('group', { name: 'Does the request itself reach the server?' });
  await reached.getByRole('radio', { name: 'no' }).check();
  await card.getByRole('button', { name: 'Run in my browser' }).click();
  await expect(card.getByTestId('lesson-result')).toBeVisible();
  const lines = card.getByRole('region', { name: 'Console lines by engine' });
  const own = lines.getByRole('group', { name: 'Chromium, your browser' });
  await expect(own.getByRole('code')).toHaveText('MethodDisallowedByPreflightResponse');
  const others = lines.getByRole('list', { name: 'The other engines' }).getByRole('listitem');
  await expect(others.nth(0)).toContainText('Firefox reason CORSMethodNotFound', { ignoreCase: true });
  await expect(others.nth(1)).toContainText('WebKit reason WebKitMethodNotAllowed', { ignoreCase: true });
});
