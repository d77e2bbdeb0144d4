/**
 * Finds a Firefox to drive: FIREFOX_PATH, then Debian's firefox-esr and the usual install paths
 * of Linux, macOS and Windows. The message of a miss says what to install, so a run can name the
 * engine it skips.
 */
import { existsSync } from 'node:fs';

export const FIREFOX_PATH_ENV = 'FIREFOX_PATH';

const SYSTEM_PATHS = [
  '/usr/bin/firefox-esr',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

export class FirefoxNotFoundError extends Error {
  constructor(detail: string) {
    super(
      `${detail}\nInstall Firefox, then run again:\n` +
        '  Debian/Ubuntu:  sudo apt-get install -y --no-install-recommends firefox-esr\n' +
        '  macOS, Windows: install Firefox from https://www.mozilla.org/firefox/\n' +
        `  or point ${FIREFOX_PATH_ENV} at a Firefox binary.`,
    );
    this.name = 'FirefoxNotFoundError';
  }
}

export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env[FIREFOX_PATH_ENV];
  if (explicit) {
    if (!existsSync(explicit)) throw new FirefoxNotFoundError(`${FIREFOX_PATH_ENV}=${explicit} does not exist.`);
    return explicit;
  }
  const found = SYSTEM_PATHS.find((candidate) => existsSync(candidate));
  if (!found) throw new FirefoxNotFoundError('No Firefox found.');
  return found;
}
