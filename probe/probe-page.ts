/**
 * The probe's page: served at ORIGIN by request interception (nothing has to
 * run there), holding the runner page script, or for `--origin null` a
 * sandboxed iframe that holds it; and the Chromium tab over it, watched by
 * the one CDP watcher (runner/cdp-watch.ts) where Chromium sees the request.
 */
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { ChromiumTab } from '../runner/chromium-tab.ts';
import type { WatchOptions } from '../runner/cdp-watch.ts';
import { inlineScript } from '../servers/pages.ts';
import { runnerScript } from '../servers/runner-script.ts';
import { addressSpaceOf } from './address-space.ts';
import { hostOrigin, NULL_ORIGIN, type ProbeRequest } from './probe-options.ts';

/** The favicon link keeps a 404 out of the console (browser-facts). */
const HEAD = '<meta charset="utf-8"><link rel="icon" href="data:,"><title>cors-lab probe</title>';

export function probePage(script: string): string {
  return `<!doctype html><html lang="en"><head>${HEAD}</head><body><script>${inlineScript(script)}</script></body></html>`;
}

/** HTML attribute text (https://html.spec.whatwg.org/#attributes-2): & and " escaped. */
const attribute = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * `--origin null`: the probe page holds a sandboxed iframe (`allow-scripts` only, so its origin is opaque) that
 * runs the request; its fetches carry `Origin: null`, as PortSwigger's null-origin lab does it.
 */
function nullOriginPage(script: string): string {
  const frame = `<iframe title="probe" sandbox="allow-scripts" srcdoc="${attribute(probePage(script))}"></iframe>`;
  return `<!doctype html><html lang="en"><head>${HEAD}</head><body>${frame}</body></html>`;
}

/** A fresh context (TLS errors ignored with `insecure`, the cookies set) whose page will be the probe page. */
export async function openProbePage(
  request: ProbeRequest,
  browser: Browser,
  grant: boolean,
): Promise<{ context: BrowserContext; page: Page }> {
  const host = hostOrigin(request);
  const pageUrl = `${host}/`;
  const script = await runnerScript();
  const context = await browser.newContext({ ignoreHTTPSErrors: request.insecure });
  if (grant) await context.grantPermissions(['local-network-access'], { origin: host });
  if (request.cookies.length) await context.addCookies(cookieJar(request));
  const page = await context.newPage();
  const body = request.origin === NULL_ORIGIN ? nullOriginPage(script) : probePage(script);
  await page.route(pageUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  return { context, page };
}

/** The loaded target: the page, or the sandboxed frame once its script has run. */
async function loaded(request: ProbeRequest, page: Page): Promise<Page | Frame> {
  await page.goto(`${hostOrigin(request)}/`, { waitUntil: 'domcontentloaded' });
  // Only the page is intercepted: the probed request must reach the network untouched.
  await page.unrouteAll();
  if (request.origin !== NULL_ORIGIN) return page;
  const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
  if (!frame) throw new Error('probe: the sandboxed frame did not load');
  await frame.waitForFunction(() => 'corsLab' in window);
  return frame;
}

/**
 * The cookies of `--cookie`, for the URL's host. SameSite=None (sent on a cross-site request) needs Secure, which
 * Chromium accepts for https and for loopback hosts (potentially trustworthy); otherwise a Lax cookie.
 * https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-the-samesite-attribute
 */
function cookieJar(request: ProbeRequest): Parameters<BrowserContext['addCookies']>[0] {
  const url = new URL(request.url);
  const secure = url.protocol === 'https:' || addressSpaceOf(url.hostname) === 'loopback';
  const sameSite = secure ? ('None' as const) : ('Lax' as const);
  const domain = url.hostname;
  return request.cookies.map(([name, value]) => ({ name, value, domain, path: '/', secure, sameSite }));
}


/**
 * Where the DevTools Protocol sees the request: the page, or the sandboxed frame when Chromium runs it in a process
 * of its own (site isolation of sandboxed iframes); a frame in the page's process is seen through the page.
 */
async function sessionTarget(page: Page, target: Page | Frame): Promise<Page | Frame> {
  if (target === page) return page;
  const session = await page.context().newCDPSession(target).catch(() => null);
  if (session === null) return page;
  await session.detach();
  return target;
}

/** The tab over the loaded probe page, its watch attached where Chromium sees the request. */
export async function probeTab(
  request: ProbeRequest,
  page: Page,
  watch: Omit<WatchOptions, 'target'>,
): Promise<ChromiumTab> {
  const runsIn = await loaded(request, page);
  return ChromiumTab.loaded(page, runsIn, { ...watch, target: await sessionTarget(page, runsIn) });
}
