/**
 * The user's config folder for cors-lab, where the lab keeps what it makes
 * once per machine (the `secure` origin's CA). Never inside the repository or
 * the package: a key there could be committed or published.
 *
 * `CORS_LAB_CONFIG_DIR` overrides it (tests set it, so they never touch the
 * real home folder).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CONFIG_DIR_ENV = 'CORS_LAB_CONFIG_DIR';
const APP_FOLDER = 'cors-lab';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The usual place per system: `$XDG_CONFIG_HOME/cors-lab`, else
 * `~/.config/cors-lab` (XDG Base Directory); `~/Library/Application Support`
 * on macOS; `%APPDATA%` on Windows.
 */
export function configFolder(env: Env = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  const override = env[CONFIG_DIR_ENV];
  if (override) return override;
  if (platform === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env['XDG_CONFIG_HOME'];
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.config'), APP_FOLDER);
}
