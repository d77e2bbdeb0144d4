/**
 * What a learner's browser downloads before the playground or a lesson is
 * usable, measured in real Chromium from the script responses it reports
 * (test/bench/initial-javascript.ts), on a cold first visit.
 */
import type { Page } from '@playwright/test';
import { originMap } from '../../servers/origins.ts';
import { initialJavaScript } from '../bench/initial-javascript.ts';
import { expect, test } from './lab-fixture.ts';

/** Issue 16's target for the English playground and a lesson page: 90 kB (of 1000 bytes), on the wire. */
const TARGET_BYTES = 90_000;
/**
 * Not reached yet. The lessons load lazily (an index of titles up front, each lesson when a page
 * shows it), and so does zod on the playground (the catalog is checked by its tests, not on load; an
 * edited or shared experiment downloads the schema when it is checked). What is left up front is the
 * model and the elements, the catalog, marked + DOMPurify (the first paint shows prose: the
 * prediction's "Why", the lesson's narrative), and on a lesson page zod again (the lesson's front
 * matter is parsed in the browser). These ceilings, about 5 kB over today's figures (124.6 kB and
 * 154.7 kB), keep the first load from growing; lower them to TARGET_BYTES as the rest loads lazily.
 */
const CEILING_BYTES = { playground: 130_000, lesson: 158_000 };

/** zod's chunk (vite.config.ts names it): the schema checker, downloaded when an experiment is checked. */
const ZOD_FILE = /\/assets\/zod-[\w-]{8}\.js$/;

/** A lesson's own chunk: the Markdown of `lessons/<lang>/NN-slug.md`, named `NN-slug-<hash>.js` by the build. */
const LESSON_FILE = /\/assets\/\d{2}-[a-z0-9-]+-[\w-]{8}\.js$/;

const ready = (heading: RegExp) => async (page: Page): Promise<void> => {
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
};

for (const [what, query, heading, kind] of [
  ['the English playground', '', /^simple Run \d+: group simple$/, 'playground'],
  ['an English lesson page', '?lesson=the-preflight', /^Lesson 4: The preflight$/, 'lesson'],
] as const) {
  test(`${what}: its first load sends its JavaScript compressed, within the ceiling`, async ({ lab, page }) => {
    const measured = await initialJavaScript(page, `${originMap(lab.origins).app}/${query}`, ready(heading));
    const files = measured.files.join(', ');
    test.info().annotations.push({
      type: 'initial JavaScript',
      description: `${measured.wire} bytes on the wire (target ${TARGET_BYTES}), ${measured.decoded} decoded: ${files}`,
    });
    expect(measured.files.length).toBeGreaterThan(0);
    // Compressed: brotli makes this JavaScript about 4 times smaller; identity would be over 2.5 times the wire bytes.
    expect(measured.wire, files).toBeLessThan(measured.decoded / 2.5);
    expect(measured.wire, files).toBeLessThanOrEqual(CEILING_BYTES[kind]);
  });
}

test('the playground downloads no lesson and no zod; a lesson page only its own, in its language', async ({ lab, page }) => {
  const app = originMap(lab.origins).app;
  const playground = await initialJavaScript(page, `${app}/`, ready(/^simple Run \d+: group simple$/));
  expect(playground.files.filter((file) => LESSON_FILE.test(file))).toEqual([]);
  expect(playground.files.filter((file) => ZOD_FILE.test(file))).toEqual([]);

  const lessonPage = await initialJavaScript(page, `${app}/?lesson=the-preflight`, ready(/^Lesson 4: The preflight$/));
  const lessonFiles = lessonPage.files.filter((file) => LESSON_FILE.test(file));
  expect(lessonFiles).toHaveLength(1);
  expect(lessonFiles[0]).toMatch(/\/04-the-preflight-/);
  // The English file, not its Chinese translation of the same name: English words, no Han characters.
  // The lesson as the page shows it, built at build time: its front matter checked, its narrative HTML.
  const text = await page.evaluate(
    async (path) => JSON.stringify(((await import(path)) as { default: unknown }).default, null, 1),
    lessonFiles[0] ?? '',
  );
  expect(text).toContain('"title": "The preflight"');
  expect(text).toContain('"narrativeHtml": [');
  expect(text).not.toMatch(/\p{Script=Han}/u);
});

test('a second visit downloads no script again: hashed assets come from the cache, the page revalidates', async ({ lab, page }) => {
  const app = originMap(lab.origins).app;
  await page.goto(`${app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  const fromNetwork: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script' && !response.fromServiceWorker()) fromNetwork.push(`${response.status()} ${response.url()}`);
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const cached: string[] = [];
  cdp.on('Network.requestServedFromCache', (event) => cached.push(event.requestId));
  const sent: string[] = [];
  cdp.on('Network.requestWillBeSentExtraInfo', (event) => sent.push(event.requestId));
  const scripts: string[] = [];
  cdp.on('Network.responseReceived', (event) => {
    if (event.type === 'Script') scripts.push(event.requestId);
  });
  await page.goto(`${app}/?again`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  expect(scripts.length).toBeGreaterThan(0);
  // Each script was served from the cache, and none reached the server (no request headers went out for it).
  expect(scripts.filter((id) => !cached.includes(id)), fromNetwork.join('\n')).toEqual([]);
  expect(scripts.filter((id) => sent.includes(id))).toEqual([]);
});
