import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './runner/find-browser.ts';
import { paced } from './test/pace/machine-pace.ts';

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  // Limits for a quiet machine, stretched on a busy one (test/pace/machine-pace.ts).
  timeout: paced(30_000),
  expect: { timeout: paced(5_000) },
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
});
