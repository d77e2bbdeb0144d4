/**
 * A lesson judged by the learner's engine in real Firefox: Debian's firefox-esr driven over WebDriver BiDi by
 * puppeteer-core (as playground-engine-firefox.spec.ts; Playwright cannot drive a stock Firefox). Lesson 4's third
 * experiment, answered by keyboard, is graded by Firefox's model: the reason's answer in Firefox's words, the choice
 * Firefox names so marked right, and a note that says where Firefox differs from Chromium. Its fix-it, typed key by
 * key, names Firefox's reason for a miss and passes once fixed. A lesson experiment for Chromium only says it cannot
 * run, and grades nothing. In Chromium the same lesson is graded by Chromium's model: lesson-engine.spec.ts.
 */
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { findFirefox } from '../../engines/firefox/find-firefox.ts';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import { originMap } from '../../plan/origins.ts';
import { paced } from '../pace/machine-pace.ts';
import { expect, test } from './lab-fixture.ts';
import { shot } from './shots-folder.ts';

const lessons = loadLessonsFromDisk().en;
const preflight = lessons.find((l) => l.id === 'the-preflight')!;
const EXPERIMENT = 'preflight-custom-header-missing';
const REGION = `Experiment ${preflight.experiments.indexOf(EXPERIMENT) + 1}`;

/**
 * An element of the lesson's section named `region` (its aria-label), found through the page's shadow roots by
 * `selector` and, if given, the words of its own label or text, as a person finds it.
 */
async function inSection(page: Page, region: string, selector: string, words?: string): Promise<ElementHandle> {
  const found = await page.waitForFunction((name, css, text) => {
    const deep = (root: Document | ShadowRoot | Element): Element[] => [...root.querySelectorAll('*')]
      .flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
    const section = deep(document).find((el) => el.localName === 'section' && el.getAttribute('aria-label') === name);
    if (!section) return null;
    const named = (el: Element) => {
      if (text === null) return true;
      const label = el.id ? (el.getRootNode() as ShadowRoot).querySelector(`label[for="${el.id}"]`) : null;
      return (label?.textContent ?? el.textContent ?? '').trim().startsWith(text);
    };
    return deep(section).find((el) => el.matches(css) && named(el)) ?? null;
  }, {}, region, selector, words ?? null);
  return found as ElementHandle;
}

/** Text of what matches `selector` in the section, spaces collapsed ('' when absent). */
function textIn(page: Page, region: string, selector: string): Promise<string> {
  return page.evaluate((name, css) => {
    const deep = (root: Document | ShadowRoot | Element): Element[] => [...root.querySelectorAll('*')]
      .flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
    const section = deep(document).find((el) => el.localName === 'section' && el.getAttribute('aria-label') === name);
    return section ? deep(section).filter((el) => el.matches(css))
      .map((el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '').join(' | ') : '';
  }, region, selector);
}

/** The words that describe a radio (its aria-describedby), as a screen reader reads them after its name. */
function description(page: Page, radio: ElementHandle): Promise<string> {
  return page.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
    .map((id) => (el.getRootNode() as ShadowRoot).getElementById(id)?.textContent?.trim() ?? '').join(' '), radio);
}

async function open(page: Page, app: string, lesson: string): Promise<void> {
  await page.goto(`${app}/?lesson=${lesson}`);
  const status = await page.locator('pierce/[role="status"][aria-label="lab status"]').waitHandle();
  await page.waitForFunction((el) => el.textContent === 'ready', {}, status);
}

/** Answers the card by keyboard: blocked, the reason named, any yes/no with `no`; then runs it with Enter. */
async function answerBlocked(page: Page, region: string, reason: string, asks: readonly string[]): Promise<void> {
  await (await inSection(page, region, 'input[type="radio"]', 'Allowed:')).focus();
  await page.keyboard.press('ArrowDown'); // Blocked: the reasons appear
  await (await inSection(page, region, 'input[type="radio"]', reason)).focus();
  await page.keyboard.press(' ');
  for (const ask of asks) {
    await (await inSection(page, region, `fieldset.${ask} input[type="radio"]`, 'no')).focus();
    await page.keyboard.press(' ');
  }
  await (await inSection(page, region, 'button[type="submit"]')).focus();
  await page.keyboard.press('Enter');
}

let firefox: Browser;

test.beforeAll(async () => {
  firefox = await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true });
});

test.afterAll(async () => {
  await firefox?.close();
});

test('Firefox: a lesson\'s reason is graded by Firefox\'s model, and the card says where Firefox differs', async ({
  lab,
}) => {
  test.setTimeout(paced(120_000));
  const origins = originMap(lab.origins);
  const page = await firefox.newPage();
  page.setDefaultTimeout(paced(20_000));
  await page.setViewport({ width: 1200, height: 900 });
  await open(page, origins.app, preflight.id);
  await answerBlocked(page, REGION, 'HeaderDisallowedByPreflightResponse', []);
  await expect.poll(() => textIn(page, REGION, '[data-testid="lesson-result"] p[role="status"]'))
    .toBe('Your prediction was right.');
  const graded = await textIn(page, REGION, 'ul.graded li');
  expect(graded).toContain('Reason (the Firefox model’s: a browser does not tell the page why)');
  expect(graded).toContain('You said HeaderDisallowedByPreflightResponse; the answer: CORSMissingAllowHeaderFromPreflight.');
  expect(graded).not.toContain('not this time');
  const picked = await inSection(page, REGION, 'input[type="radio"]', 'HeaderDisallowedByPreflightResponse');
  expect(await description(page, picked)).toMatch(/✔ your pick, the answer$/);
  const other = await inSection(page, REGION, 'input[type="radio"]', 'MissingAllowOriginHeader');
  expect(await description(page, other)).not.toContain('✔');
  expect(await textIn(page, REGION, '[data-testid="engine-note"] p')).toBe(
    'ⓘ Graded by the Firefox model: here Firefox does not do what Chromium does.',
  );
  expect(await textIn(page, REGION, '[data-testid="engine-note"] li')).toBe(
    'reason: Firefox CORSMissingAllowHeaderFromPreflight, Chromium HeaderDisallowedByPreflightResponse',
  );
  // The learner's own console line is Firefox's, read from the run (engine lines).
  const card = await inSection(page, REGION, 'cors-lab-lesson-experiment');
  await shot(card, `lessonengine-firefox-light.png`);
  await page.setViewport({ width: 390, height: 900 });
  await shot(card, `lessonengine-firefox-phone.png`);
  await page.close();
});

test('Firefox: the fix-it, typed key by key, names Firefox\'s reason for a miss, then is fixed', async ({ lab }) => {
  test.setTimeout(paced(120_000));
  const origins = originMap(lab.origins);
  const page = await firefox.newPage();
  page.setDefaultTimeout(paced(20_000));
  await page.setViewport({ width: 1200, height: 900 });
  await open(page, origins.app, preflight.id);
  const actual = await inSection(page, 'Fix it', 'textarea#actual');
  // Half the fix: the actual answer's origin (the field starts empty), not yet the preflight's header.
  expect(await actual.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe('');
  await actual.focus();
  await page.keyboard.type('Access-Control-Allow-Origin: {page}');
  await (await inSection(page, 'Fix it', 'button#check')).click();
  const status = '[data-testid="fix-result"] p[role="status"]';
  await expect.poll(() => textIn(page, 'Fix it', status))
    .toContain('The Firefox model’s reason: CORSMissingAllowHeaderFromPreflight');
  expect(await textIn(page, 'Fix it', status)).toContain('Not yet: your browser says');
  const preflightHeaders = await inSection(page, 'Fix it', 'textarea#preflight');
  // One line there (the origin): End is its end.
  expect(await preflightHeaders.evaluate((el) => (el as HTMLTextAreaElement).value.split('\n').length)).toBe(1);
  await preflightHeaders.focus();
  await page.keyboard.press('End');
  await page.keyboard.type('\nAccess-Control-Allow-Headers: X-Custom');
  await (await inSection(page, 'Fix it', 'button#check')).click();
  await expect.poll(() => textIn(page, 'Fix it', status)).toBe('✔ Fixed: your browser allowed it.');
  await page.close();
});

test('Firefox: a lesson experiment for Chromium only says it cannot run, and grades nothing', async ({ lab }) => {
  test.setTimeout(paced(90_000));
  const origins = originMap(lab.origins);
  const lesson = lessons.find((l) => l.id === 'local-network-access')!;
  const page = await firefox.newPage();
  page.setDefaultTimeout(paced(20_000));
  await page.setViewport({ width: 1200, height: 900 });
  await open(page, origins.app, lesson.id);
  await answerBlocked(page, 'Experiment 1', 'LocalNetworkAccessPermissionDenied', ['reachedServer']);
  await expect.poll(() => textIn(page, 'Experiment 1', '[data-testid="cannot-run"]')).toBe(
    'This experiment applies to Chromium only: what Firefox does here is not modelled, so no verdict. '
    + 'Your prediction is not graded.',
  );
  expect(await textIn(page, 'Experiment 1', 'ul.graded')).toBe('');
  const picked = await inSection(page, 'Experiment 1', 'input[type="radio"]', 'LocalNetworkAccessPermissionDenied');
  expect(await description(page, picked)).not.toMatch(/✔|✖/);
  // Focus lands on what answers the learner: the alert.
  expect(await page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('data-testid');
  })).toBe('cannot-run');
  const card = await inSection(page, 'Experiment 1', 'cors-lab-lesson-experiment');
  await shot(card, `lessonengine-firefox-cannot-run.png`);
  await page.close();
});

test('Firefox, dark: the lesson card graded by Firefox\'s model', async ({ lab }) => {
  test.setTimeout(paced(120_000));
  const origins = originMap(lab.origins);
  // BiDi cannot emulate the colour scheme here, so a Firefox whose content prefers dark.
  const dark = await puppeteer.launch({
    browser: 'firefox', executablePath: findFirefox(), headless: true,
    extraPrefsFirefox: { 'layout.css.prefers-color-scheme.content-override': 0 },
  });
  try {
    const page = await dark.newPage();
    page.setDefaultTimeout(paced(20_000));
    await page.setViewport({ width: 1200, height: 900 });
    await open(page, origins.app, preflight.id);
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await answerBlocked(page, REGION, 'MissingAllowOriginHeader', []);
    await expect.poll(() => textIn(page, REGION, '[data-testid="lesson-result"] p[role="status"]'))
      .toBe('Part of your prediction was off: the diagram and the explanation show why.');
    expect(await textIn(page, REGION, 'ul.graded li')).toContain(
      'You said MissingAllowOriginHeader; the answer: CORSMissingAllowHeaderFromPreflight.',
    );
    const right = await inSection(page, REGION, 'input[type="radio"]', 'HeaderDisallowedByPreflightResponse');
    expect(await description(page, right)).toMatch(/✔ the answer$/);
    const card = await inSection(page, REGION, 'cors-lab-lesson-experiment');
    await shot(card, `lessonengine-firefox-dark.png`);
  } finally {
    await dark.close();
  }
});
