/**
 * Shared links (`#x=...`) from a hostile author against the playground, in real Chromium.
 *
 * Script: the runner page of `app` is a frame on the playground's own origin, so a script it loads runs with the
 * playground's origin: a plan whose `server.actual.body` is served as that script would run the author's code there
 * (read every run's journal, with the `Cookie` lines of `localhost`, drive the page). The format refuses a planned
 * body for a step that loads code (format/script-body.ts), so such a link is refused with the field named and never
 * runs; and the servers never serve a planned body as a script either (plan/answer.ts), for a browser that says it
 * asks for one (`Sec-Fetch-Dest: script`): the load fails with a 400 naming the field.
 *
 * Size: a link of thousands of `then` steps held the page for minutes; the link says what is too large at once
 * (client/share/experiment-link.ts), with the format's bound (format/limits.ts).
 */
import { MAX_LINK_CHARACTERS, experimentHash } from '../../client/share/experiment-link.ts';
import { templates as zhTemplates } from '../../client/i18n/zh-CN/index.ts';
import { catalogIndex } from '../../experiments/catalog/catalog-index.ts';
import { catalog } from '../../experiments/catalog/index.ts';
import { MAX_POPUP_STEPS, MAX_STEPS } from '../../format/limits.ts';
import { problemText } from '../../format/problems/index.ts';
import type { Experiment } from '../../format/schema.ts';
import { originMap } from '../../plan/origins.ts';
import { encodePlan, plannedPath } from '../../plan/plan-url.ts';
import { expect, test } from './lab-fixture.ts';
import { READER_VIEWS, shot } from './shots-folder.ts';

/** What the author's script would do with the app origin: mark the playground, and call the lab (a path of its own). */
const MARK_PATH = '/__hostile-script-ran';
const PAYLOAD = `parent.document.documentElement.dataset.owned = 'yes'; fetch('${MARK_PATH}');`;
const SCRIPT_ANSWERS = [
  ['body', { actual: { body: PAYLOAD, headers: { 'Content-Type': 'text/javascript' } } }],
  ['bodyBase64', { actual: { bodyBase64: btoa(PAYLOAD) } }],
] as const;

/** A link's experiment as its author wrote it: not checked here, since checking it is the page's job. */
const hostileLink = (experiment: object): string => experimentHash(experiment as Experiment);

const cases = [
  ...SCRIPT_ANSWERS.map(([field, server]) => ({
    name: `a script step with server.actual.${field}`, field, step: 'request.api',
    experiment: {
      id: 'hostile-script', title: 'A hostile shared script', group: 'resources',
      request: { api: 'script', target: 'app' }, server,
    },
  })),
  {
    name: 'a then step that loads the planned body as a script', field: 'body', step: 'then[0].request.api',
    experiment: {
      id: 'hostile-then-script', title: 'A hostile script in a then step', group: 'resources',
      request: { target: 'app' }, server: SCRIPT_ANSWERS[0][1], then: [{ request: { api: 'script' } }],
    },
  },
];

for (const { name, field, step, experiment } of cases) {
  test(`a link with ${name} is refused, naming server.actual.${field}; nothing runs`, async ({ lab, page }) => {
    const app = originMap(lab.origins).app;
    const runs = new Set<string>();
    const stop = lab.journal.onRecord((run) => runs.add(run));
    const marks: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === MARK_PATH) marks.push(request.url());
    });
    await page.goto(`${app}/${hostileLink(experiment)}`);
    const said = `link: server.actual.${field}: ${problemText({ code: 'scriptBody', step })}`;
    await expect(page.getByRole('alert')).toHaveText(said);
    await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
    // The page keeps its own experiment: the link's never replaces it, so there is nothing of it to run.
    await expect(page.getByRole('heading', { name: experiment.title, level: 2 })).toHaveCount(0);
    await expect(page.locator('html')).not.toHaveAttribute('data-owned', 'yes');
    // Running what the page shows runs the page's own experiment, never the link's.
    await page.getByRole('button', { name: 'Run this experiment' }).click();
    const log = page.getByRole('list', { name: 'Log' }).getByTestId('log-row');
    await expect(log).toHaveCount(1);
    await expect(log).toContainText(catalogIndex[0]!.id);
    await expect(log).not.toContainText(experiment.id);
    stop();
    expect(runs.size, 'the journal recorded the run of the page\'s own experiment').toBeGreaterThan(0);
    expect(marks).toEqual([]);
    await expect(page.locator('html')).not.toHaveAttribute('data-owned', 'yes');
  });
}

/** The refusal as a reader sees it, in every view and both languages (shots: shots-folder.ts). */
const VIEWS = READER_VIEWS;

for (const view of VIEWS) {
  test(`${view.name}: a refused script link says why in the reader's language`, async ({ page, lab }) => {
    await page.setViewportSize({ width: view.width, height: 900 });
    const query = view.lang === 'en' ? '' : '?lang=zh-CN';
    await page.goto(`${originMap(lab.origins).app}/${query}${hostileLink(cases[2]!.experiment)}`);
    const status = view.lang === 'en' ? 'lab status' : zhTemplates['app.status-label'] as string;
    const ready = view.lang === 'en' ? 'ready' : zhTemplates['app.status-ready'] as string;
    await expect(page.getByRole('status', { name: status })).toHaveText(ready);
    if (view.presenter) await page.getByRole('button', { name: 'Presenter mode' }).click();
    if (view.dark) await page.getByRole('button', { name: 'Dark theme' }).click();
    const words = problemText({ code: 'scriptBody', step: 'then[0].request.api' }, view.lang);
    await expect(page.getByRole('alert')).toHaveText(`link: server.actual.body: ${words}`);
    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const root = document.documentElement;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    });
    expect(scrollWidth, 'page width').toBeLessThanOrEqual(clientWidth);
    await page.getByRole('alert').scrollIntoViewIfNeeded();
    await shot(page, `refused-script-link-${view.name}.png`);
  });
}

for (const [field, server] of SCRIPT_ANSWERS) {
  test(`app still answers a script load of a planned ${field} with 400 JSON; nothing runs`, async ({ lab, page }) => {
    // Defence in depth: a plan that reached the servers without the format's check (a page's own <script>).
    const app = originMap(lab.origins).app;
    const run = `hostile-script-${field.toLowerCase()}`;
    const url = `${app}${plannedPath(run, 0, encodePlan({ page: 'app', server }), '/x')}`;
    await page.goto(`${app}/__runner`);
    const loaded = await page.evaluate((src) => new Promise<string>((resolve) => {
      const script = document.createElement('script');
      script.onload = () => resolve('load');
      script.onerror = () => resolve('error');
      script.src = src;
      document.body.append(script);
    }), url);
    expect(loaded).toBe('error');
    await expect(page.locator('html')).not.toHaveAttribute('data-owned', 'yes');
    await expect.poll(() => lab.journal.read(run).entries.length).toBe(1);
    const [entry] = lab.journal.read(run).entries;
    expect(entry?.requestHeaders['sec-fetch-dest']).toBe('script');
    expect(entry?.status).toBe(400);
    expect(entry?.responseHeaders).toContainEqual(['Content-Type', 'application/json; charset=utf-8']);
  });
}

test(`links of 20,000 and ${MAX_STEPS + 1} steps are refused at once; ${MAX_STEPS} open`, async ({ lab, page }) => {
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
  // The scripts the page asks for: a link over the step bound downloads the limits' words, never the schema.
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const named = (chunk: string) => scripts.filter((path) => new RegExp(`/${chunk}-[\\w-]+\\.js$`).test(path));
  await page.goto(`${app}/?steps=33${link(MAX_STEPS + 1)}`);
  const over = { code: 'tooMany', count: MAX_STEPS + 1, max: MAX_STEPS, unit: 'steps' } as const;
  const tooMany = `link: then: ${problemText(over)}`;
  await expect(page.getByRole('alert')).toHaveText(tooMany);
  // The words' chunk, and the small entry the bundler puts in front of it (the schema's chunk imports it too).
  expect(named('limit-words')).not.toEqual([]);
  expect([...named('zod'), ...named('schema')]).toEqual([]);
  await page.goto(`${app}/?steps=32${link(MAX_STEPS)}`);
  await expect(page.getByRole('heading', { name: `Hostile: ${MAX_STEPS} steps`, level: 2 })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // A link within the bound is checked by the schema: the same names find its chunks once it downloads.
  expect(named('zod')).toHaveLength(1);
});

/**
 * Windows: a form step submits into a popup of its own (runner-page/run-form.ts), so a link of forms is held to
 * the bound on windows (format/frames.ts's opensWindow), as window-open is: one form more is refused before any
 * step runs, in the reader's language; the bound itself opens.
 */
for (const view of VIEWS.filter(({ name }) => name === 'light' || name === 'zh-CN-390')) {
  test(`${view.name}: a link of ${MAX_POPUP_STEPS + 1} form steps is refused naming the windows they open`, async ({
    lab, page,
  }) => {
    const form = catalog.find((e) => e.request.api === 'form' && !e.then && !e.server?.redirects)!;
    const link = (count: number) => hostileLink({
      ...form, id: 'hostile-forms', title: `Hostile: ${count} forms`,
      then: Array.from({ length: count - 1 }, () => ({})),
    });
    await page.setViewportSize({ width: view.width, height: 900 });
    const query = view.lang === 'en' ? '?forms=5' : '?forms=5&lang=zh-CN';
    await page.goto(`${originMap(lab.origins).app}/${query}${link(MAX_POPUP_STEPS + 1)}`);
    const over = { code: 'tooMany', count: MAX_POPUP_STEPS + 1, max: MAX_POPUP_STEPS, unit: 'popupSteps' } as const;
    await expect(page.getByRole('alert')).toHaveText(`link: then: ${problemText(over, view.lang)}`);
    await page.getByRole('alert').scrollIntoViewIfNeeded();
    await shot(page, `refused-forms-link-${view.name}.png`);
    await page.goto(`${originMap(lab.origins).app}/${query.replace('5', '4')}${link(MAX_POPUP_STEPS)}`);
    await expect(page.getByRole('heading', { name: `Hostile: ${MAX_POPUP_STEPS} forms`, level: 2 })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}
