/**
 * The Chromium every lab run launches (runner/launch.ts, runner/chromium-features.ts) opens no browser-UI page of
 * its own beside the page under test: each would cost a renderer process per context.
 */
import { expect, test } from '@playwright/test';
import { launchChromium } from '../../runner/launch.ts';

test('a lab launch opens no browser-UI page beside the one under test', async () => {
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto('about:blank');
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = await session.send('Target.getTargets', { filter: [{}] });
    expect(targetInfos.map((t) => `${t.type} ${t.url}`).filter((t) => !/^(page|tab) about:blank$/.test(t))).toEqual([]);
  } finally {
    await browser.close();
  }
});
