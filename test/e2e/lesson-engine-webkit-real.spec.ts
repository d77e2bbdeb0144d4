/**
 * A lesson in real WebKit: WebKitGTK driven over classic WebDriver (webkit-page-driver.ts), the page detecting its
 * engine by itself (navigator.vendor), as a Safari learner's would. Lesson 7's second experiment (a mismatched
 * Access-Control-Allow-Origin after a redirect), answered "missing", is right in WebKit's words, and the card says
 * that WebKit's one sentence makes both choices right; its fix-it, typed key by key, names WebKit's reason and the
 * sentence WebKit prints for a miss, then passes once fixed, by WebKit's own verdict. The same lesson with the
 * engine forced to WebKit in Chromium, with screenshots: lesson-engine-webkit.spec.ts.
 */
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import { originMap } from '../../plan/origins.ts';
import { paced } from '../pace/machine-pace.ts';
import { expect, test } from './lab-fixture.ts';
import { WebKitPage } from './webkit-page-driver.ts';

const redirects = loadLessonsFromDisk().en.find((l) => l.id === 'redirects')!;
const REGION = `Experiment ${redirects.experiments.indexOf('redirect-cross-origin-page-origin-fails') + 1}`;
const RADIO = 'input[type="radio"]';
const FIX = 'Fix it';
/** What WebKit prints for the redirected request: the Origin after a cross-origin redirect is null. */
const SENTENCE = 'Origin null is not allowed by Access-Control-Allow-Origin. Status code: 200';

test('WebKit (WebKitGTK): a lesson graded in WebKit\'s sentences, and its fix-it typed key by key', async ({ lab }) => {
  test.setTimeout(paced(180_000));
  const page = await WebKitPage.open(`${originMap(lab.origins).app}/?lesson=${redirects.id}`);
  try {
    await page.waitForLab();
    await page.click(REGION, RADIO, 'Blocked:');
    await page.click(REGION, RADIO, 'MissingAllowOriginHeader');
    await page.click(REGION, 'button[type="submit"]', 'Run in my browser');
    const verdict = '[data-testid="lesson-result"] p[role="status"]';
    expect(await page.textWhen(REGION, verdict, (text) => text !== '')).toBe('Your prediction was right.');
    const graded = await page.text(REGION, 'ul.graded li');
    expect(graded).toContain('Reason (the WebKit model’s: a browser does not tell the page why)');
    expect(graded).toContain('You said MissingAllowOriginHeader; the answer: WebKitAllowOriginNotAllowed.');
    expect(graded).not.toContain('not this time');
    expect(await page.text(REGION, '[data-testid="same-words"]')).toBe(
      'WebKit prints the same sentence for each of these checks, so each is right: AllowOriginMismatch, '
      + 'MissingAllowOriginHeader',
    );
    // The engine this WebKit detected is WebKit: its own line is WebKit's sentence.
    const own = '[role="group"][aria-label="WebKit, your browser"]';
    expect(await page.textWhen(REGION, own, (text) => text !== ''))
      .toContain(SENTENCE);

    const result = '[data-testid="fix-result"]';
    await page.type(FIX, 'textarea', 'Actual response headers', 'Access-Control-Allow-Origin: {page}');
    await page.click(FIX, 'button', 'Check my fix');
    const miss = await page.textWhen(FIX, result, (text) => text !== '');
    expect(miss).toContain('The WebKit model’s reason: WebKitAllowOriginNotAllowed');
    expect(miss).toContain(`WebKit prints: ${SENTENCE}`);
    await page.type(FIX, 'textarea', 'Actual response headers', 'Access-Control-Allow-Origin: *');
    await page.click(FIX, 'button', 'Check my fix');
    // The miss's verdict stays until this attempt's replaces it: wait for a verdict that is not a miss.
    const verdictOf = (text: string) => text !== '' && !text.startsWith('Not yet');
    const fixed = await page.textWhen(FIX, `${result} p[role="status"]`, verdictOf);
    expect(fixed).toBe('✔ Fixed: your browser allowed it.');
  } finally {
    await page.close();
  }
});
