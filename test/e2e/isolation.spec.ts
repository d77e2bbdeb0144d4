/**
 * The contract's isolation rule: an experiment runs as if alone, also when
 * the same one runs twice at once or again later in the same browser. Its
 * own `then` steps share cookies, the preflight cache and the HTTP cache; nothing else does.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { expect, test } from './lab-fixture.ts';
import { paced } from '../pace/machine-pace.ts';

const stateful = ['credentials-cookie-sent-include', 'preflight-max-age-cached', 'credentials-cookie-not-stored-without-acac', 'cache-poisoning-missing-vary'].map((id) => catalog.find((e) => e.id === id)!);

test('the same stateful experiments, four times over at once and then again, give the same results', async ({ lab, browser }) => {
  test.setTimeout(paced(90_000));
  const twice = [...stateful, ...stateful, ...stateful, ...stateful];
  const first = await runExperiments(twice, lab, browser, { concurrency: 4 });
  const again = await runExperiments(stateful, lab, browser, { concurrency: 2 });
  for (const result of [...first.results, ...again.results]) expect(result.mismatches, result.id).toEqual([]);
  const shape = (r: (typeof first.results)[number]) => [r.id, r.observed.cookieSent, r.observed.preflight, ...r.steps.map((s) => [s.observed.cookieSent, s.observed.preflight])];
  expect(first.results.map(shape)).toEqual([...again.results, ...again.results, ...again.results, ...again.results].map(shape));
  // The first request of a cookie experiment never carries a cookie left by another run.
  expect(first.results.filter((r) => r.id.includes('cookie')).map((r) => r.observed.cookieSent)).toEqual(Array(8).fill(false));
});

test('cookie experiments with third-party cookies allowed share one profile, yet every run starts with no cookie', async ({ lab, browser }) => {
  const allowed = catalog.filter((e) => e.group === 'cookies' && e.browser?.thirdPartyCookies === 'allowed').slice(0, 4);
  const report = await runExperiments([...allowed, ...allowed], lab, browser, { concurrency: 3 });
  for (const result of report.results) expect(result.mismatches, result.id).toEqual([]);
  expect(report.results.map((r) => r.observed.cookieSent)).toEqual(Array(allowed.length * 2).fill(false));
  expect(report.results.map((r) => r.steps[0]?.observed.cookieSent)).toEqual([...allowed, ...allowed].map((e) => e.then?.[0]?.expect?.cookieSent));
});
