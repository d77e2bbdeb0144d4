/**
 * The learner's own engine in real Firefox: Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core
 * (as engines/firefox/ drives it; Playwright cannot drive a stock Firefox), opens the playground of a lab started
 * here, runs a blocked experiment from the UI, and the page marks Firefox's line as the learner's: the line the
 * Firefox model predicts for the run (the model `cors-lab run --browser firefox` holds to Firefox over the whole
 * catalog), which is the line this Firefox printed; Chromium's and WebKit's beside it.
 */
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalog } from '../../experiments/catalog/index.ts';
import { experimentUrl } from '../../experiments/model/predict.ts';
import { findFirefox } from '../../engines/firefox/find-firefox.ts';
import { readFirefoxConsole } from '../../experiments/firefox-reasons.ts';
import { originMap } from '../../plan/origins.ts';
import { ENGINE_MODELS } from '../../runner/engine-models.ts';
import { paced } from '../pace/machine-pace.ts';
import { expect, test } from './lab-fixture.ts';

const NOTES_SHOTS = '/work/notes/shots/';
const SHOTS = existsSync(NOTES_SHOTS) ? NOTES_SHOTS : fileURLToPath(new URL('../../tmp/', import.meta.url));
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
  await lines?.screenshot({ path: `${SHOTS}engineui-firefox.png` });
  await page.close();
});
