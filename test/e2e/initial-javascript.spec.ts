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
 * Not reached yet: the lessons of both languages, marked + DOMPurify and zod still load up front
 * (about 173 kB compressed, of 666 kB). This ceiling keeps the first load from growing until they
 * load lazily; lower it to TARGET_BYTES as they do.
 */
const CEILING_BYTES = 180_000;

const ready = (heading: RegExp) => async (page: Page): Promise<void> => {
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
};

for (const [what, query, heading] of [
  ['the English playground', '', /^simple Run \d+: group simple$/],
  ['an English lesson page', '?lesson=the-preflight', /^Lesson 4: The preflight$/],
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
    expect(measured.wire, files).toBeLessThanOrEqual(CEILING_BYTES);
  });
}

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
