/**
 * The runner page every origin serves runs a step when the app page asks by
 * postMessage, from any origin (a sandboxed iframe too), and ignores every
 * other origin.
 */
import type { Page } from '@playwright/test';
import { experimentSteps, stepRequest } from '../../engines/steps.ts';
import { experimentUrl } from '../../experiments/model/predict.ts';
import { validateExperiments } from '../../format/validate.ts';
import { originMap } from '../../plan/origins.ts';
import type { Lab } from '../../servers/lab.ts';
import { expect, test } from './lab-fixture.ts';

function step(lab: Lab, run: string) {
  const [experiment] = validateExperiments({ id: 'x', title: 'x', group: 'simple', request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } }, 'test');
  return stepRequest(experimentSteps(experiment!)[0]!, experimentUrl(experiment!, originMap(lab.origins), run));
}

/**
 * Opens a runner in an iframe of `page` and asks it to run; resolves with its answer. `silenceMs`: for a runner that
 * must ignore the request, "no answer" once that long has passed with none (a runner that answers is awaited with
 * no clock: the test's own limit bounds it, so a busy machine cannot turn a late answer into "no answer").
 */
function askRunner(
  page: Page, runnerUrl: string, sandbox: boolean, request: unknown, silenceMs?: number,
): Promise<unknown> {
  return page.evaluate(
    ({ runnerUrl, sandbox, request, silenceMs }) =>
      new Promise((resolve) => {
        const frame = document.createElement('iframe');
        if (sandbox) frame.setAttribute('sandbox', 'allow-scripts');
        frame.src = runnerUrl;
        frame.addEventListener('load', () => frame.contentWindow?.postMessage({ type: 'cors-lab:run', id: 'm1', step: request }, '*'));
        window.addEventListener('message', (event) => {
          if (event.data?.type === 'cors-lab:result') resolve(event.data);
        });
        if (silenceMs !== undefined) setTimeout(() => resolve('no answer'), silenceMs);
        document.body.append(frame);
      }),
    { runnerUrl, sandbox, request, silenceMs },
  );
}

test('a runner on another site runs a step for the app page', async ({ lab, page }) => {
  const origins = originMap(lab.origins);
  await page.goto(`${origins.app}/__runner`);
  const answer = await askRunner(page, `${origins.partner}/__runner`, false, step(lab, 'pm-1'));
  expect(answer).toMatchObject({ type: 'cors-lab:result', id: 'm1', seen: { outcome: 'allowed', status: 200, pageOrigin: origins.partner } });
  expect(lab.journal.read('pm-1').entries[0]?.originHeader).toBe(origins.partner);
});

test('a sandboxed runner runs with the opaque origin "null"', async ({ lab, page }) => {
  const origins = originMap(lab.origins);
  await page.goto(`${origins.app}/__runner`);
  const answer = await askRunner(page, `${origins.app}/__runner`, true, step(lab, 'pm-2'));
  expect(answer).toMatchObject({ seen: { outcome: 'allowed', pageOrigin: 'null' } });
  expect(lab.journal.read('pm-2').entries[0]?.originHeader).toBe('null');
});

for (const hostile of ['evil', 'api'] as const) {
  test(`a runner ignores a request from the ${hostile} origin`, async ({ lab, page }) => {
    const origins = originMap(lab.origins);
    await page.goto(`${origins[hostile]}/__runner`);
    expect(await askRunner(page, `${origins.partner}/__runner`, false, step(lab, `pm-${hostile}`), 1500)).toBe('no answer');
    expect(lab.journal.read(`pm-${hostile}`).entries).toEqual([]);
  });
}
