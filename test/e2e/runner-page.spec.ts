/**
 * The runner page every origin serves runs a step when the app page asks by
 * postMessage, from any origin (a sandboxed iframe too), and ignores every
 * other origin.
 */
import { experimentSteps, stepRequest } from '../../engines/steps.ts';
import { experimentUrl } from '../../experiments/model/predict.ts';
import { validateExperiments } from '../../format/validate.ts';
import { originMap } from '../../plan/origins.ts';
import type { Lab } from '../../servers/lab.ts';
import { expect, test } from './lab-fixture.ts';
import { askRunner, openRunnerFrame } from './runner-messages.ts';

function step(lab: Lab, run: string) {
  const [experiment] = validateExperiments({ id: 'x', title: 'x', group: 'simple', request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } }, 'test');
  return stepRequest(experimentSteps(experiment!)[0]!, experimentUrl(experiment!, originMap(lab.origins), run));
}

test('a runner on another site runs a step for the app page', async ({ lab, page }) => {
  const origins = originMap(lab.origins);
  await page.goto(`${origins.app}/__runner`);
  await openRunnerFrame(page, `${origins.partner}/__runner`, false);
  const answer = await askRunner(page, step(lab, 'pm-1'), { untilResult: true });
  expect(answer).toMatchObject({ types: ['cors-lab:accepted', 'test:handled', 'cors-lab:result'], accepted: 1 });
  expect(answer.result).toMatchObject({ type: 'cors-lab:result', id: 'm1', seen: { outcome: 'allowed', status: 200, pageOrigin: origins.partner } });
  expect(lab.journal.read('pm-1').entries[0]?.originHeader).toBe(origins.partner);
});

test('a sandboxed runner runs with the opaque origin "null"', async ({ lab, page }) => {
  const origins = originMap(lab.origins);
  await page.goto(`${origins.app}/__runner`);
  await openRunnerFrame(page, `${origins.app}/__runner`, true);
  const answer = await askRunner(page, step(lab, 'pm-2'), { untilResult: true });
  expect(answer.result).toMatchObject({ seen: { outcome: 'allowed', pageOrigin: 'null' } });
  expect(lab.journal.read('pm-2').entries[0]?.originHeader).toBe('null');
});

for (const hostile of ['evil', 'api'] as const) {
  test(`a runner ignores a request from the ${hostile} origin`, async ({ lab, page }) => {
    const origins = originMap(lab.origins);
    await page.goto(`${origins[hostile]}/__runner`);
    await openRunnerFrame(page, `${origins.partner}/__runner`, false);
    // Counted as the runner decided (test/e2e/runner-messages.ts): it obeyed none.
    expect(await askRunner(page, step(lab, `pm-${hostile}`))).toEqual({ types: ['test:handled'], accepted: 0 });
    expect(lab.journal.read(`pm-${hostile}`).entries).toEqual([]);
  });
}
