/**
 * The same attack where browsers send no Fetch Metadata: class mode, every
 * origin under a `.test` name (mapped to 127.0.0.1, so traffic stays on this
 * machine), which is not a secure context. A page on evil navigates (top level,
 * frame, popup, form post) to planned URLs of a run the lab issued, as if its
 * id had leaked: with no `Sec-Fetch-*` to read, the navigation still shows by
 * `Upgrade-Insecure-Requests`, and the lab withholds the plan's cookies and wipe
 * (plan/fetch-destination.ts). The browser's cookies stay as they were.
 */
import { expect, test, type Page } from '@playwright/test';
import type { ServerPlan } from '../../format/schema.ts';
import { startLab, type Lab } from '../../servers/lab.ts';
import { formPost } from '../hostile/form-post.ts';
import { CLASS_LAUNCH, CLASS_NAMES } from './class-names.ts';
import { originMap } from '../../plan/origins.ts';
import { encodePlan, plannedPath } from '../../plan/plan-url.ts';

test.use({ launchOptions: CLASS_LAUNCH });

let lab: Lab;
test.beforeAll(async () => {
  lab = await startLab({ names: CLASS_NAMES });
});
test.afterAll(() => lab.close());

const PLANT_AND_WIPE: ServerPlan = { actual: { headers: { 'Set-Cookie': 'pwn=1; Path=/; Max-Age=86400', 'Clear-Site-Data': '"cookies", "storage"' } } };

const VECTORS = {
  'top-level navigation': async (page: Page, url: string) => {
    await Promise.all([page.waitForURL(url), page.evaluate((u) => void location.assign(u), url)]);
  },
  frame: async (page: Page, url: string) => {
    await page.evaluate(
      (u) =>
        new Promise<void>((resolve) => {
          const frame = document.createElement('iframe');
          frame.onload = () => resolve();
          frame.src = u;
          document.body.append(frame);
        }),
      url,
    );
  },
  popup: async (page: Page, url: string) => {
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((u) => void window.open(u), url)]);
    await popup.waitForLoadState('load');
    await popup.close();
  },
  'form post': formPost,
};

for (const [vector, attack] of Object.entries(VECTORS)) {
  test(`not a secure context: a ${vector} from evil to a planned URL of an issued run sets nothing`, async ({ page, context }) => {
    const origins = originMap(lab.origins);
    await page.goto(`${origins.app}/__runner`);
    await page.evaluate(() => (document.cookie = 'mine=1; Path=/; Max-Age=3600'));
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    const before = (await context.cookies()).map((c) => `${c.name}=${c.value}; Domain=${c.domain}; Path=${c.path}`);
    expect(before).toEqual(['mine=1; Domain=class.test; Path=/']);
    const run = lab.newRunId();
    await page.goto(`${origins.evil}/__runner`);
    await attack(page, `${origins.app}${plannedPath(run, 0, encodePlan({ page: 'evil', server: PLANT_AND_WIPE }), '/')}`);
    expect((await context.cookies()).map((c) => `${c.name}=${c.value}; Domain=${c.domain}; Path=${c.path}`)).toEqual(before);
    const [entry] = lab.journal.read(run).entries;
    expect(Object.keys(entry?.requestHeaders ?? {}).filter((name) => name.startsWith('sec-fetch-'))).toEqual([]);
    expect(entry?.withheld?.map((w) => w.name)).toEqual(['Set-Cookie', 'Clear-Site-Data']);
    expect(entry?.withheld?.[0]?.why).toMatch(/Upgrade-Insecure-Requests/);
  });
}
