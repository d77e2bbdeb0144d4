// The bare floor for Chromium (floor.ts says what it includes and why). Plain JavaScript with nothing of cors-lab
// in it: Node, node:http, playwright-core and the floors' shared modules (floor-servers.mjs, floor-page-step.mjs,
// floor-schedule.mjs). Reads its work as JSON on stdin (floor.ts), runs it, prints its time as a JSON last line, and
// exits; every server and browser it started is closed at the end.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { pageStep } from './floor-page-step.mjs';
import { opensPopup, perApiLines, runFloorWork } from './floor-schedule.mjs';
import { startFloorServers } from './floor-servers.mjs';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { executablePath, args, concurrency, origins, experiments, profile } = JSON.parse(input);

// Timed from here, as the catalog's time starts with the lab's servers: Node's start and imports are not the floor's.
const started = performance.now();
// One server per origin the work names, as the lab has one per origin (other ports, other sites, other processes).
const servers = await startFloorServers(origins, experiments);
const overrides = origins.filter((o) => o.addressSpace === 'public')
  .map((o) => `--ip-address-space-overrides=127.0.0.1:${new URL(servers.base[o.name]).port}=public`);
const launchArgs = [...args, ...overrides];

/** A browser context as a floor session (floor-schedule.mjs); a popup's load is awaited by its `page` event. */
function session(context) {
  // A persistent context starts with a page: the first one asked for.
  let initial = context.pages()[0];
  return {
    newPage: async () => {
      const page = initial ?? (await context.newPage());
      initial = undefined;
      return page;
    },
    goto: async (page, url) => void (await page.goto(url, { waitUntil: 'domcontentloaded' })),
    run: async (page, step) => {
      const popup = opensPopup(step) ? context.waitForEvent('page', { predicate: (p) => p !== page }) : null;
      await page.evaluate(pageStep, step);
      if (popup) {
        const opened = await popup;
        await opened.waitForURL((u) => u.href.startsWith(step.url), { waitUntil: 'load' });
        await opened.close();
      }
    },
    clearCookies: () => context.clearCookies(),
    setLocalNetworkAccess: async (value) => {
      if (value === 'granted') await context.grantPermissions(['local-network-access']);
      else await context.clearPermissions();
    },
    close: () => context.close(),
  };
}

const browser = await chromium.launch({ executablePath, headless: true, args: launchArgs });
const profileDir = await mkdtemp(join(tmpdir(), 'cors-lab-floor-'));
try {
  const main = Array.from({ length: concurrency }, async () => session(await browser.newContext()));
  // Third-party cookies allowed is a profile preference: a browser of its own, one context, as a run needs.
  const openAllowing = async () => {
    await mkdir(join(profileDir, 'Default'));
    const preferences = JSON.stringify({ profile: { cookie_controls_mode: 0 } });
    await writeFile(join(profileDir, 'Default', 'Preferences'), preferences);
    const options = { executablePath, headless: true, args: launchArgs };
    return [session(await chromium.launchPersistentContext(profileDir, options))];
  };
  const perApi = await runFloorWork({ experiments, base: servers.base }, main, openAllowing, 'after-first');
  if (profile) for (const line of perApiLines(perApi)) console.log(line);
} finally {
  await browser.close();
  servers.close();
  await rm(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}
// The last line: the floor's time, for floor.ts.
console.log(JSON.stringify({ floorMs: performance.now() - started }));
