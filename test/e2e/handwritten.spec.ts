/** A file written by hand from the contract runs the way `cors-lab run FILE` runs it. */
import { fileURLToPath } from 'node:url';
import { loadExperimentFiles } from '../../format/load-files.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { expect, test } from './lab-fixture.ts';

const FILE = fileURLToPath(new URL('../fixtures/handwritten.json', import.meta.url));

test('hand-written experiments: tokens, repeated lines, redirect chains, then steps, null page', async ({ lab, browser }) => {
  const experiments = await loadExperimentFiles([FILE]);
  const report = await runExperiments(experiments, lab, browser);
  for (const result of report.results) expect(result.mismatches, result.id).toEqual([]);
  const chain = report.results.find((r) => r.id === 'hand-redirect-chain')!;
  expect(chain.observed.serverSaw.map((e) => `${e.origin}:${e.hop}:${e.status}`)).toEqual(['api:0:301', 'partner:1:308', 'evil:2:200']);
  const nullPage = report.results.find((r) => r.id === 'hand-null-page-preflight')!;
  expect(nullPage.steps.map((s) => s.observed.outcome)).toEqual(['allowed', 'blocked']);
  const chicken = report.results.find((r) => r.id === 'hand-unknown-method')!;
  expect(chicken.observed.serverSaw.map((e) => e.method)).toEqual(['OPTIONS', 'CHICKEN']);
});
