/**
 * Shared links (`#x=...`) from a hostile author against the playground, in real Chromium.
 *
 * Script: the runner page of `app` is a frame on the playground's own origin, so a script it loads runs with the
 * playground's origin: a plan whose `server.actual.body` is served as that script would run the author's code there
 * (read every run's journal, with the `Cookie` lines of `localhost`, drive the page). The lab never serves a planned
 * body as a script (plan/answer.ts): the load fails with a 400 naming the field, the playground stays untouched.
 *
 * Size: a link of thousands of `then` steps held the page for minutes; the link says what is too large at once
 * (client/share/experiment-link.ts).
 */
import { MAX_LINK_CHARACTERS, MAX_LINK_STEPS, experimentHash } from '../../client/share/experiment-link.ts';
import type { Experiment } from '../../format/schema.ts';
import { validateExperiments } from '../../format/validate.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

/** What the author's script would do with the app origin: mark the playground, and call the lab (a path of its own). */
const MARK_PATH = '/__hostile-script-ran';
const PAYLOAD = `parent.document.documentElement.dataset.owned = 'yes'; fetch('${MARK_PATH}');`;

for (const [name, server] of [
  ['body', { actual: { body: PAYLOAD, headers: { 'Content-Type': 'text/javascript' } } }],
  ['bodyBase64', { actual: { bodyBase64: btoa(PAYLOAD) } }],
] as const) {
  test(`a shared experiment whose ${name} would run as a script on app runs nothing`, async ({ lab, page }) => {
    const [experiment] = validateExperiments({
      id: `hostile-shared-${name.toLowerCase()}`,
      title: `A hostile shared script (${name})`,
      group: 'resources',
      request: { api: 'script', target: 'app' },
      server,
    }, 'test');
    const app = originMap(lab.origins).app;
    const runs = new Set<string>();
    const stop = lab.journal.onRecord((run) => runs.add(run));
    const marks: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === MARK_PATH) marks.push(request.url());
    });
    await page.goto(`${app}/${experimentHash(experiment!)}`);
    await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
    // The link's experiment replaces the default one once the schema has checked it.
    await expect(page.getByRole('heading', { name: experiment!.title, level: 2 })).toBeVisible();
    // The model says before the run what the server will answer: the 400 that stops the script.
    await expect(page.getByRole('region', { name: 'Prediction' })).toContainText('status 400 is not ok');
    await page.getByRole('button', { name: 'Run this experiment' }).click();
    const log = page.getByRole('list', { name: 'Log' });
    const row = log.getByTestId('log-row').filter({ hasText: experiment!.id }).first();
    await expect(row).toContainText('blocked');
    await expect(page.locator('html')).not.toHaveAttribute('data-owned', 'yes');
    expect(marks).toEqual([]);
    stop();
    // The server received the script request and refused it: 400 JSON, in the journal the playground shows.
    const entries = [...runs].flatMap((run) => lab.journal.read(run).entries);
    expect(entries.map((entry) => entry.status)).toEqual([400]);
    expect(entries[0]?.responseHeaders).toContainEqual(['Content-Type', 'application/json; charset=utf-8']);
  });
}

test('links of 20,000 and of 33 then steps are refused at once, saying why; one of 32 opens', async ({ lab, page }) => {
  const app = originMap(lab.origins).app;
  const link = (count: number) => experimentHash({
    id: 'hostile-many-steps', title: `Hostile: ${count} steps`, group: 'simple', request: { target: 'api' },
    then: Array.from({ length: count }, () => ({ request: { method: 'PUT' } })),
  } as Experiment);
  const huge = link(20_000);
  await page.goto(`${app}/${huge}`);
  const size = `${huge.length - '#x='.length} characters long`;
  const tooLong = `link: the experiment in this link is ${size}; a link carries at most ${MAX_LINK_CHARACTERS}`;
  await expect(page.getByRole('alert')).toHaveText(tooLong);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await page.goto(`${app}/?steps=33${link(MAX_LINK_STEPS + 1)}`);
  const tooMany = `link: then: ${MAX_LINK_STEPS + 1} steps; a shared experiment has at most ${MAX_LINK_STEPS}`;
  await expect(page.getByRole('alert')).toHaveText(tooMany);
  await page.goto(`${app}/?steps=32${link(MAX_LINK_STEPS)}`);
  await expect(page.getByRole('heading', { name: `Hostile: ${MAX_LINK_STEPS} steps`, level: 2 })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
