/** Run by fixture-browser-settings.spec.ts under own-browser/playwright.config.ts (not by the main suite). */
import { existsSync } from 'node:fs';
import { test, expect } from '../../../api/playwright.ts';
import { startApi } from '../probe-servers.ts';

test("the fixture probes with the user's executablePath and keeps the user's launch arguments", async ({ cors, browser }) => {
  const api = await startApi({ '/items': { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } });
  try {
    const result = await cors.probe({ url: `${api.url}/items`, origin: 'http://localhost:3000' });
    expect(result.outcome).toBe('allowed');
    expect(existsSync(process.env.OWN_BROWSER_MARKER ?? '')).toBe(true);
    const page = await browser.newPage();
    expect(await page.evaluate(() => navigator.userAgent)).toBe('cors-lab-own-settings');
    await page.close();
  } finally {
    await api.close();
  }
});
