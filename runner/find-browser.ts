/**
 * Finds a Chromium to drive, in the order browser-facts gives:
 * CHROMIUM_PATH, Playwright's own download, then the Debian paths.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { DISABLE_FEATURES_ARG } from './chromium-features.ts';

export const CHROMIUM_PATH_ENV = 'CHROMIUM_PATH';

/** `/usr/bin/chromium` is Debian's wrapper script; the real binary comes first. */
const SYSTEM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export class BrowserNotFoundError extends Error {
  constructor(detail: string) {
    super(
      `${detail}\nInstall a Chromium, then run again:\n` +
        '  Debian/Ubuntu:  sudo apt-get install -y chromium\n' +
        '  any system:     npx playwright install chromium\n' +
        `  or point ${CHROMIUM_PATH_ENV} at a Chromium or Chrome binary.`,
    );
    this.name = 'BrowserNotFoundError';
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env[CHROMIUM_PATH_ENV];
  if (explicit) {
    if (!existsSync(explicit)) throw new BrowserNotFoundError(`${CHROMIUM_PATH_ENV}=${explicit} does not exist.`);
    return explicit;
  }
  let playwrights: string | undefined;
  try {
    playwrights = chromium.executablePath();
  } catch {
    playwrights = undefined;
  }
  for (const candidate of [playwrights, ...SYSTEM_PATHS]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new BrowserNotFoundError('No Chromium found.');
}

/**
 * Flags for a quiet, closed-network machine: no background connections
 * that would be refused, no first-run UI. What the `cors-lab/playwright`
 * fixture adds to a user's own Chromium; their Playwright's feature list stays theirs.
 */
export const QUIET_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Every Chromium the lab launches: quiet, and without the browser parts a headless run never shows (chromium-features.ts). */
export const CHROMIUM_ARGS = [...QUIET_ARGS, DISABLE_FEATURES_ARG];
