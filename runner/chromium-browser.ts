/**
 * The Chromium driver (engines/engine.ts): headless Chromium launched as every
 * lab run launches it (launch.ts), a browser context per session, a
 * ChromiumTab per runner page. Chromium tells each step's reason over the
 * DevTools Protocol, attributed by URL, so sessions run steps side by side.
 */
import type { EngineBrowser, EngineSession } from '../engines/engine.ts';
import type { LabOrigin } from '../plan/origins.ts';
import { ChromiumTab } from './chromium-tab.ts';
import { DEFAULT_CONCURRENCY } from './concurrency.ts';
import { launchChromium } from './launch.ts';

/** `origins`: the running lab's, so its `public` origin is a public address space (launch.ts). */
export async function launchChromiumEngine(origins?: readonly LabOrigin[]): Promise<EngineBrowser> {
  const browser = await launchChromium(origins);
  return {
    engine: 'chromium',
    version: `chromium ${browser.version()}`,
    sessionsAtOnce: DEFAULT_CONCURRENCY,
    async newSession(): Promise<EngineSession> {
      const context = await browser.newContext();
      return {
        openTab: async (runnerUrl) => ChromiumTab.open(await context.newPage(), runnerUrl),
        clearCookies: () => context.clearCookies(),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
