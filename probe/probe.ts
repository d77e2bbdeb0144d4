/**
 * `probe`: a real request from any origin to the user's own server, in real
 * headless Chromium. The page at ORIGIN is served by request interception
 * (nothing has to run there); the request goes to the user's URL for real.
 * Chromium's reason and console line come from the runner's CDP watch, the
 * preflight and the raw headers from this folder's network watch.
 */
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { PageSeen, StepRequest } from '../runner-page/step.ts';
import { runInPage } from '../runner/chromium-tab.ts';
import { inlineScript } from '../servers/pages.ts';
import { ResponseHeaders } from '../experiments/model/response-headers.ts';
import type { StepFacts } from '../experiments/step-facts.ts';
import { ChromiumWatch } from '../runner/chromium-verdict.ts';
import { runnerScript } from '../servers/runner-script.ts';
import { addressSpaceOf, needsPermission, type AddressSpace } from './address-space.ts';
import { causeOf, explainNetError, explainNonCors } from './diagnose.ts';
import { explainCors, replayWire, withProbeFix } from './explain-probe.ts';
import { resolveFramework, type FrameworkChoice } from './framework.ts';
import { probeFix } from './probe-fix.ts';
import { withHopFixes } from './hop-fix.ts';
import { NetworkWatch, type Answered, type WireExchange, type WireResponse } from './network-watch.ts';
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


function facts(seen: PageSeen, verdict: { reason: string | null; failedParameter: string | null }, preflight: WireExchange | null, actual: WireExchange | null): StepFacts {
  return {
    outcome: seen.outcome,
    reason: verdict.reason,
    failedParameter: verdict.failedParameter,
    preflight: preflight?.response != null,
    reachedServer: actual?.response != null,
    status: seen.status,
    originSeen: header(actual?.requestHeaders, 'origin') ?? header(preflight?.requestHeaders, 'origin'),
    requestHeadersSeen: header(preflight?.requestHeaders, 'access-control-request-headers'),
    cookieSent: header(actual?.requestHeaders, 'cookie') !== null,
    pageError: seen.error,
  };
}

/** CORS errors Chromium can only report once the actual response is in (its headers failed the CORS check). */
const ACTUAL_RESPONSE_REASONS = new Set([
  'WildcardOriginNotAllowed', 'MissingAllowOriginHeader', 'MultipleAllowOriginValues', 'InvalidAllowOriginValue',
  'AllowOriginMismatch', 'InvalidAllowCredentials',
]);
/** CORS errors about the preflight's answer (https://fetch.spec.whatwg.org/#cors-preflight-fetch). */
const PREFLIGHT_RESPONSE_REASONS = new Set([
  'PreflightInvalidStatus', 'PreflightDisallowedRedirect', 'PreflightWildcardOriginNotAllowed',
  'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues', 'PreflightInvalidAllowOriginValue', 'PreflightAllowOriginMismatch',
  'PreflightInvalidAllowCredentials', 'InvalidAllowMethodsPreflightResponse', 'InvalidAllowHeadersPreflightResponse',
  'MethodDisallowedByPreflightResponse', 'HeaderDisallowedByPreflightResponse',
]);

/** The answers the page's outcome and Chromium's reason prove the server sent: the network watch waits for them. */
function answeredBy(outcome: string, reason: string | null): Answered {
  return {
    preflight: reason !== null && PREFLIGHT_RESPONSE_REASONS.has(reason),
    actual: outcome === 'allowed' || (reason !== null && ACTUAL_RESPONSE_REASONS.has(reason)),
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
  const framework = options.framework ?? 'headers';
  const result = await checked(await probeOnce(request, browser, pageSpace, granted, framework), granted, browser);
  if (result.cause !== 'local-network-access') return result;
  const withPermission = await checked(await probeOnce(request, browser, pageSpace, true, framework), true, browser);
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

/**
 * The `then` requests, one after the other in the same page: each one's outcome, and whether a preflight went out
 * again (none: the preflight cache answered, https://fetch.spec.whatwg.org/#concept-cache-match).
 */
async function thenSteps(
  request: ProbeRequest,
  target: Page | Frame,
  verdictWatch: ChromiumWatch,
  networkWatch: NetworkWatch,
): Promise<ThenResult[]> {
  const results: ThenResult[] = [];
  for (const then of request.then) {
    verdictWatch.begin(request.url);
    networkWatch.begin(request.url);
    const next = await runInPage(target, stepOf(request, then.method, then.headers));
    const { reason } = await verdictWatch.verdict(next.outcome === 'blocked');
    const wire = await networkWatch.wire(answeredBy(next.outcome, reason));
    const preflight = wire.hops.some((hop) => hop.preflight !== null) || wire.preflight !== null;
    results.push({ method: then.method, outcome: next.outcome, reason, preflight, status: next.status });
  }
  return results;
}

/** The page-side request of the probe (or of a `then` step: its method and headers). */
function stepOf(request: ProbeRequest, method: string, headers: ProbeRequest['headers']): StepRequest {
  const { url, body, mode, credentials } = request;
  // The verdict is in with the headers: the body is not read (a server dripping it cannot hold the probe).
  const fixed = { redirect: 'follow', referrerPolicy: undefined, skipBody: true } as const;
  return { api: 'fetch', url, method, headers, body, mode, credentials, ...fixed };
}

async function probeOnce(
  request: ProbeRequest,
  browser: Browser,
  pageSpace: AddressSpace,
  grant: boolean,
  framework: FrameworkChoice,
): Promise<ProbeResult> {
  const { context, page } = await openProbePage(request, browser, grant);
  try {
    // Console lines that are not CORS lines (mixed content, for one) still tell the user what happened.
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes(request.url)) consoleErrors.push(message.text());
    });
    const target = await loaded(request, page);
    // `then` steps read the preflight cache: the watch keeps the caches on for them (a fresh context starts empty).
    const keepCaches = request.then.length > 0;
    const session = await sessionTarget(page, target);
    const [verdictWatch, networkWatch] = await Promise.all([
      ChromiumWatch.attach(page, session),
      NetworkWatch.attach(page, keepCaches, session),
    ]);
    verdictWatch.begin(request.url);
    networkWatch.begin(request.url);
    const seen = await runInPage(target, stepOf(request, request.method, request.headers));
    const verdict = await verdictWatch.verdict(seen.outcome === 'blocked');
    const wire = await networkWatch.wire(answeredBy(seen.outcome, verdict.reason));
    const thenResults = await thenSteps(request, target, verdictWatch, networkWatch);
    const observed = facts(seen, verdict, wire.preflight, wire.actual);
    const preflightResponse = wire.preflight?.response ?? null;
    const response = wire.actual?.response ?? null;
    const consoleLine = verdict.console ?? consoleErrors[0] ?? null;
    const targetSpace = response?.addressSpace?.toLowerCase() ?? preflightResponse?.addressSpace?.toLowerCase() ?? addressSpaceOf(new URL(request.url).hostname);
    const cause = causeOf(observed.outcome, observed.reason);
    const chain = chainOf(request, wire.hops);
    const corsJudged = cause === null || cause === 'cors';
    // One exchange from a page origin replays as a lab plan; a redirect chain does not (the next hop is not the first
    // one's, its Origin may be null), nor does an opaque page origin (the plan's page is a real origin).
    const replayed = corsJudged && !isRedirectChain(chain) && request.origin !== NULL_ORIGIN;
    const replay = replayed ? replayWire(request, { preflight: preflightResponse, actual: response }) : null;
    const prediction = replay?.prediction ?? null;
    const wireAnswers = { preflight: preflightResponse, actual: response };
    const fix = replay ? probeFix(replay, request, wireAnswers) : null;
    const used = resolveFramework(framework, [preflightResponse?.headers ?? [], response?.headers ?? []]);
    // Each hop that got the page's Origin gets its fix as a single probe does (merged per header, framework terms).
    const hops = isRedirectChain(chain) ? withHopFixes(request, chain, wire.hops, used) : chain;
    const responseType = seen.responseType === 'default' || seen.responseType === 'error' ? null : seen.responseType;
    const explanation =
      corsJudged
        ? withProbeFix(explainCors(request, { ...observed, responseType, readableHeaders: Object.keys(seen.readableHeaders) }, prediction), fix, used, request.url)
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
      ...(fix ? { fix, framework: used } : {}),
    };
  } finally {
    await context.close();
  }
}
