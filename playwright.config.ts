import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './runner/find-browser.ts';
import { paced } from './test/pace/machine-pace.ts';
import { CONFIG_DIR_ENV } from './servers/config-folder.ts';
import { fileURLToPath } from 'node:url';

// The secure origin's CA for tests: in the work tree's git-ignored tmp/, never the user's config folder; a folder
// of its own for each runner, so that the two may run at once (npm run test:unit beside npm run test:e2e).
process.env[CONFIG_DIR_ENV] = fileURLToPath(new URL('./tmp/test-config/browser/', import.meta.url));

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
