// How the bare floors take their work (floor.ts says what the floors hold and why): experiments in the order of their
// first page, one at a time per session, a page kept per runner URL, and a second browser allowing third-party cookies
// once each main session has run its first experiment. Plain JavaScript with nothing of cors-lab in it, shared by the
// three floors; each brings its own driver as a session:
//   { newPage(), goto(page, url), run(page, step), clearCookies(), close(), setLocalNetworkAccess?(value) }
import { KIND } from './floor-servers.mjs';

export const opensPopup = (s) => s.api === 'window-open' || (s.api === 'postMessage' && s.via === 'window-open');
const allowsCookies = (e) => e.browser.thirdPartyCookies === 'allowed';

/** The runner page a step runs on: its page origin's, an experiment's own (page headers), or the sandboxed one. */
const runnerUrl = (base, e, s, index) => {
  const query = new URLSearchParams();
  if (e.pageHeaders) query.set('h', String(index));
  if (s.sandboxed) query.set('sandbox', '');
  return `${base[s.page]}/runner?${query}`;
};

/**
 * The URL a step asks: a fresh one per experiment (no cache entry of another applies; its own steps share it, as the
 * lab's do); `close`: a popup it opens without an opener closes itself (floor-servers.mjs).
 */
const stepUrl = (base, s, index, close) =>
  `${base[s.target]}/floor/${index}?k=${KIND[s.api] ?? 'fetch'}${close && opensPopup(s) ? '&close' : ''}`;

/** Experiments in the order of their first page, as a plain script would group them; `next()` hands out one. */
function queue(experiments, keep) {
  const order = experiments.map((e, i) => i).filter((i) => keep(experiments[i]));
  const key = (i) => `${experiments[i].steps[0].page}${experiments[i].pageHeaders ? `#${i}` : ''}`;
  order.sort((a, b) => key(a).localeCompare(key(b)) || a - b);
  return () => order.shift();
}

/**
 * Runs the experiments `next()` hands to `session`, one at a time, one step at a time. A page per runner URL stays
 * open for the next experiment on it (a navigation to another site costs a renderer process); a page of one
 * experiment's own (page headers) is navigated to in one spare page. `perApi`: each api's steps and milliseconds.
 */
async function worker(session, work, next, perApi, started = () => undefined) {
  const pages = new Map();
  let spare = null;
  const pageAt = async (url, own) => {
    if (!own && pages.has(url)) return pages.get(url);
    const page = (own ? spare : undefined) ?? (await session.newPage());
    if (own) spare = page;
    else pages.set(url, page);
    await session.goto(page, url);
    return page;
  };
  let cookies = false;
  let permission = 'denied';
  for (let index = next(); index !== undefined; index = next()) {
    const e = work.experiments[index];
    if (cookies) await session.clearCookies();
    cookies = e.setsCookies;
    if (session.setLocalNetworkAccess && e.browser.localNetworkAccess !== permission) {
      await session.setLocalNetworkAccess(e.browser.localNetworkAccess);
      permission = e.browser.localNetworkAccess;
    }
    for (const s of e.steps) {
      const page = await pageAt(runnerUrl(work.base, e, s, index), e.pageHeaders !== null);
      const step = { ...s, ...work.stepFields, url: stepUrl(work.base, s, index, work.stepFields?.closePopups) };
      const began = performance.now();
      await session.run(page, step);
      const spent = perApi.get(s.api) ?? { steps: 0, ms: 0 };
      perApi.set(s.api, { steps: spent.steps + 1, ms: spent.ms + performance.now() - began });
    }
    started();
  }
  started();
}

/**
 * Runs every experiment of `work` (`{ experiments, base, stepFields? }`: floor-steps.ts's work, the servers' base
 * URLs, fields every step gets for its driver) in `main` sessions (promises: they may still be starting) and, for the
 * experiments that allow third-party cookies, in the sessions `openAllowing(count)` starts (a browser of their own:
 * a profile preference in every engine). `allowingAt` says when, as the lab's run in that engine starts it:
 * `after-first`, once each main session has run its first experiment (the Chromium runner: two launches at once on
 * 2 cores slow both), or `start`, beside the first (the Firefox and WebKit runs launch a browser per cookie setting
 * as soon as an experiment needs it: runner/run-in-engine.ts). Every session is closed at the end.
 * Returns each api's steps and milliseconds.
 */
export async function runFloorWork(work, main, openAllowing, allowingAt) {
  const perApi = new Map();
  const mainQueue = queue(work.experiments, (e) => !allowsCookies(e));
  const firsts = main.map(() => {
    let resolve;
    const promise = new Promise((done) => (resolve = done));
    return { promise, resolve };
  });
  const all = main.map(async (made, i) => {
    const session = await made;
    try {
      await worker(session, work, mainQueue, perApi, firsts[i].resolve);
    } finally {
      await session.close();
    }
  });
  const allowing = work.experiments.filter(allowsCookies).length;
  if (allowing > 0) {
    all.push((async () => {
      if (allowingAt === 'after-first') await Promise.all(firsts.map((first) => first.promise));
      const allowingQueue = queue(work.experiments, allowsCookies);
      const sessions = await openAllowing(allowing);
      await Promise.all(sessions.map(async (session) => {
        try {
          await worker(session, work, allowingQueue, perApi);
        } finally {
          await session.close();
        }
      }));
    })());
  }
  await Promise.all(all);
  return perApi;
}

/** The profile's lines: each api's steps and their milliseconds (popups closed included). */
export const perApiLines = (perApi) =>
  [...perApi].map(([api, { steps, ms }]) => `  floor ${api.padEnd(12)} ${steps} steps ${ms.toFixed(0)} ms`);
