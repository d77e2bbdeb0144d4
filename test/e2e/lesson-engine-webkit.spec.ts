/**
 * A Safari (WebKit) learner's lesson, graded in WebKit's own sentences (client/lessons/lesson-reasons.ts,
 * format/webkit-reason-names.ts). Run in real Chromium with the learner's engine forced to WebKit the way
 * playground-engine-lines.spec.ts forces Firefox: the page shows WebKit's own feature (GestureEvent) and not V8's,
 * so the playground detects WebKit and judges the run by the WebKit model (client/lab/engine-judge.ts); what the
 * browser and the servers did is Chromium's, and the experiments here block alike in both. Lesson 7's second
 * experiment (a mismatched Access-Control-Allow-Origin after a redirect), answered by keyboard with "missing": right in
 * WebKit, whose one sentence says both, and the card says so; its fix-it, typed key by key, names WebKit's sentence;
 * the playground's fix panel names it too. The CSP refusal's fix reads once, in English and Chinese.
 * Screenshots: light, dark, presenter, 390 px, en and zh-CN. The same lesson in real WebKit (WebKitGTK over
 * WebDriver): lesson-engine-webkit-real.spec.ts.
 */
import type { Locator, Page } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { catalogZhCN } from '../../experiments/catalog/zh-CN/index.ts';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';
import { shot } from './shots-folder.ts';

const lessons = loadLessonsFromDisk();
const redirects = lessons.en.find((l) => l.id === 'redirects')!;
const EXPERIMENT = 'redirect-cross-origin-page-origin-fails';
const NUMBER = redirects.experiments.indexOf(EXPERIMENT) + 1;

/** This Chromium passes for WebKit: no V8 break iterator, and WebKit's GestureEvent (learner-engine.ts). */
async function asWebKit(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Reflect.deleteProperty(Intl, 'v8BreakIterator');
    Object.defineProperty(window, 'GestureEvent', { value: class GestureEvent extends UIEvent {} });
  });
}

const WORDS = {
  en: {
    status: 'lab status', ready: 'ready', region: `Experiment ${NUMBER}`, allowed: /^Allowed:/,
    run: 'Run in my browser',
    right: 'Your prediction was right.', fix: 'Fix it', actual: 'Actual response headers', check: 'Check my fix',
  },
  'zh-CN': {
    status: '实验室状态', ready: '就绪', region: `实验 ${NUMBER}`, allowed: /^放行/, run: '在我的浏览器中运行',
    right: '你的预测完全正确。', fix: '修复练习', actual: '实际响应头', check: '检查我的修复',
  },
} as const;
type Lang = keyof typeof WORDS;

async function openLesson(page: Page, app: string, lang: Lang = 'en'): Promise<void> {
  await page.goto(`${app}/?lesson=${redirects.id}${lang === 'en' ? '' : `&lang=${lang}`}`);
  await expect(page.getByRole('status', { name: WORDS[lang].status })).toHaveText(WORDS[lang].ready);
}

/** Answers the card by keyboard: blocked, then `reason`; runs it with Enter; returns the card. */
async function answerBlocked(page: Page, reason: string, lang: Lang = 'en'): Promise<Locator> {
  const card = page.getByRole('region', { name: WORDS[lang].region, exact: true });
  await card.getByRole('radio', { name: WORDS[lang].allowed }).focus();
  await page.keyboard.press('ArrowDown'); // Blocked: the reasons appear
  await card.getByRole('radio', { name: reason, exact: true }).focus();
  await page.keyboard.press('Space');
  await card.getByRole('button', { name: WORDS[lang].run }).focus();
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('lesson-result').getByRole('status').first()).toHaveText(WORDS[lang].right);
  return card;
}

test('WebKit: "missing" is right where WebKit says a mismatch with the same sentence, and the card says so', async ({
  lab, page,
}) => {
  await asWebKit(page);
  await openLesson(page, originMap(lab.origins).app);
  const card = await answerBlocked(page, 'MissingAllowOriginHeader');
  const result = card.getByTestId('lesson-result');
  const reason = result.getByRole('listitem').filter({ hasText: 'Reason (' });
  await expect(reason).toContainText('✔ right');
  await expect(reason).toContainText('Reason (the WebKit model’s: a browser does not tell the page why)');
  await expect(reason).toContainText('You said MissingAllowOriginHeader; the answer: WebKitAllowOriginNotAllowed.');
  // Both choices WebKit's sentence speaks for are the answer; the others are not.
  await expect(card.getByRole('radio', { name: 'MissingAllowOriginHeader', exact: true }))
    .toHaveAccessibleDescription(/✔ your pick, the answer$/);
  await expect(card.getByRole('radio', { name: 'AllowOriginMismatch', exact: true }))
    .toHaveAccessibleDescription(/✔ the answer$/);
  await expect(card.getByRole('radio', { name: 'RedirectContainsCredentials', exact: true }))
    .not.toHaveAccessibleDescription(/✔/);
  const note = card.getByTestId('engine-note');
  await expect(note.getByRole('paragraph').first())
    .toHaveText('ⓘ Graded by the WebKit model: here WebKit does not do what Chromium does.');
  await expect(note.getByRole('listitem'))
    .toHaveText('reason: WebKit WebKitAllowOriginNotAllowed, Chromium AllowOriginMismatch');
  await expect(note.getByTestId('same-words')).toHaveText(
    'WebKit prints the same sentence for each of these checks, so each is right: AllowOriginMismatch, ' +
    'MissingAllowOriginHeader',
  );
  // The learner's own console line is WebKit's sentence (the engines' lines after the result).
  const lines = card.getByRole('region', { name: 'Console lines by engine' });
  await expect(lines.getByRole('group', { name: 'WebKit, your browser' }))
    .toContainText('Origin null is not allowed by Access-Control-Allow-Origin. Status code: 200');

  await page.setViewportSize({ width: 1200, height: 900 });
  await shot(card, `lessonwebkit-card-light.png`);
  const dark = page.getByRole('button', { name: 'Dark theme' });
  if ((await dark.getAttribute('aria-pressed')) === 'false') await dark.click();
  await expect(dark).toHaveAttribute('aria-pressed', 'true');
  await shot(card, `lessonwebkit-card-dark.png`);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
  await shot(note, `lessonwebkit-card-presenter.png`);
});

test('WebKit, a 390 px phone: a wrong pick is marked wrong, the note fits the screen', async ({ lab, page }) => {
  await asWebKit(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openLesson(page, originMap(lab.origins).app);
  const card = page.getByRole('region', { name: WORDS.en.region, exact: true });
  await card.getByRole('radio', { name: WORDS.en.allowed }).focus();
  await page.keyboard.press('ArrowDown');
  await card.getByRole('radio', { name: 'RedirectContainsCredentials', exact: true }).focus();
  await page.keyboard.press('Space');
  await card.getByRole('button', { name: WORDS.en.run }).focus();
  await page.keyboard.press('Enter');
  const result = card.getByTestId('lesson-result');
  await expect(result.getByRole('status').first())
    .toHaveText('Part of your prediction was off: the diagram and the explanation show why.');
  await expect(result.getByRole('listitem').filter({ hasText: 'Reason (' })).toContainText('✖ not this time');
  await expect(card.getByRole('radio', { name: 'RedirectContainsCredentials', exact: true }))
    .toHaveAccessibleDescription(/✖ your pick$/);
  const note = card.getByTestId('engine-note');
  await expect(note.getByTestId('same-words')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(note, `lessonwebkit-card-390.png`);
});

test('WebKit, zh-CN: the card says in Chinese that WebKit\'s one sentence makes both choices right', async ({
  lab, page,
}) => {
  await asWebKit(page);
  await openLesson(page, originMap(lab.origins).app, 'zh-CN');
  const card = await answerBlocked(page, 'AllowOriginMismatch', 'zh-CN');
  await expect(card.getByTestId('same-words')).toHaveText(
    'WebKit 对这几项检查都打印同一句话，所以每一项都算对：AllowOriginMismatch、MissingAllowOriginHeader',
  );
  await expect(card.getByTestId('lesson-result').getByRole('listitem').filter({ hasText: '原因（' }))
    .toContainText('原因（来自 WebKit 模型：浏览器不会告诉页面原因）');
  await shot(card, `lessonwebkit-card-zh.png`);
});

test('WebKit: the fix-it, typed key by key, names WebKit\'s sentence for a miss, then passes', async ({
  lab, page,
}) => {
  await asWebKit(page);
  await openLesson(page, originMap(lab.origins).app);
  const fix = page.getByRole('region', { name: WORDS.en.fix });
  const actual = fix.getByLabel(WORDS.en.actual);
  // A miss: the page's origin, which the redirect's Origin (null) is not.
  await actual.fill('');
  await actual.pressSequentially('Access-Control-Allow-Origin: {page}');
  await fix.getByRole('button', { name: WORDS.en.check }).click();
  const result = fix.getByTestId('fix-result');
  await expect(result.getByRole('status')).toContainText('The WebKit model’s reason: WebKitAllowOriginNotAllowed');
  await expect(result.getByTestId('engine-line')).toHaveText('WebKit prints:');
  await expect(result.getByText('Origin null is not allowed by Access-Control-Allow-Origin. Status code: 200'))
    .toBeVisible();
  await shot(result, `lessonwebkit-fixit-light.png`);
  await actual.fill('');
  await actual.pressSequentially('Access-Control-Allow-Origin: *');
  await fix.getByRole('button', { name: WORDS.en.check }).click();
  await expect(result.getByRole('status')).toHaveText('✔ Fixed: your browser allowed it.');
  await expect(result.getByTestId('engine-line')).toHaveCount(0);
});

test('WebKit, zh-CN: the fix-it names WebKit\'s sentence in a Chinese page', async ({ lab, page }) => {
  await asWebKit(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openLesson(page, originMap(lab.origins).app, 'zh-CN');
  const fix = page.getByRole('region', { name: WORDS['zh-CN'].fix });
  const actual = fix.getByLabel(WORDS['zh-CN'].actual);
  await actual.fill('');
  await actual.pressSequentially('Access-Control-Allow-Origin: {page}');
  await fix.getByRole('button', { name: WORDS['zh-CN'].check }).click();
  const result = fix.getByTestId('fix-result');
  await expect(result.getByRole('status')).toContainText('WebKit 模型给出的原因：');
  await expect(result.getByTestId('engine-line')).toHaveText('WebKit 打印的是：');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(result, `lessonwebkit-fixit-zh-390.png`);
});

/** Opens the playground on a catalog experiment by its title in `lang`; returns its prediction's fix panel. */
async function fixPanel(page: Page, app: string, id: string, lang: Lang = 'en'): Promise<Locator> {
  const title = lang === 'en' ? catalog.find((e) => e.id === id)!.title : catalogZhCN[id]!.title;
  await page.goto(lang === 'en' ? `${app}/` : `${app}/?lang=${lang}`);
  await expect(page.getByRole('status', { name: WORDS[lang].status })).toHaveText(WORDS[lang].ready);
  await page.getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  return page.getByRole('region', { name: lang === 'en' ? 'Prediction' : '预测' })
    .getByRole('region', { name: lang === 'en' ? 'Fix' : '修复' });
}

test('the playground\'s fix panel names WebKit\'s sentence for a WebKit learner, and none in Chromium', async ({
  lab, page,
}) => {
  const origins = originMap(lab.origins);
  const inChromium = await fixPanel(page, origins.app, 'simple-get-no-acao');
  await expect(inChromium.getByRole('listitem').first()).toContainText('Access-Control-Allow-Origin');
  await expect(inChromium.getByTestId('engine-fix-line')).toHaveCount(0);
  await asWebKit(page);
  const fix = await fixPanel(page, origins.app, 'simple-get-no-acao');
  await expect(fix.getByTestId('engine-fix-line')).toHaveText('Now WebKit, your browser, prints:');
  await expect(fix.getByText(`Origin ${origins.app} is not allowed by Access-Control-Allow-Origin. Status code: 200`))
    .toBeVisible();
  await expect(fix.getByRole('listitem').first()).toContainText('Access-Control-Allow-Origin');
  await shot(fix, `lessonwebkit-fixpanel-light.png`);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = page.getByRole('button', { name: 'Dark theme' });
  if ((await dark.getAttribute('aria-pressed')) === 'false') await dark.click();
  await shot(fix, `lessonwebkit-fixpanel-dark.png`);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
  await shot(fix, `lessonwebkit-fixpanel-presenter.png`);
  await page.setViewportSize({ width: 390, height: 844 });
  const zh = await fixPanel(page, origins.app, 'preflight-put-missing-allow-methods', 'zh-CN');
  await expect(zh.getByTestId('engine-fix-line')).toHaveText('现在你的浏览器 WebKit 打印的是：');
  await expect(zh.getByText('Method PUT is not allowed by Access-Control-Allow-Methods.')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(zh, `lessonwebkit-fixpanel-zh-390.png`);
});

test('a request the page\'s own CSP refused: the fix panel says the page\'s fix once, in English and Chinese', async ({
  lab, page,
}) => {
  const origins = originMap(lab.origins);
  const id = 'csp-connect-src-self-refuses-api';
  const fix = await fixPanel(page, origins.app, id);
  const said = fix.getByTestId('page-policy-fix');
  await expect(said).toHaveText(
    `Fix the page: add ${origins.api} to connect-src in the page's Content-Security-Policy (or 'self' for the ` +
    'page\'s own origin); no header of the server can lift it.',
  );
  await expect(fix.getByTestId('no-header-fix')).toHaveCount(0);
  await expect(fix).not.toContainText('No header can help');
  await shot(fix, `lessonwebkit-cspfix-en.png`);
  const zh = await fixPanel(page, origins.app, id, 'zh-CN');
  await expect(zh.getByTestId('page-policy-fix')).toHaveText(
    `修改页面：在页面的 Content-Security-Policy 的 connect-src 中加入 ${origins.api}（页面自己的源用 'self'）；` +
    '服务器的任何响应头都解除不了它。',
  );
  await expect(zh).not.toContainText('没有任何响应头能解决');
  await shot(zh, `lessonwebkit-cspfix-zh.png`);
});
