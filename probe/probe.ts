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
import type { Browser } from 'playwright-core';
import { runStep } from '../engines/run-steps.ts';
import type { ExperimentStep } from '../engines/steps.ts';
import type { PageSeen } from '../runner-page/step.ts';
import { ChromiumTab, type ChromiumStep } from '../runner/chromium-tab.ts';
import { ResponseHeaders } from '../experiments/model/response-headers.ts';
import type { StepFacts } from '../format/step-facts.ts';
import { addressSpaceOf, needsPermission, type AddressSpace } from './address-space.ts';
import { causeOf, explainNetError, explainNonCors } from './diagnose.ts';
import { explainCors, replayWire, withProbeFix } from './explain-probe.ts';
import type { EngineVerdict } from '../engines/engine.ts';
import { unreportedText, type Wire, type WireExchange, type WireResponse } from '../runner/cdp-watch.ts';
import { probeStepRequest, probeSteps } from './probe-steps.ts';
import { resolveFramework, type FrameworkChoice } from './framework.ts';
import { probeFix } from './probe-fix.ts';
import { withHopFixes } from './hop-fix.ts';
import { sameOriginNetError } from './net-error.ts';
import {
  hostOrigin, NULL_ORIGIN, ProbeInputError, probeRequest, type ProbeOptions, type ProbeRequest,
} from './probe-options.ts';
import { openProbePage, probeTab } from './probe-page.ts';
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
  // Another engine's probe is probe-in-engine.ts's: never run it in Chromium under that engine's name.
  if (options.browser !== undefined && options.browser !== 'chromium') {
    throw new ProbeInputError('browser', `probe() runs in Chromium; ${options.browser} probes through probeInEngine()`);
  }
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
    // `then` steps read the preflight cache: the watch keeps the caches on for them (a fresh context starts empty).
    const tab = await probeTab(request, page, { wire: true, cachesOff: request.then.length === 0 });
    const [first, ...then] = probeSteps(request);
    const { seen, verdict, wire } = await probeStep(tab, first, request);
    const thenResults = await thenSteps(request, tab, then);
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
      // A lost CDP event (runner/cdp-watch.ts): the facts it would have carried are unknown, and the verdict says so.
      ...(verdict.unreported ? { unreported: verdict.unreported } : {}),
      explanation: verdict.unreported
        ? { ...told, verdict: `${told.verdict} ${unreportedText(verdict.unreported)}.` }
        : told,
      ...(fix ? { fix, framework: used } : {}),
    };
  } finally {
    await context.close();
  }
}
