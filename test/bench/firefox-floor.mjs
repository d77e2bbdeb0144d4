// The bare floor for Firefox (floor.ts says what it includes and why). Plain JavaScript with nothing of cors-lab in
// it: Node, node:http, puppeteer-core over WebDriver BiDi (the lab's Firefox driver, engines/firefox/) and the floors'
// shared modules (floor-servers.mjs, floor-page-step.mjs, floor-schedule.mjs). Reads its work as JSON on stdin
// (floor.ts), runs it, prints its time as a JSON last line, and exits; every server and browser it started is closed.
import puppeteer from 'puppeteer-core';
import { pageStep } from './floor-page-step.mjs';
import { opensPopup, perApiLines, runFloorWork } from './floor-schedule.mjs';
import { startFloorServers } from './floor-servers.mjs';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { executablePath, sessions, cookieBehavior, stepLimitMs, origins, experiments, profile } = JSON.parse(input);

/**
 * A step that never ends would hang the bench: past the lab's own step limit the floor fails, naming the step (a
 * limit on a hang, never a figure).
 */
async function withinLimit(work, step) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`firefox floor: no end to ${step.api} ${step.url}`)), stepLimitMs);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A new tab, asked for again when Firefox discards it while creating it (a known race of its remote agent, as the
 * lab's driver does: engines/firefox/new-tab.ts), at most 3 times.
 */
async function newTab(context) {
  for (let tried = 1; ; tried++) {
    try {
      return await context.newPage();
    } catch (error) {
      if (tried >= 3 || !String(error).includes('DiscardedBrowsingContextError')) throw error;
    }
  }
}

/**
 * A browser context as a floor session (floor-schedule.mjs), as the lab's driver uses one: a tab per runner page,
 * and after a step that opened a popup, the wait until the context has no more tabs than before it (no popup event;
 * the page closes what it holds, a popup without an opener closes itself: engines/popups-gone.ts).
 */
function session(context) {
  const tabs = async () => (await context.pages()).length;
  return {
    newPage: () => newTab(context),
    goto: async (page, url) => void (await page.goto(url, { waitUntil: 'domcontentloaded' })),
    run: async (page, step) => {
      const before = opensPopup(step) ? await tabs() : 0;
      await withinLimit(page.evaluate(pageStep, step), step);
      if (!opensPopup(step)) return;
      await withinLimit((async () => {
        while ((await tabs()) > before) await new Promise((resolve) => setTimeout(resolve, 25));
      })(), step);
    },
    clearCookies: async () => {
      const cookies = await context.cookies();
      if (cookies.length > 0) await context.deleteCookie(...cookies);
    },
    close: () => context.close(),
  };
}

/** Firefox with the preferences the lab's driver sets (engines/firefox/firefox-browser.ts). */
const launch = (thirdPartyCookies) => puppeteer.launch({
  browser: 'firefox',
  executablePath,
  headless: true,
  extraPrefsFirefox: {
    'network.cookie.cookieBehavior': cookieBehavior[thirdPartyCookies],
    'dom.disable_open_during_load': false,
  },
});

// Timed from here, as the catalog's time starts with the lab's servers: Node's start and imports are not the floor's.
const started = performance.now();
const servers = await startFloorServers(origins, experiments);
const browsers = [];
try {
  const first = launch('blocked');
  browsers.push(first);
  // As many contexts at once as the lab's driver runs (its `sessionsAtOnce`), for each cookie setting's browser.
  const contexts = (browser, count) =>
    Array.from({ length: count }, async () => session(await (await browser).createBrowserContext()));
  const openAllowing = async (count) => {
    const second = launch('allowed');
    browsers.push(second);
    return Promise.all(contexts(second, Math.min(sessions, count)));
  };
  const work = { experiments, base: servers.base, stepFields: { closePopups: true } };
  const perApi = await runFloorWork(work, contexts(first, sessions), openAllowing, 'start');
  if (profile) for (const line of perApiLines(perApi)) console.log(line);
} finally {
  // puppeteer-core removes the temporary profile it made for each.
  for (const browser of browsers) await (await browser.catch(() => null))?.close().catch(() => undefined);
  servers.close();
}
// The last line: the floor's time, for floor.ts.
console.log(JSON.stringify({ floorMs: performance.now() - started }));
