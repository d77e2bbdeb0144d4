/**
 * Where each engine's browser is found and how it starts, for `cors-lab run --browser`. An engine
 * that is not installed is named with what to install (each finder's error says it per OS), so a
 * run can skip it out loud, never silently.
 */
import type { EngineBrowser, EngineName } from '../engines/engine.ts';
import { findFirefox } from '../engines/firefox/find-firefox.ts';
import { findWebKit } from '../engines/webkit/webkit-browser.ts';
import type { BrowserSettings } from '../format/schema.ts';
import type { SecureOriginTrust } from '../engines/secure-origin-trust.ts';
import { findChromium } from './find-browser.ts';

/** Why `engine` cannot run here (its finder's message: what to install), or null when it can. */
export function missingEngine(engine: EngineName, env: NodeJS.ProcessEnv = process.env): string | null {
  const finders: Record<EngineName, () => unknown> = {
    chromium: () => findChromium(env),
    firefox: () => findFirefox(env),
    webkit: () => findWebKit(env),
  };
  try {
    finders[engine]();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export type OtherEngine = Exclude<EngineName, 'chromium'>;
/** `trust`: the lab's `secure` origin, whose certificate alone the browser trusts (absent: no https origin). */
export type EngineLauncher = (
  thirdPartyCookies: BrowserSettings['thirdPartyCookies'],
  trust?: SecureOriginTrust,
) => Promise<EngineBrowser>;

/** Loaded on demand: a run in Chromium alone never loads puppeteer-core. */
export const LAUNCHERS: Record<OtherEngine, EngineLauncher> = {
  firefox: async (thirdPartyCookies, trust) =>
    (await import('../engines/firefox/firefox-browser.ts')).launchFirefox({ thirdPartyCookies, trust }),
  webkit: async (thirdPartyCookies, trust) =>
    (await import('../engines/webkit/webkit-browser.ts')).launchWebKit({ thirdPartyCookies, trust }),
};
