/**
 * How the runner spends its slots (runner/run-experiments.ts). A slot keeps
 * one tab per page origin: an experiment whose `then` step runs on another
 * origin leaves that tab open, and the next experiment on the first origin
 * reuses its tab instead of navigating back (a cross-site navigation starts a
 * renderer process). An experiment that waits between steps gives its slot
 * up while it waits. Cookies are cleared only after a run that could set
 * some, and then before the next run.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { catalog } from '../../experiments/catalog/index.ts';
import { experimentSchema, pageOf, type ExperimentInput } from '../../format/schema.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

const byId = (id: string) => catalog.find((e) => e.id === id)!;

const CREDENTIALED_CORS = { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' };
const credentialed = (id: string, more: Partial<ExperimentInput> = {}) =>
  experimentSchema.parse({ id, title: id, group: 'runner', request: { target: 'api', credentials: 'include' }, server: { actual: { headers: CREDENTIALED_CORS } }, ...more });
/** Sets a cookie for every path of api: it would reach every later run's URL there (same-site, so stored). */
const setsRootCookie = credentialed('sets-root-cookie', {
  server: { actual: { headers: { ...CREDENTIALED_CORS, 'Set-Cookie': 'everywhere=1; Path=/; SameSite=Lax' } } },
  then: [{ request: { credentials: 'include' }, expect: { cookieSent: true } }],
});

test('a slot navigates each page origin once: app, then api2, then back to its app tab without loading it again', async ({ lab, browser }) => {
  const origins = originMap(lab.origins);
  // app > api2, then two experiments on app again.
  const experiments = ['cache-poisoning-missing-vary', 'simple-get-wildcard', 'simple-get-no-acao'].map(byId);
  const tabs: string[] = [];
  const navigations: string[] = [];
  const watched = new Set<Page>();
  const report = await runExperiments(experiments, lab, browser, {
    concurrency: 1,
    onResult: () => {
      for (const context of browser.contexts())
        for (const page of context.pages())
          if (!watched.has(page)) {
            watched.add(page);
            tabs.push(page.url());
            page.on('framenavigated', (frame) => void (frame === page.mainFrame() && navigations.push(frame.url())));
          }
    },
  });
  for (const result of report.results) expect(result.mismatches, result.id).toEqual([]);
  // After the first experiment: one tab per origin it used; after that, no tab loads anything again.
  expect(tabs.sort()).toEqual([`${origins.api2}/__runner`, `${origins.app}/__runner`].sort());
  expect(navigations).toEqual([]);
});

test('a tab the next experiment does not need moves to its page origin instead of a new tab opening', async ({ lab, browser }) => {
  const origins = originMap(lab.origins);
  const experiments = ['simple-null-page-null-acao', 'credentials-reflected-origin', 'cache-poisoning-missing-vary'].map(byId);
  expect(experiments.map((e) => [pageOf(e), ...(e.then ?? []).map((s) => s.page)])).toEqual([['null'], ['evil'], ['app', 'api2']]);
  const tabsAfter: string[][] = [];
  const report = await runExperiments(experiments, lab, browser, {
    concurrency: 1,
    onResult: () => void tabsAfter.push(browser.contexts().flatMap((c) => c.pages().map((p) => p.url()))),
  });
  for (const result of report.results) expect(result.mismatches, result.id).toEqual([]);
  expect(tabsAfter).toEqual([[`${origins.app}/__runner?sandbox`], [`${origins.evil}/__runner`], [`${origins.app}/__runner`, `${origins.api2}/__runner`]]);
});

test('an experiment that waits between its steps does not hold up the others, even with one slot', async ({ lab, browser }) => {
  const waiting = byId('cache-max-age-expiry');
  expect(waiting.then?.some((s) => (s.delayMs ?? 0) >= 1000)).toBe(true);
  const quick = ['simple-get-wildcard', 'simple-get-no-acao'].map(byId);
  const finished: string[] = [];
  const report = await runExperiments([waiting, ...quick], lab, browser, { concurrency: 1, onResult: (r) => void finished.push(r.id) });
  for (const result of report.results) expect(result.mismatches, result.id).toEqual([]);
  // In one slot they would finish in input order, the quick ones after the wait.
  expect(finished.at(-1)).toBe(waiting.id);
});

test('a cookie a run sets for every path never reaches the next run in its slot', async ({ lab, browser }) => {
  const after = credentialed('after', { expect: { outcome: 'allowed', cookieSent: false } });
  const report = await runExperiments([setsRootCookie, after], lab, browser, { concurrency: 1 });
  for (const result of report.results) expect(result.mismatches, result.id).toEqual([]);
  // The cookie was stored and sent within its own run, and not in the next.
  expect(report.results[0]!.steps[0]!.observed.cookieSent).toBe(true);
  expect(report.results[1]!.observed.cookieSent).toBe(false);
});

test('a run that gave its slot up while waiting gets it back without the cookies runs left meanwhile', async ({ lab, browser }) => {
  const waiting = credentialed('waiting', { then: [{ delayMs: 600, request: { credentials: 'include' }, expect: { outcome: 'allowed', cookieSent: false } }] });
  const finished: string[] = [];
  const report = await runExperiments([waiting, setsRootCookie], lab, browser, { concurrency: 1, onResult: (r) => void finished.push(r.id) });
  for (const result of report.results) expect(result.mismatches, result.id).toEqual([]);
  // The cookie setter ran in the slot while `waiting` waited between its steps.
  expect(finished).toEqual(['sets-root-cookie', 'waiting']);
  expect(report.results[0]!.steps[0]!.observed.cookieSent).toBe(false);
});

test('the browser for third-party cookies starts only after the main slots have run, so it does not slow their start', async ({ lab, browser }) => {
  // A private temporary directory: the profile of that browser (runner/launch.ts) is made in it, and nothing else is.
  const previous = process.env.TMPDIR;
  const tmp = await mkdtemp(join(tmpdir(), 'cors-lab-sched-'));
  process.env.TMPDIR = tmp;
  try {
    const thirdParty = catalog.find((e) => e.browser?.thirdPartyCookies === 'allowed')!;
    const profilesAtFirstMainResult: string[][] = [];
    const report = await runExperiments([thirdParty, byId('simple-get-wildcard')], lab, browser, {
      concurrency: 1,
      onResult: (r) => void (r.id === 'simple-get-wildcard' && profilesAtFirstMainResult.push(readdirSync(tmp))),
    });
    for (const result of report.results) expect(result.mismatches, result.id).toEqual([]);
    expect(profilesAtFirstMainResult).toEqual([[]]);
  } finally {
    // Assigning undefined would store the string "undefined" and send later launches in this worker there.
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    await rm(tmp, { recursive: true, force: true });
  }
});
