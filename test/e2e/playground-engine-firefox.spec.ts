/**
 * The learner's own engine in real Firefox: Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core
 * (as engines/firefox/ drives it; Playwright cannot drive a stock Firefox), opens the playground of a lab started
 * here, runs a blocked experiment from the UI, and the page marks Firefox's line as the learner's: the line the
 * Firefox model predicts for the run (the model `cors-lab run --browser firefox` holds to Firefox over the whole
 * catalog), which is the line this Firefox printed; Chromium's and WebKit's beside it. The log row is judged by
 * the Firefox model where the engines differ, and an experiment for Chromium only says so (client/lab/engine-judge.ts).
 */
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { catalog } from '../../experiments/catalog/index.ts';
import type { Experiment } from '../../format/schema.ts';
import { experimentUrl } from '../../experiments/model/predict.ts';
import { findFirefox } from '../../engines/firefox/find-firefox.ts';
import { readFirefoxConsole } from '../../format/firefox-reasons.ts';
import { originMap } from '../../plan/origins.ts';
import { ENGINE_MODELS } from '../../runner/engine-models.ts';
import { paced } from '../pace/machine-pace.ts';
import { expect, test } from './lab-fixture.ts';
import { shot } from './shots-folder.ts';

const NO_ALLOW_ORIGIN = catalog.find((e) => e.id === 'simple-get-no-acao')!;

/** What the comparison shows, read in the page: each part's text, console lines with their URLs in full. */
interface Shown {
  own: { label: string; text: string; reason: string; line: string } | null;
  others: Array<{ text: string; line: string }>;
}

/** Reads the comparison of the log row of `run` (shadow roots are the page's own: a person sees them). */
function readComparison(page: Page, run: string): Promise<Shown | null> {
  return page.evaluate((runId) => {
    const deep = (root: Document | ShadowRoot, selector: string): Element[] => [
      ...root.querySelectorAll(selector),
      ...[...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? deep(el.shadowRoot, selector) : [])),
    ];
    const row = deep(document, `li[data-run="${runId}"]`)[0];
    const lines = row && deep(row.getRootNode() as ShadowRoot, 'cors-lab-engine-lines')
      .find((el) => row.contains(el))?.shadowRoot;
    if (!lines?.querySelector('section')) return null;
    const lineOf = (el: Element | null) => [...(el?.querySelector('.console')?.childNodes ?? [])]
      .map((n) => {
        if (n.nodeName === 'CORS-LAB-URL') return (n as unknown as { url: string }).url;
        return n.nodeType === Node.TEXT_NODE ? n.textContent : '';
      })
      .join('');
    const own = lines.querySelector('[role="group"]');
    return {
      own: own
        ? {
            label: own.getAttribute('aria-label') ?? '',
            text: own.textContent ?? '',
            reason: own.querySelector('code')?.textContent ?? '',
            line: lineOf(own),
          }
        : null,
      others: [...lines.querySelectorAll('li')].map((li) => ({ text: li.textContent ?? '', line: lineOf(li) })),
    };
  }, run);
}

/** The button a person finds by these words (its aria-label, or text that starts so), in the page's shadow roots. */
async function button(page: Page, name: string): Promise<ElementHandle> {
  const found = await page.waitForFunction((words) => {
    const deep = (root: Document | ShadowRoot): Element[] => [...root.querySelectorAll('*')]
      .flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
    return deep(document).find((el) => el.localName === 'button'
      && (el.getAttribute('aria-label') === words || el.textContent?.trim().startsWith(words))) ?? null;
  }, {}, name);
  return found as ElementHandle;
}

let firefox: Browser;

test.beforeAll(async () => {
  firefox = await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true });
});

test.afterAll(async () => {
  await firefox?.close();
});

const TITLE = "Firefox: the playground marks Firefox's line, the one this Firefox printed, as the learner's";
test(TITLE, async ({ lab }) => {
  test.setTimeout(paced(90_000));
  const origins = originMap(lab.origins);
  const page = await firefox.newPage();
  // Firefox's CORS lines come as errors of the page's frames (engines/firefox/firefox-browser.ts).
  const printed: string[] = [];
  page.on('pageerror', (error) => printed.push(error instanceof Error ? error.message : String(error)));
  page.setDefaultTimeout(paced(20_000));
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(`${origins.app}/`);
  // Puppeteer's ARIA queries do not answer over BiDi in this Firefox: elements by their role attribute and words.
  const status = await page.locator('pierce/[role="status"][aria-label="lab status"]').waitHandle();
  await page.waitForFunction((el) => el.textContent === 'ready', {}, status);
  await (await button(page, NO_ALLOW_ORIGIN.title)).click();
  await (await button(page, 'Run this experiment')).click();
  const row = await page.locator(`pierce/li[data-testid="log-row"][data-id="${NO_ALLOW_ORIGIN.id}"]`).waitHandle();
  await (await row.$('summary'))?.click();
  const run = await row.evaluate((el) => el.getAttribute('data-run') ?? '');
  expect(run).not.toBe('');

  let shown: Shown | null = null;
  await expect.poll(async () => (shown = await readComparison(page, run))?.own?.label).toBe('Firefox, your browser');
  const seen = shown as unknown as Shown;
  const experiment = NO_ALLOW_ORIGIN;
  const [predicted] = await ENGINE_MODELS.firefox!(experiment, origins, run, experimentUrl(experiment, origins, run));
  expect(predicted?.reason).toBe('CORSMissingAllowOrigin');
  expect(seen.own?.text).toContain('What your browser (Firefox) prints in its console');
  expect(seen.own?.reason).toBe(predicted?.reason);
  expect(seen.own?.line).toBe(predicted?.console);
  // The real line: this Firefox printed exactly the line the page shows as the learner's.
  const runLines = () => printed.filter((line) => readFirefoxConsole(line)?.url.includes(run));
  await expect.poll(runLines).toEqual([seen.own?.line]);
  expect(seen.others.map((o) => o.text.trim().split(/\s/)[0])).toEqual(['Chromium', 'WebKit']);
  expect(seen.others[0]?.line).toContain('has been blocked by CORS policy');
  expect(seen.others[1]?.line).toMatch(/^Origin .+ is not allowed by Access-Control-Allow-Origin/);

  const lines = await page.$('pierce/section[aria-label="Console lines by engine"]');
  await shot(lines, `engineui-firefox.png`);
  await page.close();
});

/** What a log row says, read in the page: the verdict, the summary line, the judging model's line and any note. */
function readRow(page: Page, id: string): Promise<{ verdict: string; summary: string; judged: string; note: string }> {
  return page.evaluate((experimentId) => {
    const deep = (root: Document | ShadowRoot, selector: string): Element[] => [
      ...root.querySelectorAll(selector),
      ...[...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? deep(el.shadowRoot, selector) : [])),
    ];
    const row = deep(document, `li[data-testid="log-row"][data-id="${experimentId}"]`)[0];
    const text = (selector: string) => row?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return {
      verdict: text('[data-testid="pass-fail"]'),
      summary: text('summary'),
      judged: text('[data-testid="judged-by"]'),
      note: text('[role="note"]'),
    };
  }, id);
}

/** Runs a catalog experiment from the playground as a learner does; its row opened. */
async function runFromPlayground(page: Page, app: string, experiment: Experiment): Promise<void> {
  await page.goto(`${app}/`);
  const status = await page.locator('pierce/[role="status"][aria-label="lab status"]').waitHandle();
  await page.waitForFunction((el) => el.textContent === 'ready', {}, status);
  await (await button(page, experiment.title)).click();
  await (await button(page, 'Run this experiment')).click();
  const row = await page.locator(`pierce/li[data-testid="log-row"][data-id="${experiment.id}"]`).waitHandle();
  await (await row.$('summary'))?.click();
}

/**
 * Where Firefox's model differs from Chromium's, the row is judged by Firefox's: an empty Location (Firefox
 * follows it to the redirect limit: blocked, where Chromium reads the 302) and two Access-Control-Allow-Origin
 * lines (blocked in both, under another name) pass, each showing Firefox's reason with Chromium's beside it.
 * The same two pass in Chromium, judged by Chromium's model: playground-engine-judge.spec.ts.
 */
const JUDGED = [
  { id: 'redirect-empty-location', firefox: 'CORSDidNotSucceed', chromium: '✔ allowed' },
  {
    id: 'simple-get-two-acao-lines',
    firefox: 'CORSMultipleAllowOriginNotAllowed',
    chromium: 'MultipleAllowOriginValues',
  },
] as const;

test('Firefox: a row where the engines differ is judged by Firefox\'s model, with Chromium\'s', async ({ lab }) => {
  test.setTimeout(paced(180_000));
  const origins = originMap(lab.origins);
  const page = await firefox.newPage();
  page.setDefaultTimeout(paced(20_000));
  await page.setViewport({ width: 1200, height: 900 });
  for (const { id, firefox: firefoxReason, chromium } of JUDGED) {
    const experiment = catalog.find((e) => e.id === id)!;
    await runFromPlayground(page, origins.app, experiment);
    let row = await readRow(page, id);
    await expect.poll(async () => (row = await readRow(page, id)).verdict).toBe('✔ pass');
    expect(row.summary).toContain(`predicted by the Firefox model ${firefoxReason}`);
    expect(row.summary).toContain(`Chromium ${chromium}`);
    expect(row.judged).toBe(`Judged by the Firefox model. Chromium's model: ${chromium}`);
  }
  const shown = `pierce/li[data-testid="log-row"][data-id="${JUDGED[1].id}"]`;
  const rowHandle = async () => page.locator(shown).waitHandle();
  await shot((await rowHandle()), `enginerow-firefox-light.png`);
  await page.setViewport({ width: 390, height: 900 });
  await shot((await rowHandle()), `enginerow-firefox-phone.png`);
  await page.close();
  // Dark: BiDi cannot emulate the colour scheme here, so a Firefox whose content prefers dark.
  const dark = await puppeteer.launch({
    browser: 'firefox', executablePath: findFirefox(), headless: true,
    extraPrefsFirefox: { 'layout.css.prefers-color-scheme.content-override': 0 },
  });
  try {
    const darkPage = await dark.newPage();
    darkPage.setDefaultTimeout(paced(20_000));
    await darkPage.setViewport({ width: 1200, height: 900 });
    await runFromPlayground(darkPage, origins.app, catalog.find((e) => e.id === JUDGED[1].id)!);
    await expect.poll(async () => (await readRow(darkPage, JUDGED[1].id)).verdict).toBe('✔ pass');
    expect(await darkPage.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await shot((await darkPage.locator(shown).waitHandle()), `enginerow-firefox-dark.png`);
  } finally {
    await dark.close();
  }
});

test('Firefox: an experiment for Chromium only says so instead of running to a false fail', async ({ lab }) => {
  test.setTimeout(paced(90_000));
  const origins = originMap(lab.origins);
  const page = await firefox.newPage();
  page.setDefaultTimeout(paced(20_000));
  const experiment = catalog.find((e) => e.group === 'local-network-access' && e.engines?.join() === 'chromium')!;
  await runFromPlayground(page, origins.app, experiment);
  let row = await readRow(page, experiment.id);
  await expect.poll(async () => (row = await readRow(page, experiment.id)).note).toBe(
    'This experiment applies to Chromium only: what Firefox does here is not modelled, so no verdict.',
  );
  expect(row.summary).toContain('cannot run here');
  expect(row.verdict).toBe('');
  await page.close();
});
