/**
 * The model against real Chromium on cases it was not tuned on: tables
 * derived from the web-platform-tests CORS suite (test/probes). Every step
 * must agree on outcome, reason, preflight, reachedServer, status,
 * originSeen, requestHeadersSeen, cookieSent and the readable headers, and
 * the model's console line must be Chromium's.
 */
import { validateExperiments } from '../../experiments/validate.ts';
import { consoleAgrees, disagreements } from '../../runner/agreement.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { wptCases } from '../probes/wpt-cases.ts';
import { wptMoreCases } from '../probes/wpt-more-cases.ts';
import { expect, test } from './lab-fixture.ts';
import { paced } from '../pace/machine-pace.ts';

const probes = [...validateExperiments([...wptCases], 'test/probes/wpt-cases.ts'), ...validateExperiments([...wptMoreCases], 'test/probes/wpt-more-cases.ts')];
const groups = [...new Set(probes.map((p) => p.group))];
/** Cases per test: few enough to finish well within TIMEOUT_MS on a busy 2-core machine (steps that change page navigate), and spread over the workers. */
const CHUNK = 30;
const TIMEOUT_MS = 90_000;

for (const group of groups) {
  const all = probes.filter((p) => p.group === group);
  const chunks = Math.ceil(all.length / CHUNK);
  const size = Math.ceil(all.length / chunks);
  for (let c = 0; c < chunks; c++) {
    const cases = all.slice(c * size, (c + 1) * size);
    defineAgreementTest(`model agrees with Chromium: ${group}${chunks > 1 ? ` [${c + 1}/${chunks}]` : ''} (${cases.length} cases)`, cases);
  }
}

function defineAgreementTest(title: string, cases: typeof probes): void {
  test(title, async ({ lab, labBrowser }) => {
    test.setTimeout(paced(TIMEOUT_MS));
    const report = await runExperiments(cases, lab, labBrowser, { concurrency: 3, browserKnowsPublic: true });
    const problems: string[] = [];
    let steps = 0;
    report.results.forEach((result, i) => {
      const xhr = cases[i]?.request.api === 'xhr';
      [result, ...result.steps].forEach((step, k) => {
        steps++;
        const where = `${result.id}${k ? ` then[${k - 1}]` : ''} (${cases[i]?.title})`;
        for (const d of disagreements(step.predicted, step.observed, xhr)) problems.push(`${where}: ${d}`);
        if (!consoleAgrees(step.predicted, step.explanation?.console, step.observed)) problems.push(`${where}: console: predicted ${step.explanation?.console}, observed ${step.observed.console}`);
      });
    });
    expect(steps).toBe(cases.reduce((sum, c) => sum + 1 + (c.then?.length ?? 0), 0));
    expect(problems).toEqual([]);
  });
}
