/**
 * The last waits that used to turn a late event into an answer, each held past its old bound:
 * - a noopener popup in the playground whose request reaches its server after the old 10 s bound still reads
 *   "reached" (the driver waits on the journal's long-poll, client/lab/frames-driver.ts);
 * - a popup in the headless runner that does not load within the step limit reads "no answer: the step limit",
 *   not "not reached" (runner/chromium-tab.ts);
 * - a CDP event that never comes leaves the reason "unreported" (and counted), never a null that reads as
 *   "no reason" (runner/cdp-watch.ts).
 */
import type { Browser, BrowserContext, Request, Route } from 'playwright-core';
import { catalog } from '../../experiments/catalog/index.ts';
import { experimentUrl } from '../../experiments/model/predict.ts';
import type { Experiment } from '../../format/schema.ts';
import { validateExperiments } from '../../format/validate.ts';
import { runStep } from '../../engines/run-steps.ts';
import { STEP_LIMIT_MESSAGE, STEP_TIMEOUT_MS } from '../../engines/step-limit.ts';
import { experimentSteps, stepRequest } from '../../engines/steps.ts';
import { originMap } from '../../plan/origins.ts';
import { runnerUrl } from '../../plan/page-origin.ts';
import { PLAN_PREFIX } from '../../plan/routes.ts';
import { ANSWER_DEADLINE_MS } from '../../runner/cdp-watch.ts';
import { ChromiumTab } from '../../runner/chromium-tab.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { expect, test } from './lab-fixture.ts';
import { runInPlayground } from './run-in-playground.ts';

const byId = (id: string): Experiment => {
  const experiment = catalog.find((e) => e.id === id);
  if (!experiment) throw new Error(`no catalog experiment ${id}`);
  return experiment;
};

function topLevel(request: Request): boolean {
  try {
    return request.frame().parentFrame() === null;
  } catch {
    return true;
  }
}

/** Holds each popup document request of a run `heldMs` before it goes on, noting its path in `held`. */
function holdingPopups(held: string[], heldMs: number): (route: Route) => Promise<void> {
  return async (route) => {
    const request = route.request();
    // A popup's own document: a top-level navigation to a planned URL (the runner pages and the playground load
    // theirs from other paths; frames are not top-level). A new window's first request comes before its frame.
    const popup = request.isNavigationRequest() && topLevel(request);
    if (popup) {
      held.push(new URL(request.url()).pathname);
      await new Promise((resolve) => setTimeout(resolve, heldMs));
    }
    await route.continue().catch(() => undefined);
  };
}

test.describe('a noopener popup in the playground, its request later than the old 10 s bound', () => {
  test.describe.configure({ timeout: 120_000 });

  test('postmessage-popup-noopener, held 12 s: reached, and the verdict passes', async ({ lab, page }) => {
    const held: string[] = [];
    await page.context().route(`**${PLAN_PREFIX}**`, holdingPopups(held, 12_000));
    const row = await runInPlayground(page, originMap(lab.origins).app, 'postmessage-popup-noopener');
    await expect(row.getByTestId('pass-fail')).toHaveText('✔ pass', { timeout: 60_000 });
    await expect(row).not.toContainText('disagree');
    // The hold really delayed the popup's request (the test would prove nothing otherwise).
    expect(held.length).toBeGreaterThan(0);
  });
});

/** `browser`, whose contexts hold each popup's document `heldMs` (holdingPopups). */
function holdingBrowser(browser: Browser, held: string[], heldMs: number): Browser {
  const newContext = async (): Promise<BrowserContext> => {
    const context = await browser.newContext();
    await context.route(`**${PLAN_PREFIX}**`, holdingPopups(held, heldMs));
    return context;
  };
  return new Proxy(browser, {
    get: (target, name) => (name === 'newContext' ? newContext : Reflect.get(target, name, target)),
  });
}

test.describe('a popup in the headless runner that does not load within the step limit', () => {
  test.describe.configure({ timeout: 180_000 });

  test(`postmessage-popup-noopener, held past ${STEP_TIMEOUT_MS / 1000} s: "no answer", not "not reached"`, async ({
    lab, labBrowser,
  }) => {
    const held: string[] = [];
    const experiments = validateExperiments([byId('postmessage-popup-noopener')], 'late-events.spec.ts');
    const browser = holdingBrowser(labBrowser, held, STEP_TIMEOUT_MS + 5_000);
    const report = await runExperiments(experiments, lab, browser, { browserKnowsPublic: true });
    const [result] = report.results;
    expect(held.length).toBeGreaterThan(0);
    expect(result?.pass).toBe(false);
    // The page answered at once (noopener: no handle to wait on); the popup's load is what never came.
    expect(result?.observed).toMatchObject({ outcome: 'blocked', pageError: STEP_LIMIT_MESSAGE });
  });
});

test.describe('a CDP event that never comes', () => {
  test.describe.configure({ timeout: 120_000 });

  test('the reason is reported as unreported and counted, not as "no reason"', async ({ lab, labBrowser }) => {
    const origins = originMap(lab.origins);
    const experiment = byId('simple-get-no-acao');
    const run = lab.newRunId();
    const context = await labBrowser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(runnerUrl('app', origins), { waitUntil: 'domcontentloaded' });
      // The watch listens to another page's DevTools session: the step's network events never reach it.
      const elsewhere = await context.newPage();
      const tab = await ChromiumTab.loaded(page, page, { target: elsewhere });
      const [step] = experimentSteps(experiment);
      if (!step) throw new Error('no step');
      const started = performance.now();
      const request = stepRequest(step, experimentUrl(experiment, origins, run));
      const done = await runStep(tab, request, `${PLAN_PREFIX}${run}/`);
      expect(done.seen.outcome).toBe('blocked');
      expect(done.verdict.reason).toBeNull();
      expect(done.verdict.unreported).toEqual(['reason']);
      expect(tab.watch.boundsReached).toBe(1);
      // The bound was what ended the wait (a lost event), not an event.
      expect(performance.now() - started).toBeGreaterThanOrEqual(ANSWER_DEADLINE_MS);
    } finally {
      await context.close();
    }
  });

  test('a step whose events all come reports nothing unreported', async ({ lab, labBrowser }) => {
    const origins = originMap(lab.origins);
    const experiment = byId('simple-get-no-acao');
    const run = lab.newRunId();
    const context = await labBrowser.newContext();
    try {
      const tab = await ChromiumTab.open(await context.newPage(), runnerUrl('app', origins));
      const [step] = experimentSteps(experiment);
      if (!step) throw new Error('no step');
      const request = stepRequest(step, experimentUrl(experiment, origins, run));
      const done = await runStep(tab, request, `${PLAN_PREFIX}${run}/`);
      expect(done.verdict.reason).toBe('MissingAllowOriginHeader');
      expect(done.verdict.unreported).toBeUndefined();
      expect(tab.watch.boundsReached).toBe(0);
    } finally {
      await context.close();
    }
  });
});
