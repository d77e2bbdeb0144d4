/**
 * Class mode as a room sees it, on this machine: `.test` names (never resolvable on the internet) that Chromium maps
 * to 127.0.0.1, with the sites of the origins table kept apart. Shared by the class-mode specs.
 */
import { CHROMIUM_ARGS, findChromium } from '../../runner/find-browser.ts';

export const CLASS_NAMES = {
  app: 'class.test',
  api: 'class.test',
  api2: 'class.test',
  partner: 'partner-room.test',
  public: 'partner-room.test',
  evil: 'evil-room.test',
} as const;

/** Launch options for a Chromium that resolves the class names to loopback. */
export const CLASS_LAUNCH = { executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP *.test 127.0.0.1'] };
