/**
 * The catalog's plans are not in a first load (issue 16: initial JavaScript on the wire ≤ 90 kB): a page holds
 * the list (ids, titles, groups) and downloads a group's plans when it shows one of its experiments
 * (client/lab/catalog-plans.ts). Opening an experiment of a group not in the first load, by its address, by a
 * click in the list or from the keyboard, shows it whole (title, prediction, "Why"), never another one first;
 * a group whose plans do not download is said, naming it, and the page goes on.
 */
import type { Page } from '@playwright/test';
import { templates as zhTemplates } from '../../client/i18n/zh-CN/index.ts';
import { experimentHash } from '../../client/share/experiment-link.ts';
import { catalog } from '../../experiments/catalog/index.ts';
import { catalogZhCN } from '../../experiments/catalog/zh-CN/index.ts';
import type { Experiment } from '../../format/schema.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';
import { READER_VIEWS, shot } from './shots-folder.ts';

const first = catalog[0]!;
/** The catalog's last experiment: of a group the first load does not hold. */
const later = catalog.at(-1)!;
/** The chunk of a group's plans (`plans-<group>-<hash>.js`: scripts/catalog-in-browser-plugin.ts). */
const plansFile = (group: string): RegExp => new RegExp(`/assets/plans-${group}-[\\w-]{8}\\.js$`);
const PLANS_FILE = /\/assets\/plans-([a-z0-9-]+)-[\w-]{8}\.js$/;

/** The first sentence of an experiment's "Why" in a language, up to its first code span or emphasis. */
function whyStart(e: Experiment, lang: 'en' | 'zh-CN' = 'en'): string {
  const explain = (lang === 'en' ? e.explain : catalogZhCN[e.id]?.explain) ?? '';
  return explain.split(/[`*[]/)[0]?.split(/[.。]/)[0] ?? '';
}

const catalogEntry = (page: Page, e: Experiment) =>
  page.getByRole('navigation', { name: /^(Catalog|实验目录)$/ }).getByRole('button').filter({ hasText: e.id });

/** The groups whose plans the page downloaded, in order. */
function plansDownloaded(page: Page): string[] {
  const groups: string[] = [];
  page.on('response', (response) => {
    const group = PLANS_FILE.exec(new URL(response.url()).pathname)?.[1];
    if (group) groups.push(group);
  });
  return groups;
}

/** The page shows `e` whole: its title, its prediction with its "Why", and the list says it is the one shown. */
async function showsWhole(page: Page, e: Experiment): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: e.title, exact: true })).toBeVisible();
  const prediction = page.getByRole('region', { name: 'Prediction' });
  await expect(prediction.getByRole('heading', { name: /^Prediction:/ })).toBeVisible();
  expect(whyStart(e).length).toBeGreaterThan(20);
  await expect(prediction.getByText(whyStart(e)).first()).toBeVisible();
  await expect(catalogEntry(page, e)).toHaveAttribute('aria-pressed', 'true');
}

test.beforeAll(() => {
  expect(later.group).not.toBe(first.group);
});

test("a link to a later group's experiment shows it from the first paint: no other first, its group only", async ({
  lab,
  page,
}) => {
  // Every heading the experiment panel shows, frame by frame, from the first.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { experimentHeadings: seen });
    const look = (): void => {
      const heading = document.querySelector('cors-lab-app')?.shadowRoot?.querySelector('#experiment');
      const text = heading?.textContent?.trim();
      if (text && seen.at(-1) !== text) seen.push(text);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const downloaded = plansDownloaded(page);
  await page.goto(`${originMap(lab.origins).app}/${experimentHash(later)}`);
  await showsWhole(page, later);
  const headings = await page.evaluate(() => (window as { experimentHeadings?: string[] }).experimentHeadings ?? []);
  expect(headings).not.toContain(first.title);
  expect(headings.at(-1)).toBe(later.title);
  // The link's group, downloaded while the link was checked; not the first experiment's.
  expect(downloaded).toEqual([later.group]);
});

test("a click in the list on a later group's experiment downloads its group and shows it whole", async ({
  lab,
  page,
}) => {
  const downloaded = plansDownloaded(page);
  await page.goto(`${originMap(lab.origins).app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  // The first experiment comes with the first load, plan and "Why": no group's plans for it.
  await showsWhole(page, first);
  expect(downloaded).toEqual([]);
  await catalogEntry(page, later).click();
  await showsWhole(page, later);
  expect(downloaded).toEqual([later.group]);
  // A group already here shows at once, downloaded no second time.
  const sameGroup = catalog.findLast((e) => e.group === later.group && e !== later && whyStart(e).length > 20)!;
  await catalogEntry(page, sameGroup).click();
  await showsWhole(page, sameGroup);
  // The first group, downloaded with another of its experiments, keeps the first one as the catalog's own:
  // no check of a stale Expect, whose code downloads only for an edited or loaded experiment.
  const scripts: string[] = [];
  page.on('response', (response) => scripts.push(new URL(response.url()).pathname));
  const firstGroupOther = catalog.find((e) => e.group === first.group && e !== first && whyStart(e).length > 20)!;
  await catalogEntry(page, firstGroupOther).click();
  await showsWhole(page, firstGroupOther);
  await catalogEntry(page, first).click();
  await showsWhole(page, first);
  expect(downloaded).toEqual([later.group, first.group]);
  expect(scripts.filter((path) => /\/cors-lab-expect-check-[\w-]{8}\.js$/.test(path))).toEqual([]);
});

test("from the keyboard: End in the list, then Enter, shows the last group's experiment", async ({ lab, page }) => {
  await page.goto(`${originMap(lab.origins).app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await page.getByRole('button', { name: /^Run all \d+$/ }).focus();
  // The list is one tab stop: the entry of the experiment shown.
  await page.keyboard.press('Tab');
  await expect(catalogEntry(page, first)).toBeFocused();
  await page.keyboard.press('End');
  await expect(catalogEntry(page, later)).toBeFocused();
  await page.keyboard.press('Enter');
  await showsWhole(page, later);
});

test('a group whose plans do not download is named, the experiment shown stays, and the page goes on', async ({
  lab,
  page,
}) => {
  await page.route(plansFile(later.group), (route) => route.abort('connectionrefused'));
  await page.goto(`${originMap(lab.origins).app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await catalogEntry(page, later).click();
  await expect(page.getByRole('alert')).toHaveText(
    `The catalog group "${later.group}" did not download: is the lab running? Reload the page to try again.`,
  );
  await expect(page.getByRole('heading', { level: 2, name: first.title, exact: true })).toBeVisible();
  await expect(catalogEntry(page, first)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  // Another group still opens, and the message goes with the next experiment shown.
  const other = catalog.find((e) => e.group !== first.group && e.group !== later.group && whyStart(e).length > 20)!;
  await catalogEntry(page, other).click();
  await showsWhole(page, other);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test("a link whose group's plans do not download says so and shows the first experiment, not a blank page", async ({
  lab,
  page,
}) => {
  await page.route(plansFile(later.group), (route) => route.abort('connectionrefused'));
  await page.goto(`${originMap(lab.origins).app}/${experimentHash(later)}`);
  await expect(page.getByRole('alert')).toHaveText(
    `The catalog group "${later.group}" did not download: is the lab running? Reload the page to try again.`,
  );
  await showsWhole(page, first);
  await shot(page, `catalog-plans-link-failed.png`);
});

test("a broken link to a later group's experiment is said; the first experiment shows, the address kept", async ({
  lab,
  page,
}) => {
  const downloaded = plansDownloaded(page);
  const hash = experimentHash({ ...later, request: { ...later.request, target: 'nowhere' } } as unknown as Experiment);
  await page.goto(`${originMap(lab.origins).app}/${hash}`);
  await expect(page.getByRole('alert')).toContainText('request.target');
  await showsWhole(page, first);
  expect(await page.evaluate(() => location.hash)).toBe(hash);
  // The link's group only (downloaded while the link was checked): the first experiment needs none.
  expect(downloaded).toEqual([later.group]);
});

test("a lesson whose experiments' plans do not download says which group, not a blank lesson", async ({
  lab,
  page,
}) => {
  await page.route(plansFile('preflight'), (route) => route.abort('connectionrefused'));
  await page.goto(`${originMap(lab.origins).app}/?lesson=the-preflight`);
  await expect(page.getByRole('alert')).toHaveText(
    'The catalog group "preflight" did not download: is the lab running? Reload the page to try again.',
  );
});

test("a presenter window whose experiments' plans do not download says which group, and still steps", async ({
  lab,
  page,
}) => {
  await page.route(plansFile('preflight'), (route) => route.abort('connectionrefused'));
  await page.goto(`${originMap(lab.origins).app}/?presenter=the-preflight`);
  await expect(page.getByRole('alert')).toHaveText(
    'The catalog group "preflight" did not download: is the lab running? Reload the page to try again.',
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Presenter: The preflight' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Speaker notes' })).toBeVisible();
});

/** The playground opened on a later group's experiment, in every view (shots: shots-folder.ts). */
const VIEWS = READER_VIEWS;

for (const view of VIEWS) {
  test(`${view.name}: the playground opened on a later group's experiment shows it whole`, async ({ lab, page }) => {
    const zh = view.lang === 'zh-CN';
    await page.setViewportSize({ width: view.width, height: 900 });
    await page.goto(`${originMap(lab.origins).app}/${zh ? '?lang=zh-CN' : ''}${experimentHash(later)}`);
    const status = zh ? (zhTemplates['app.status-label'] as string) : 'lab status';
    const ready = zh ? (zhTemplates['app.status-ready'] as string) : 'ready';
    await expect(page.getByRole('status', { name: status })).toHaveText(ready);
    if (view.presenter) await page.getByRole('button', { name: 'Presenter mode' }).click();
    if (view.dark) await page.getByRole('button', { name: 'Dark theme' }).click();
    const title = zh ? (catalogZhCN[later.id]?.title ?? '') : later.title;
    const heading = page.getByRole('heading', { level: 2, name: title, exact: true });
    await expect(heading).toBeVisible();
    await expect(page.getByText(whyStart(later, view.lang)).first()).toBeVisible();
    await expect(catalogEntry(page, later)).toHaveAttribute('aria-pressed', 'true');
    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const root = document.documentElement;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    });
    expect(scrollWidth, 'page width').toBeLessThanOrEqual(clientWidth);
    await heading.scrollIntoViewIfNeeded();
    await shot(page, `catalog-plans-later-group-${view.name}.png`);
  });
}

test("a link to the learner's own experiment (an id the catalog lacks) downloads no group and shows it", async ({
  lab,
  page,
}) => {
  const downloaded = plansDownloaded(page);
  const proseChunks: string[] = [];
  page.on('request', (request) => {
    if (new RegExp(`/assets/${later.group}-[\\w-]{8}\\.js$`).test(request.url())) proseChunks.push(request.url());
  });
  const own = { ...later, id: 'my-own-experiment', title: 'My own experiment' };
  await page.goto(`${originMap(lab.origins).app}/${experimentHash(own)}`);
  await expect(page.getByRole('heading', { level: 2, name: own.title, exact: true })).toBeVisible();
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(downloaded).toEqual([]);
  expect(proseChunks).toEqual([]);
});

test('a link whose group\'s "Why" does not download still shows the experiment, not a blank page', async ({
  lab,
  page,
}) => {
  // The group's prose chunks (`<group>-<hash>.js`: HTML and Markdown, scripts/catalog-prose-plugin.ts) fail.
  await page.route(new RegExp(`/assets/${later.group}-[\\w-]{8}\\.js$`), (route) => route.abort());
  await page.goto(`${originMap(lab.origins).app}/${experimentHash(later)}`);
  await expect(page.getByRole('heading', { level: 2, name: later.title, exact: true })).toBeVisible();
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await expect(page.getByRole('region', { name: 'Prediction' }).getByRole('heading', { name: /^Prediction:/ }))
    .toBeVisible();
});

test('"Run this experiment" pressed while the chosen one downloads runs the chosen one, once it is here', async ({
  lab,
  page,
}) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(plansFile(later.group), async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${originMap(lab.origins).app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await catalogEntry(page, later).click();
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText(`downloading ${later.id}…`);
  // The panel still shows the first experiment; the learner asks to run what they chose.
  await page.getByRole('button', { name: 'Run this experiment' }).click();
  release();
  const log = page.getByRole('list', { name: 'Log' }).getByTestId('log-row');
  await expect(log).toHaveCount(1);
  await expect(log).toContainText(later.id);
  await expect(log).not.toContainText(first.id);
  await showsWhole(page, later);
});
