/**
 * A page on `evil` tries to plant or wipe browser state through planned URLs
 * it builds itself: by a top-level navigation, a frame, a popup, a form post,
 * and its own no-cors requests, with a made-up run id and with one the lab
 * issued (as if it had leaked). In a Chromium that allows third-party cookies
 * (the worst case: a desktop Chrome's setting), the browser's cookies, the
 * app origin's lesson progress and another localhost port's session cookie
 * must stay exactly as they were, while the journal shows each request
 * arrived and what the lab withheld. plan/lasting-headers.ts holds the rules.
 * With the rules switched off, the plant-and-wipe tests fail (measured: cookies and progress wiped).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';
import { PROGRESS_KEY } from '../../client/lessons/progress.ts';
import type { ServerPlan } from '../../format/schema.ts';
import { launchAllowingThirdPartyCookies, type ProfileBrowser } from '../../runner/launch.ts';
import type { Lab } from '../../servers/lab.ts';
import { originMap } from '../../plan/origins.ts';
import { encodePlan, plannedPath } from '../../plan/plan-url.ts';
import { formPost } from '../hostile/form-post.ts';
import { expect, test as labTest } from './lab-fixture.ts';

/** A dev server of the user's on another localhost port, which sets its own session cookie. */
function otherDevServer(): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': 'session=keep-me; Path=/; HttpOnly; SameSite=Lax; Max-Age=86400' });
    res.end('<!doctype html><link rel="icon" href="data:,"><title>my app</title>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const test = labTest.extend<object, { allowing: ProfileBrowser; devServer: string }>({
  allowing: [
    async ({ lab }, use) => {
      const browser = await launchAllowingThirdPartyCookies(lab.origins);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  devServer: [
    async ({}, use) => {
      const server = await otherDevServer();
      await use(`http://localhost:${(server.address() as AddressInfo).port}/`);
      await new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      });
    },
    { scope: 'worker' },
  ],
});

const PROGRESS = '{"simple-get":{"predicted":true,"solved":true}}';

/** Everything a plan must not touch: the cookie jar (every cookie, every field that matters) and app's lesson progress. */
async function browserState(context: BrowserContext, page: Page, lab: Lab) {
  const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}; Domain=${c.domain}; Path=${c.path}; Expires=${Math.round(c.expires)}`).sort();
  await page.goto(`${originMap(lab.origins).app}/__runner`);
  const progress = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
  return { cookies, progress };
}

/** The user's state before the attack: a session on another localhost port, lesson progress on app. */
async function seed(context: BrowserContext, page: Page, lab: Lab, devServer: string) {
  await context.clearCookies();
  await page.goto(devServer);
  await page.goto(`${originMap(lab.origins).app}/__runner`);
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [PROGRESS_KEY, PROGRESS]);
  const before = await browserState(context, page, lab);
  expect(before.cookies).toEqual([expect.stringMatching(/^session=keep-me; Domain=localhost; Path=\/;/)]);
  expect(before.progress).toBe(PROGRESS);
  return before;
}

/** What a hostile page plans: cookies for every localhost port for a day, and a wipe of cookies and storage. */
const PLANT_AND_WIPE: ServerPlan = {
  actual: {
    headers: {
      'Set-Cookie': ['pwn=1; Path=/; Max-Age=86400; SameSite=None; Secure', 'lax=1; Path=/; Domain=localhost; Max-Age=86400'],
      'Clear-Site-Data': '"cookies", "storage"',
    },
  },
};
/** 8 cookies whose `{page}` tokens expand to about 8 KB: the lab refuses the plan (400). */
const OVERSIZED: ServerPlan = { actual: { headers: { 'Set-Cookie': Array.from({ length: 8 }, (_, i) => `big${i}=${'{page}'.repeat(40)}; Path=/; Max-Age=86400`) } } };

type Vector = 'top-level navigation' | 'frame' | 'popup' | 'form post';

/** From a page on evil, makes the browser load `url` by one vector; resolves once it has loaded. */
async function attack(page: Page, lab: Lab, vector: Vector, url: string): Promise<void> {
  await page.goto(`${originMap(lab.origins).evil}/__runner`);
  if (vector === 'top-level navigation') {
    await Promise.all([page.waitForURL(url), page.evaluate((u) => void location.assign(u), url)]);
  } else if (vector === 'form post') {
    await formPost(page, url);
  } else if (vector === 'frame') {
    const framed = (u: string): Promise<void> =>
      new Promise((resolve) => {
        const frame = document.createElement('iframe');
        frame.onload = () => resolve();
        frame.src = u;
        document.body.append(frame);
      });
    await page.evaluate(framed, url);
  } else {
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((u) => void window.open(u), url)]);
    await popup.waitForLoadState('load');
    await popup.close();
  }
}

const VECTORS: Vector[] = ['top-level navigation', 'frame', 'popup', 'form post'];

for (const vector of VECTORS) {
  for (const id of ['made-up', 'issued'] as const) {
    test(`evil plants and wipes by a ${vector} to a planned URL with a ${id} run id: nothing changes`, async ({ lab, allowing, devServer }) => {
      const origins = originMap(lab.origins);
      const page = await allowing.context.newPage();
      const before = await seed(allowing.context, page, lab, devServer);
      const run = id === 'issued' ? lab.newRunId() : `evil-${vector.replace(/\W+/g, '-')}`;
      const url = `${origins.app}${plannedPath(run, 0, encodePlan({ page: 'evil', server: PLANT_AND_WIPE }), '/')}`;
      await attack(page, lab, vector, url);
      expect(await browserState(allowing.context, page, lab)).toEqual(before);
      // The request arrived and was answered 200; the lab withheld the cookies and the wipe, and says why.
      const [entry] = lab.journal.read(run).entries;
      expect(entry?.status).toBe(200);
      expect(entry?.withheld?.map((w) => [w.name, w.sent])).toEqual([['Set-Cookie', null], ['Set-Cookie', null], ['Clear-Site-Data', null]]);
      expect(entry?.withheld?.[0]?.why).toMatch(id === 'issued' ? /Sec-Fetch-Mode: navigate/ : /was not issued by this lab/);
      await page.close();
    });
  }
  test(`evil plants 8 KB of cookies by a ${vector}: refused with a 400, nothing changes`, async ({ lab, allowing, devServer }) => {
    const page = await allowing.context.newPage();
    const before = await seed(allowing.context, page, lab, devServer);
    const run = lab.newRunId();
    await attack(page, lab, vector, `${originMap(lab.origins).app}${plannedPath(run, 0, encodePlan({ page: 'evil', server: OVERSIZED }), '/')}`);
    expect(lab.journal.read(run).entries.map((e) => e.status)).toEqual([400]);
    expect(await browserState(allowing.context, page, lab)).toEqual(before);
    await page.close();
  });
}

test('evil\'s own fetch, image, script, object and embed requests to planned URLs with a made-up run id set nothing', async ({ lab, allowing, devServer }) => {
  const origins = originMap(lab.origins);
  const page = await allowing.context.newPage();
  const before = await seed(allowing.context, page, lab, devServer);
  const runs = ['evil-fetch', 'evil-image', 'evil-script', 'evil-object', 'evil-embed'] as const;
  const [fetched, image, script, object, embed] = runs.map((run) => `${origins.app}${plannedPath(run, 0, encodePlan({ page: 'evil', server: PLANT_AND_WIPE }), '/')}`);
  await page.goto(`${origins.evil}/__runner`);
  await page.evaluate(
    async (urls) => {
      await fetch(urls.fetched, { mode: 'no-cors', credentials: 'include' });
      const load = (element: HTMLImageElement | HTMLScriptElement, src: string): Promise<void> =>
        new Promise((resolve) => {
          element.onload = element.onerror = () => resolve();
          element.src = src;
          document.body.append(element);
        });
      await load(new Image(), urls.image);
      await load(document.createElement('script'), urls.script);
      const object = document.createElement('object');
      object.data = urls.object;
      const embed = document.createElement('embed');
      embed.src = urls.embed;
      document.body.append(object, embed);
    },
    { fetched: fetched!, image: image!, script: script!, object: object!, embed: embed! },
  );
  // Object and embed load on their own time: wait for each request to reach the lab.
  for (const run of runs) await expect.poll(() => lab.journal.read(run).entries.length, { message: run }).toBe(1);
  expect(await browserState(allowing.context, page, lab)).toEqual(before);
  for (const run of runs) {
    const [entry] = lab.journal.read(run).entries;
    expect(entry?.withheld?.map((w) => w.name), run).toEqual(['Set-Cookie', 'Set-Cookie', 'Clear-Site-Data']);
  }
  await page.close();
});

test('a run\'s own credentialed fetch gets its cookie, held to the run\'s path for at most 10 minutes; still no wipe', async ({ lab, allowing, devServer }) => {
  const origins = originMap(lab.origins);
  const page = await allowing.context.newPage();
  const before = await seed(allowing.context, page, lab, devServer);
  const run = lab.newRunId();
  const server: ServerPlan = { actual: { headers: { ...PLANT_AND_WIPE.actual!.headers, 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true' } } };
  const url = `${origins.api}${plannedPath(run, 0, encodePlan({ page: 'app', server }), '/cookie')}`;
  await page.goto(`${origins.app}/__runner`);
  const started = Date.now() / 1000;
  expect(await page.evaluate((u) => fetch(u, { credentials: 'include' }).then((r) => r.status), url)).toBe(200);
  const planted = (await allowing.context.cookies()).filter((c) => c.name !== 'session');
  expect(planted.map((c) => [c.name, c.domain, c.path]).sort()).toEqual([['lax', 'localhost', `/__cl/${run}/`], ['pwn', 'localhost', `/__cl/${run}/`]]);
  for (const cookie of planted) {
    // A persistent cookie (not a session one, expires -1) that ends within the lab's 600 s.
    expect(cookie.expires).toBeGreaterThan(started);
    expect(cookie.expires - started).toBeLessThanOrEqual(601);
  }
  const after = await browserState(allowing.context, page, lab);
  expect(after.progress).toBe(PROGRESS);
  expect(after.cookies).toEqual(expect.arrayContaining(before.cookies));
  await page.close();
});

test('evil cannot read run ids from /__lab/run-ids; the playground on app can', async ({ lab, page }) => {
  const origins = originMap(lab.origins);
  const url = `${origins.app}/__lab/run-ids`;
  await page.goto(`${origins.evil}/__runner`);
  const read = (u: string): Promise<string> => fetch(u, { credentials: 'include' }).then((r) => r.text(), (e: Error) => `refused: ${e.name}`);
  expect(await page.evaluate(read, url)).toBe('refused: TypeError');
  await page.goto(`${origins.app}/__runner`);
  expect(JSON.parse(await page.evaluate(read, url))).toEqual({ runs: [expect.stringMatching(/^[0-9a-f]{32}-[0-9a-f]{24}$/)] });
});
