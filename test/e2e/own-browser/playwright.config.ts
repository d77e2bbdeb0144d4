/**
 * A user's config naming their own Chromium (`use.launchOptions.executablePath`) and launch arguments, run by
 * fixture-browser-settings.spec.ts as a Playwright process of its own. The executable is a wrapper that notes
 * its start in OWN_BROWSER_MARKER, then runs the Chromium cors-lab would have found.
 */
import { defineConfig } from '@playwright/test';
import { chmodSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findChromium } from '../../../runner/find-browser.ts';

const marker = process.env.OWN_BROWSER_MARKER;
if (!marker) throw new Error('OWN_BROWSER_MARKER: the file the wrapper touches (set by fixture-browser-settings.spec.ts)');
const wrapper = join(dirname(marker), 'my-chromium');
writeFileSync(wrapper, `#!/bin/sh\ntouch '${marker}'\nexec '${findChromium()}' "$@"\n`);
chmodSync(wrapper, 0o755);

export default defineConfig({
  testDir: '.',
  testMatch: 'own-browser.inner.ts',
  workers: 1,
  reporter: 'line',
  use: { browserName: 'chromium', headless: true },
  projects: [
    { name: 'own-executable', use: { launchOptions: { executablePath: wrapper, args: ['--user-agent=cors-lab-own-settings'] } } },
    // A channel no machine has: the launch must fail naming it (cors-lab's executablePath would hide it).
    { name: 'own-channel', use: { channel: 'chrome-cors-lab-absent' } },
  ],
});
