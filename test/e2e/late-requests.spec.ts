/**
 * A form or a beacon whose request reaches the server late (held 7 s on its way, longer than the 5 s the runner
 * page used to give it) still gets its right verdict: the step ends on the event that ends the request (the
 * popup's commit, the journal's word on a 204, the beacon's resource timing entry), never on a clock. With the
 * old budget the page gave up first and the journal read "not received". And a form or beacon the page's CSP
 * refuses says so at once (blocked, nothing sent), instead of waiting out a budget.
 */
import type { Browser, BrowserContext, Route } from 'playwright-core';
import { catalog } from '../../experiments/catalog/index.ts';
import type { ExperimentInput } from '../../format/schema.ts';
import { validateExperiments } from '../../format/validate.ts';
import { originMap } from '../../plan/origins.ts';
import { PLAN_PREFIX } from '../../plan/routes.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { expect, test } from './lab-fixture.ts';
import { runInPlayground } from './run-in-playground.ts';

/** Longer than the old 5 s budget, shorter than the runner's step limit (engines/step-limit.ts). */
const HELD_MS = 7_000;

/** Resource types of the requests a form or a beacon sends (Playwright's names). */
const SENT_BY = new Set(['document', 'ping', 'beacon', 'other']);

/** Holds each form and beacon request `HELD_MS` before it goes on, noting it in `held`. */
function holding(held: string[]): (route: Route) => Promise<void> {
  return async (route) => {
    const request = route.request();
    if (request.method() === 'POST' && SENT_BY.has(request.resourceType())) {
      held.push(`${request.resourceType()} ${new URL(request.url()).pathname.split('/').at(-1)}`);
      await new Promise((resolve) => setTimeout(resolve, HELD_MS));
    }
    await route.continue().catch(() => undefined);
  };
}

/** `browser`, whose contexts hold each form and beacon request of a run (holding). */
function holdingBrowser(browser: Browser, held: string[]): Browser {
  const newContext = async (): Promise<BrowserContext> => {
    const context = await browser.newContext();
    await context.route(`**${PLAN_PREFIX}**`, holding(held));
    return context;
  };
  return new Proxy(browser, {
    get: (target, name) => (name === 'newContext' ? newContext : Reflect.get(target, name, target)),
  });
}

const byId = (id: string): ExperimentInput => catalog.find((e) => e.id === id)!;

const FORM_204: ExperimentInput = {
  id: 'late-form-204',
  title: 'A page on evil.localhost posts a form to api, which answers 204 (no document to commit)',
  group: 'csrf',
  engines: ['chromium'],
  page: 'evil',
  request: { api: 'form', target: 'api', method: 'POST', path: '/transfer', body: 'to=evil&amount=1' },
  server: { actual: { status: 204 } },
  expect: {
    outcome: 'opaque', reason: null, reachedServer: true, preflight: false, serverStatus: 204, originSeen: '{page}',
  },
};

test.describe('a late form or beacon keeps its verdict', () => {
  test.describe.configure({ timeout: 120_000 });

  // No preflighted beacon: Playwright answers preflights itself for a context with routes.
  const late = ['csrf-form-post-reaches-api', 'beacon-text-no-preflight', 'beacon-cross-site-lax-cookie'];
  for (const id of [...late, FORM_204.id]) {
    test(`${id}, its request held ${HELD_MS / 1000} s on the way`, async ({ lab, labBrowser }) => {
      const held: string[] = [];
      const experiment = id === FORM_204.id ? FORM_204 : byId(id);
      const experiments = validateExperiments([experiment], 'late-requests.spec.ts');
      const browser = holdingBrowser(labBrowser, held);
      const report = await runExperiments(experiments, lab, browser, { browserKnowsPublic: true });
      const [result] = report.results;
      // The hold really delayed the form's or the beacon's request (the test would prove nothing otherwise).
      expect(held.length).toBeGreaterThan(0);
      expect(result?.mismatches).toEqual([]);
      expect(result?.pass).toBe(true);
      const last = result?.steps.at(-1)?.observed ?? result?.observed;
      expect(last).toMatchObject({ reachedServer: true, outcome: 'opaque' });
    });
  }
});

test.describe('in the playground (no DevTools Protocol to wait on), a late form or beacon keeps its verdict', () => {
  test.describe.configure({ timeout: 120_000 });

  for (const id of ['csrf-form-post-samesite-lax', 'beacon-text-no-preflight']) {
    test(`${id}, its request held ${HELD_MS / 1000} s on the way`, async ({ lab, page }) => {
      const held: string[] = [];
      await page.context().route(`**${PLAN_PREFIX}**`, holding(held));
      const row = await runInPlayground(page, originMap(lab.origins).app, id);
      await expect(row.getByTestId('pass-fail')).toHaveText('✔ pass', { timeout: 60_000 });
      await expect(row).not.toContainText('disagree');
      expect(held.length).toBeGreaterThan(0);
    });
  }
});

test.describe('the browser refusing before it sends', () => {
  const refused: ExperimentInput[] = [
    {
      id: 'refused-form-action',
      title: 'A form on a page whose CSP says form-action none',
      group: 'csrf',
      engines: ['chromium'],
      page: 'evil',
      pageHeaders: { 'Content-Security-Policy': "form-action 'none'" },
      request: { api: 'form', target: 'api', method: 'POST', body: 'a=1' },
    },
    {
      id: 'refused-connect-src',
      title: 'A beacon from a page whose CSP says connect-src none',
      group: 'beacon',
      engines: ['chromium'],
      page: 'evil',
      pageHeaders: { 'Content-Security-Policy': "connect-src 'none'" },
      request: { api: 'beacon', target: 'api', body: 'a=1' },
    },
  ];
  for (const experiment of refused) {
    test(`${experiment.id}: blocked, nothing sent, the page's CSP named`, async ({ lab, labBrowser }) => {
      const experiments = validateExperiments([experiment], 'late-requests.spec.ts');
      const report = await runExperiments(experiments, lab, labBrowser, { predict: null, browserKnowsPublic: true });
      const observed = report.results[0]?.observed;
      expect(observed).toMatchObject({ outcome: 'blocked', reachedServer: false, preflight: false, reason: null });
      const refusal = /page's Content-Security-Policy \((form-action|connect-src) 'none'\) refused to (submit|send)/;
      expect(observed?.pageError).toMatch(refusal);
    });
  }
});
