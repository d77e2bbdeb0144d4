/**
 * The lessons beyond fetch (issue 19: elements, isolation, ...) as a learner takes them in their own
 * Chromium: every experiment predicted with the catalog's expected outcome (and reason), run in the
 * page, and graded right, so the playground's element loads and verdicts agree with the lesson. Page
 * headers (COOP, COEP) cannot act in the playground's framed page: there the lesson says so and grades
 * against Chromium's top-level answer. Then the fix-it typed key by key and fixed in the browser.
 * (The runner's side is catalog.spec.ts, with lesson-claims.ts, and lesson-fixes.spec.ts.)
 */
import type { Locator, Page } from '@playwright/test';
import { browserAssumptions } from '../../client/lab/browser-assumptions.ts';
import { usesSecureOrigin } from '../../client/lab/secure-trust.ts';
import { catalog } from '../../experiments/catalog/index.ts';
import type { Expectation } from '../../format/schema.ts';
import { loadLessonsFromDisk } from '../../lessons/load-from-disk.ts';
import type { Lesson } from '../../lessons/schema.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

/** The first lesson beyond fetch: the ones before it teach CORS for fetch and XHR. */
const FIRST_BEYOND_FETCH = 14;
const lessons = loadLessonsFromDisk().en.filter((lesson) => lesson.order >= FIRST_BEYOND_FETCH);

/** The yes/no questions by the legend the lesson page shows them under. */
const ASKED = {
  preflight: 'Does the browser send a preflight first?',
  reachedServer: 'Does the request itself reach the server?',
  cookieSent: 'Does the request carry the cookie?',
} as const;

/**
 * Picks the catalog's expected outcome and reason, and for each yes/no question the expected answer
 * ("yes" where the catalog does not say): graded where the browser cannot run it and the model answers.
 */
async function predict(card: Locator, expected: Expectation, asked: ReadonlyArray<keyof typeof ASKED>): Promise<void> {
  const { outcome, reason } = expected;
  await card.getByRole('radio', { name: new RegExp(`^${String(outcome)}:`, 'i') }).check();
  if (outcome === 'blocked' && reason) await card.getByRole('radio', { name: reason, exact: true }).check();
  for (const question of asked) {
    const answer = expected[question] ?? true;
    const group = card.getByRole('group', { name: ASKED[question] });
    await group.getByRole('radio', { name: answer ? 'yes' : 'no', exact: true }).check();
  }
}

/** A lesson with experiments on the https origin needs a browser that trusts the lab's CA, as a learner's must. */
const needsSecure = (lesson: Lesson): boolean =>
  [...lesson.experiments, lesson.fixIt.experiment].some((id) => {
    const experiment = catalog.find((e) => e.id === id);
    return experiment !== undefined && usesSecureOrigin(experiment);
  });

test('there are lessons beyond fetch', () => {
  const ids = [
    'embedding', 'isolation', 'cors-is-not-authorization', 'frames-and-postmessage', 'https-and-mixed-content',
  ];
  expect(lessons.map((lesson) => lesson.id)).toEqual(expect.arrayContaining(ids));
});

for (const lesson of lessons) {
  const title = `${lesson.file}: each experiment runs in the learner's browser as the catalog expects, `
    + 'and the fix-it typed in fixes it';
  test(title, async ({ lab, page: untrusting, labBrowser }) => {
    test.setTimeout(test.info().timeout * 3);
    // Playwright's own page does not trust the lab's CA; the lab's Chromium trusts its key hash as `cors-lab run` does.
    const page: Page = needsSecure(lesson) ? await labBrowser.newPage() : untrusting;
    await page.goto(`${originMap(lab.origins).app}/?lesson=${lesson.id}`);
    await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
    for (const [i, id] of lesson.experiments.entries()) {
      const experiment = catalog.find((e) => e.id === id);
      // The step the lesson asks about: 0 the request, 1 its first `then` step (an attacker's page acting).
      const step = lesson.predict[id]?.step ?? 0;
      const expected = step === 0 ? experiment?.expect : experiment?.then?.[step - 1]?.expect;
      expect(expected?.outcome, `${id} expects an outcome`).toBeDefined();
      if (!experiment || !expected?.outcome) continue;
      const card = page.getByRole('region', { name: `Experiment ${i + 1}` });
      // The setup names the element (not a fetch) and the page's own headers the verdict depends on.
      const asks = card.locator('pre').first();
      await expect(asks).toContainText(`: ${experiment.request.api ?? 'fetch'} `);
      for (const [name, value] of Object.entries(experiment.pageHeaders ?? {})) await expect(asks).toContainText(`${name}: ${value}`);
      await predict(card, expected, lesson.predict[id]?.ask ?? []);
      await card.getByRole('button', { name: 'Run in my browser' }).click();
      const result = card.getByTestId('lesson-result');
      if (browserAssumptions(experiment).unverifiable) {
        await expect(card.getByTestId('caveat'), id).toContainText('Your answer is compared with what Chromium does there');
        await expect(result, id).toContainText('Your prediction was right.');
      } else {
        await expect(card.getByTestId('caveat'), id).toHaveCount(0);
        await expect(result.getByRole('heading', { name: /What your browser did/ }), id).toContainText(expected.outcome);
      }
      await expect(card.getByRole('radio', { name: new RegExp(`^${expected.outcome}:`, 'i') }), id).toHaveAccessibleDescription(/the answer/);
    }
    const fix = page.getByRole('region', { name: 'Fix it' });
    await expect(fix).toContainText(lesson.fixIt.goal);
    // The learner rewrites the answer: the solution's headers replace those of the same name, null removes one.
    const edits = Object.entries(lesson.fixIt.solution.actual ?? {});
    const actual = fix.getByLabel('Actual response headers');
    const kept = (await actual.inputValue()).split('\n').filter((line) => {
      const name = line.split(':')[0]?.trim().toLowerCase();
      return line.trim() !== '' && !edits.some(([edited]) => edited.toLowerCase() === name);
    });
    const added = edits.flatMap(([name, value]) => (value === null ? [] : [`${name}: ${String(value)}`]));
    await actual.fill('');
    await actual.pressSequentially([...kept, ...added].join('\n'));
    await fix.getByRole('button', { name: 'Check my fix' }).click();
    await expect(fix.getByTestId('fix-result').getByRole('status')).toHaveText('✔ Fixed: your browser allowed it.');
    await expect(fix.getByTestId('learned')).toHaveText(`What to take away: ${lesson.fixIt.learned}`);
    if (page !== untrusting) await page.close();
  });
}

const UNTRUSTED = 'a browser that does not trust the lab CA: the https lesson says it cannot run there, '
  + 'never a verdict or "Fixed"';
test(UNTRUSTED, async ({ lab, page }) => {
  const lesson = lessons.find(needsSecure);
  expect(lesson, 'a lesson uses the https origin').toBeDefined();
  if (!lesson) return;
  await page.goto(`${originMap(lab.origins).app}/?lesson=${lesson.id}`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  const index = lesson.experiments.findIndex((id) => usesSecureOrigin(catalog.find((e) => e.id === id)!));
  const id = lesson.experiments[index]!;
  const expected = catalog.find((e) => e.id === id)!.expect!;
  const card = page.getByRole('region', { name: `Experiment ${index + 1}` });
  await predict(card, expected, lesson.predict[id]?.ask ?? []);
  await card.getByRole('button', { name: 'Run in my browser' }).click();
  await expect(card.getByTestId('cannot-run')).toContainText("your browser does not trust the lab's certificate");
  await expect(card.getByTestId('cannot-run')).toContainText('cors-lab ca');
  await expect(card.getByTestId('lesson-result')).toHaveCount(0);
  await expect(card).not.toContainText('Your prediction was right.');
  const fix = page.getByRole('region', { name: 'Fix it' });
  const actual = fix.getByLabel('Actual response headers');
  await actual.fill('');
  await actual.pressSequentially('Access-Control-Allow-Origin: {page}');
  await fix.getByRole('button', { name: 'Check my fix' }).click();
  await expect(fix.getByTestId('cannot-run')).toContainText("your browser does not trust the lab's certificate");
  await expect(fix).not.toContainText('Fixed');
});
