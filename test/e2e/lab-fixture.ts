/**
 * A lab on free ports for each Playwright worker; tests get it as `lab`, and
 * `labBrowser`, a Chromium that knows the lab's public origin (Local Network
 * Access), for runExperiments(..., { browserKnowsPublic: true }).
 */
import { test as base } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../runner/launch.ts';
import { startLab, type Lab } from '../../servers/lab.ts';

export const test = base.extend<object, { lab: Lab; labBrowser: Browser }>({
  lab: [
    async ({}, use) => {
      const lab = await startLab();
      await use(lab);
      await lab.close();
    },
    { scope: 'worker' },
  ],
  labBrowser: [
    async ({ lab }, use) => {
      const browser = await launchChromium(lab.origins);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
