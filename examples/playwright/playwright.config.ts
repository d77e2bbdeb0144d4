import { defineConfig } from '@playwright/test';

/** The browser is found as cors-lab finds it: CHROMIUM_PATH, Playwright's own, the system's. */
export default defineConfig({
  testDir: 'tests',
  testIgnore: process.env.DELIBERATELY_WRONG ? [] : ['deliberately-wrong.spec.ts'],
  reporter: [['list'], ['cors-lab/reporter']],
  use: { browserName: 'chromium', headless: true },
});
