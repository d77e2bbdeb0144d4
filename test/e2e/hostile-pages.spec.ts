/**
 * A page on `evil` against the lab, in real Chromium: it cannot run script
 * with the app origin through a planned URL (every planned reply carries
 * `Content-Security-Policy: sandbox`), and cannot drive a runner page, neither
 * from a window it opened nor from a planned document.
 */
import type { Page } from '@playwright/test';
import { experimentUrl } from '../../experiments/model/predict.ts';
import { validateExperiments } from '../../format/validate.ts';
import { experimentSteps, stepRequest } from '../../engines/steps.ts';
import type { Lab } from '../../servers/lab.ts';
import { originMap } from '../../plan/origins.ts';
import { encodePlan, plannedPath } from '../../plan/plan-url.ts';
import { expect, test } from './lab-fixture.ts';
import { askRunner, openRunnerWindow, type RunnerAnswer } from './runner-messages.ts';

function step(lab: Lab, run: string) {
  const [experiment] = validateExperiments({ id: 'x', title: 'x', group: 'simple', request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } }, 'test');
  return stepRequest(experimentSteps(experiment!)[0]!, experimentUrl(experiment!, originMap(lab.origins), run));
}

/** HTML whose script, if it ran with the app origin, would mark the title, call the lab and drive a runner. */
function attackPage(lab: Lab, run: string): string {
  const origins = originMap(lab.origins);
  const marker = `${origins.api}${plannedPath(`${run}-script`, 0, encodePlan({ page: 'app', server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } }), '/')}`;
  const script = `document.title = 'owned'; fetch(${JSON.stringify(marker)});
    const f = document.createElement('iframe'); f.src = ${JSON.stringify(`${origins.partner}/__runner`)};
    f.onload = () => f.contentWindow.postMessage({ type: 'cors-lab:run', id: 'evil', step: ${JSON.stringify(step(lab, `${run}-driven`))} }, '*');
    document.body.append(f);`;
  return `<!doctype html><title>planned</title><body><script>${script}</script></body>`;
}

async function openFromEvil(page: Page, lab: Lab, url: string): Promise<Page> {
  await page.goto(`${originMap(lab.origins).evil}/__runner`);
  const [opened] = await Promise.all([page.waitForEvent('popup'), page.evaluate((u) => void window.open(u), url)]);
  await opened.waitForLoadState('load');
  return opened;
}

test('a planned URL on app opened by evil runs no script: opaque origin, nothing fetched, no runner driven', async ({ lab, page }) => {
  const origins = originMap(lab.origins);
  const run = 'hostile-nav';
  const url = `${origins.app}${plannedPath(run, 0, encodePlan({ page: 'app', server: { actual: { headers: { 'Content-Type': 'text/html' }, body: attackPage(lab, run) } } }), '/')}`;
  const opened = await openFromEvil(page, lab, url);
  // The script would have set the title as the parser reached it, before "load": no clock needed to see it did not.
  expect(await opened.title()).toBe('planned');
  expect(await opened.evaluate(() => self.origin)).toBe('null');
  // Were the script to run, the title above would say so; these say what a journal shows of it, not a proof alone.
  expect(lab.journal.read(`${run}-script`).entries).toEqual([]);
  expect(lab.journal.read(`${run}-driven`).entries).toEqual([]);
  expect(lab.journal.read(run).entries[0]?.responseHeaders).toContainEqual(['Content-Security-Policy', 'sandbox']);
});

/** From a page on `from`, opens a runner window and posts it a run message; resolves with what came back. */
async function driveOpenedRunner(page: Page, lab: Lab, from: 'evil' | 'app', runnerUrl: string, run: string): Promise<RunnerAnswer> {
  await page.goto(`${originMap(lab.origins)[from]}/__runner`);
  const opened = await openRunnerWindow(page, runnerUrl);
  const answer = await askRunner(page, step(lab, run), { id: 'm', untilResult: from === 'app' });
  await opened.close();
  return answer;
}

for (const runnerPath of ['/__runner', '/__runner?sandbox']) {
  test(`a runner page (${runnerPath}) opened by evil ignores evil's run message; opened by app it obeys`, async ({ lab, page }) => {
    const runnerUrl = `${originMap(lab.origins).app}${runnerPath}`;
    const run = `hostile-open-${runnerPath.length}`;
    // Counted as the runner decided (test/e2e/runner-messages.ts): it obeyed none.
    expect(await driveOpenedRunner(page, lab, 'evil', runnerUrl, run)).toEqual({ types: ['test:handled'], accepted: 0 });
    expect(lab.journal.read(run).entries).toEqual([]);
    // The same message from the app origin is obeyed: the refusal above is the origin check, not a broken message.
    const obeyed = await driveOpenedRunner(page, lab, 'app', runnerUrl, `${run}-app`);
    expect(obeyed).toMatchObject({ types: ['cors-lab:accepted', 'test:handled', 'cors-lab:result'], accepted: 1 });
    expect(obeyed.result).toMatchObject({ type: 'cors-lab:result', id: 'm' });
    expect(lab.journal.read(`${run}-app`).entries).toHaveLength(1);
  });
}

// The journal keeps the Cookie and Authorization lines of requests a page had the browser send (servers/origin-app.ts).
test('a page on evil cannot read the journal of a run it named itself; app can', async ({ lab, page }) => {
  const origins = originMap(lab.origins);
  const run = 'hostile-journal';
  const planned = `${origins.api}${plannedPath(run, 0, encodePlan({ page: 'evil', server: {} }), '/')}`;
  await page.goto(`${origins.evil}/__runner`);
  const read = await page.evaluate(
    async ({ planned, journal }) => {
      await fetch(planned, { mode: 'no-cors', credentials: 'include' });
      return fetch(journal).then((r) => r.text(), (e: Error) => `refused: ${e.name}`);
    },
    { planned, journal: `${origins.api}/__journal/${run}` },
  );
  expect(read).toBe('refused: TypeError');
  expect(lab.journal.read(run).entries).toHaveLength(1);
  await page.goto(`${origins.app}/__runner`);
  const own = await page.evaluate((journal) => fetch(journal).then((r) => r.json() as Promise<{ entries: unknown[] }>), `${origins.app}/__journal/${run}`);
  expect(own.entries).toHaveLength(1);
});
