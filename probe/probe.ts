/**
 * `probe`: a real request from any origin to the user's own server, in real
 * headless Chromium. The page at ORIGIN is served by request interception
 * (nothing has to run there); the request goes to the user's URL for real.
 * Its requests are steps of the step engine (probe-steps.ts), run by the
 * Chromium tab (runner/chromium-tab.ts) through the per-step function the
 * runner uses (engines/run-steps.ts). The one CDP watch gives Chromium's
 * reason and console line, and here also the wire: the preflight, the raw
 * headers, every redirect hop and the cookies.
 */
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { runStep } from '../engines/run-steps.ts';
import type { ExperimentStep } from '../engines/steps.ts';
import type { PageSeen } from '../runner-page/step.ts';
import { ChromiumTab, type ChromiumStep } from '../runner/chromium-tab.ts';
import { inlineScript } from '../servers/pages.ts';
import { ResponseHeaders } from '../experiments/model/response-headers.ts';
import type { StepFacts } from '../experiments/step-facts.ts';
import { runnerScript } from '../servers/runner-script.ts';
import { addressSpaceOf, needsPermission, type AddressSpace } from './address-space.ts';
import { causeOf, explainNetError, explainNonCors } from './diagnose.ts';
import { explainCors, replayWire, withCompleteFix } from './explain-probe.ts';
import type { EngineVerdict } from '../engines/engine.ts';
import type { Wire, WireExchange, WireResponse } from '../runner/cdp-watch.ts';
import { probeStepRequest, probeSteps } from './probe-steps.ts';
import { sameOriginNetError } from './net-error.ts';
import { hostOrigin, NULL_ORIGIN, probeRequest, type ProbeOptions, type ProbeRequest } from './probe-options.ts';
import { cookieReport } from './probe-cookies.ts';
import { explainNullOrigin } from './null-origin.ts';
import { decidedByOf, type ProbeResult, type ThenResult } from './probe-result.ts';
import type { Explanation } from '../experiments/model/explain.ts';
import { exposureOf, type Exposure } from './exposed-headers.ts';
import { chainOf, explainChain, isRedirectChain, type Hop } from './redirect-chain.ts';

export { ProbeInputError, type ProbeOptions, type ProbeRequest, type ThenStep } from './probe-options.ts';
export type { ProbeResult, Cause, DecidedBy } from './probe-result.ts';

/**
 * Local Network Access for the page: `denied` puts the page in its origin's address space and lets Chromium
 * refuse (as a headless browser refuses its prompt) where a page there would need the user's permission;
 * `granted` is the user's permission, so the page reaches the API's address space and only CORS decides.
 * https://wicg.github.io/local-network-access/#permission-prompt
 */
export const LOCAL_NETWORK_ACCESS = ['denied', 'granted'] as const;
export type LocalNetworkAccess = (typeof LOCAL_NETWORK_ACCESS)[number];

/** The favicon link keeps a 404 out of the console (browser-facts). */
function probePage(script: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>cors-lab probe</title></head><body><script>${inlineScript(script)}</script></body></html>`;
}

/** HTML attribute text (https://html.spec.whatwg.org/#attributes-2): & and " escaped. */
const attribute = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * `--origin null`: the probe page holds a sandboxed iframe (`allow-scripts` only, so its origin is opaque) that
 * runs the request; its fetches carry `Origin: null`, as PortSwigger's null-origin lab does it.
 */
function nullOriginPage(script: string): string {
  const head = '<meta charset="utf-8"><link rel="icon" href="data:,"><title>cors-lab probe</title>';
  const frame = `<iframe title="probe" sandbox="allow-scripts" srcdoc="${attribute(probePage(script))}"></iframe>`;
  return `<!doctype html><html lang="en"><head>${head}</head><body>${frame}</body></html>`;
}

/** A fresh context (TLS errors ignored with `insecure`, the cookies set) whose page will be the probe page. */
async function openProbePage(
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

function header(headers: Record<string, string> | undefined, name: string): string | null {
  const found = Object.entries(headers ?? {}).find(([n]) => n.toLowerCase() === name);
  return found ? found[1] : null;
}


function facts(seen: PageSeen, verdict: EngineVerdict, preflight: WireExchange | null, actual: WireExchange | null): StepFacts {
  return {
    outcome: seen.outcome,
    reason: verdict.reason,
    failedParameter: verdict.failedParameter ?? null,
    preflight: preflight?.response != null,
    reachedServer: actual?.response != null,
    status: seen.status,
    originSeen: header(actual?.requestHeaders, 'origin') ?? header(preflight?.requestHeaders, 'origin'),
    requestHeadersSeen: header(preflight?.requestHeaders, 'access-control-request-headers'),
    cookieSent: header(actual?.requestHeaders, 'cookie') !== null,
    pageError: seen.error,
  };
}

/**
 * Probes one request on `browser`, in a context of its own (empty caches, no
 * cookies). When Local Network Access blocks it, the request is probed again
 * as if the user had allowed access (`withPermission`), so the CORS verdict
 * behind the prompt is known too.
 */
export async function probe(
  options: ProbeOptions,
  browser: Browser,
  localNetworkAccess: LocalNetworkAccess = 'denied',
): Promise<ProbeResult> {
  const request = probeRequest(options);
  const pageSpace = addressSpaceOf(new URL(hostOrigin(request)).hostname);
  // A page served by interception has no address, so Chromium ranks it public. A real page at ORIGIN
  // would be in its host's space: grant the permission exactly when such a page would not need it.
  const granted =
    localNetworkAccess === 'granted' || !needsPermission(pageSpace, addressSpaceOf(new URL(request.url).hostname));
  const result = await checked(await probeOnce(request, browser, pageSpace, granted), granted, browser);
  if (result.cause !== 'local-network-access') return result;
  const withPermission = await checked(await probeOnce(request, browser, pageSpace, true), true, browser);
  return { ...result, withPermission };
}

/**
 * Local Network Access blamed although the page had the permission: Chromium reports a network failure
 * of a loopback answer that way (see net-error.ts). The error the request gets from the server's own
 * origin is the cause then; without one, Chromium's word stands.
 */
async function checked(result: ProbeResult, granted: boolean, browser: Browser): Promise<ProbeResult> {
  if (!granted || result.cause !== 'local-network-access') return result;
  const netError = await sameOriginNetError(result.request, browser);
  if (netError === null) return result;
  const cause = causeOf('blocked', netError) ?? 'network';
  if (cause === 'cors' || cause === 'local-network-access') return result;
  const { request, addressSpace, console, pageError, reason } = result;
  const spaces = { pageSpace: addressSpace.page, targetSpace: addressSpace.target };
  const context = { url: request.url, pageOrigin: request.origin, ...spaces, reason: netError, console, pageError };
  const explanation = explainNetError(cause, context, reason);
  return { ...result, reason: netError, cause, decidedBy: decidedByOf(cause), explanation };
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

/**
 * The CORS explanation with what one request's replay cannot see: a redirect chain's verdict and fix (hop by hop),
 * the readable and hidden header names, and what an opaque page origin (`--origin null`) means.
 */
interface Told {
  request: ProbeRequest;
  outcome: string;
  hops: Hop[];
  exposure: Exposure | null;
  response: WireResponse | null;
}

function toldInFull(explanation: Explanation, seen: Told): Explanation {
  const { request, hops, exposure } = seen;
  let told = isRedirectChain(hops) ? { ...explanation, ...explainChain(request, hops, seen.outcome) } : explanation;
  if (exposure) {
    const hidden = exposure.hidden.length
      ? ` Hidden (not in Access-Control-Expose-Headers): ${exposure.hidden.join(', ')}.`
      : '';
    told = { ...told, verdict: `${told.verdict} Readable: ${exposure.readable.join(', ') || 'no header'}.${hidden}` };
  }
  return request.origin === NULL_ORIGIN ? explainNullOrigin(told, request, seen.response) : told;
}

/** One step of the probe in its tab, with the wire view the probe's tab collects. */
async function probeStep(
  tab: ChromiumTab,
  step: ExperimentStep,
  request: ProbeRequest,
): Promise<ChromiumStep & { wire: Wire }> {
  const done = await runStep(tab, probeStepRequest(step, request), request.url);
  // The probe's tab is opened with the wire view (probeOnce): a step without one is a bug here, not a verdict.
  if (!done.wire) throw new Error('probe: the CDP watch collected no wire view');
  return { ...done, wire: done.wire };
}

/**
 * The `then` requests, one after the other in the same page: each one's outcome, and whether a preflight went out
 * again (none: the preflight cache answered, https://fetch.spec.whatwg.org/#concept-cache-match).
 */
async function thenSteps(request: ProbeRequest, tab: ChromiumTab, steps: ExperimentStep[]): Promise<ThenResult[]> {
  const results: ThenResult[] = [];
  for (const step of steps) {
    const { seen, verdict, wire } = await probeStep(tab, step, request);
    const preflight = wire.hops.some((hop) => hop.preflight !== null) || wire.preflight !== null;
    const { outcome, status } = seen;
    results.push({ method: step.request.method, outcome, reason: verdict.reason, preflight, status });
  }
  return results;
}

async function probeOnce(request: ProbeRequest, browser: Browser, pageSpace: AddressSpace, grant: boolean): Promise<ProbeResult> {
  const { context, page } = await openProbePage(request, browser, grant);
  try {
    // Console lines that are not CORS lines (mixed content, for one) still tell the user what happened.
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes(request.url)) consoleErrors.push(message.text());
    });
    const target = await loaded(request, page);
    // `then` steps read the preflight cache: the watch keeps the caches on for them (a fresh context starts empty).
    const cachesOff = request.then.length === 0;
    const session = await sessionTarget(page, target);
    const tab = await ChromiumTab.loaded(page, target, { target: session, wire: true, cachesOff });
    const [first, ...then] = probeSteps(request);
    const { seen, verdict, wire } = await probeStep(tab, first, request);
    const thenResults = await thenSteps(request, tab, then);
    const observed = facts(seen, verdict, wire.preflight, wire.actual);
    const preflightResponse = wire.preflight?.response ?? null;
    const response = wire.actual?.response ?? null;
    const consoleLine = verdict.console ?? consoleErrors[0] ?? null;
    const targetSpace = response?.addressSpace?.toLowerCase() ?? preflightResponse?.addressSpace?.toLowerCase() ?? addressSpaceOf(new URL(request.url).hostname);
    const cause = causeOf(observed.outcome, observed.reason);
    const hops = chainOf(request, wire.hops);
    const corsJudged = cause === null || cause === 'cors';
    // One exchange from a page origin replays as a lab plan; a redirect chain does not (the next hop is not the first
    // one's, its Origin may be null), nor does an opaque page origin (the plan's page is a real origin).
    const replayed = corsJudged && !isRedirectChain(hops) && request.origin !== NULL_ORIGIN;
    const replay = replayed ? replayWire(request, { preflight: preflightResponse, actual: response }) : null;
    const prediction = replay?.prediction ?? null;
    const explanation =
      corsJudged
        ? withCompleteFix(explainCors(request, { ...observed, responseType: seen.responseType === 'default' || seen.responseType === 'error' ? null : seen.responseType, readableHeaders: Object.keys(seen.readableHeaders) }, prediction), replay, observed.outcome, request.origin)
        : explainNonCors(cause, { url: request.url, pageOrigin: request.origin, pageSpace, targetSpace, reason: observed.reason, console: consoleLine, pageError: observed.pageError });
    // Only a CORS response hides headers from JavaScript (a same-origin one shows all, an opaque one none).
    const exposure =
      seen.outcome === 'allowed' && seen.responseType === 'cors' && response
        ? exposureOf(response.headers, Object.keys(seen.readableHeaders), request.credentials === 'include')
        : null;
    const all = { request, outcome: seen.outcome, hops, exposure, response };
    const told = corsJudged ? toldInFull(explanation, all) : explanation;
    const combined = new ResponseHeaders(response?.headers ?? []);
    return {
      request,
      ...observed,
      responseType: seen.responseType,
      readableHeaders: seen.readableHeaders,
      console: consoleLine,
      cause,
      decidedBy: decidedByOf(cause),
      preflightResponse,
      response,
      responseHeaders: Object.fromEntries(combined.names().map((name) => [name, combined.get(name) ?? ''])),
      addressSpace: { page: pageSpace, target: targetSpace },
      ...(prediction ? { predicted: { outcome: prediction.outcome, reason: prediction.reason, preflight: prediction.preflight, reachedServer: prediction.reachedServer } } : {}),
      ...(hops.length ? { hops } : {}),
      ...(exposure ? { exposure } : {}),
      ...(request.cookies.length ? { cookies: cookieReport(request, wire.hops[0]?.cookies ?? []) } : {}),
      ...(thenResults.length ? { thenResults } : {}),
      explanation: told,
    };
  } finally {
    await context.close();
  }
}
