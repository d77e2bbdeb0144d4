/**
 * `probe`: a real request from any origin to the user's own server, in real
 * headless Chromium. The page at ORIGIN is served by request interception
 * (nothing has to run there); the request goes to the user's URL for real.
 * Chromium's reason and console line come from the runner's CDP watch, the
 * preflight and the raw headers from this folder's network watch.
 */
import type { Browser } from 'playwright-core';
import type { PageSeen, StepRequest } from '../client/runner/step.ts';
import { runInPage } from '../runner/run-experiments.ts';
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
import { NetworkWatch, type Answered, type WireExchange } from './network-watch.ts';
import { sameOriginNetError } from './net-error.ts';
import { probeRequest, type ProbeOptions, type ProbeRequest } from './probe-options.ts';
import { decidedByOf, type ProbeResult } from './probe-result.ts';

export { ProbeInputError, type ProbeOptions, type ProbeRequest } from './probe-options.ts';
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
  const pageSpace = addressSpaceOf(new URL(request.origin).hostname);
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

async function probeOnce(
  request: ProbeRequest,
  browser: Browser,
  pageSpace: AddressSpace,
  grant: boolean,
  framework: FrameworkChoice,
): Promise<ProbeResult> {
  const pageUrl = `${request.origin}/`;
  const script = await runnerScript();
  const context = await browser.newContext();
  try {
    if (grant) await context.grantPermissions(['local-network-access'], { origin: request.origin });
    const page = await context.newPage();
    const [verdictWatch, networkWatch] = await Promise.all([ChromiumWatch.attach(page), NetworkWatch.attach(page)]);
    // Console lines that are not CORS lines (mixed content, for one) still tell the user what happened.
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes(request.url)) consoleErrors.push(message.text());
    });
    await page.route(pageUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: probePage(script) }));
    await page.goto(pageUrl, { waitUntil: 'domcontentloaded' });
    // Only the page is intercepted: the probed request must reach the network untouched.
    await page.unrouteAll();
    verdictWatch.begin(request.url);
    networkWatch.begin(request.url);
    const { url, method, headers, body, mode, credentials } = request;
    // The verdict is in with the headers: the body is not read (a server dripping it cannot hold the probe).
    const step: StepRequest = { api: 'fetch', url, method, headers, body, mode, credentials, redirect: 'follow', referrerPolicy: undefined, skipBody: true };
    const seen = await runInPage(page, step);
    const verdict = await verdictWatch.verdict(seen.outcome === 'blocked');
    const wire = await networkWatch.wire(answeredBy(seen.outcome, verdict.reason));
    const observed = facts(seen, verdict, wire.preflight, wire.actual);
    const preflightResponse = wire.preflight?.response ?? null;
    const response = wire.actual?.response ?? null;
    const consoleLine = verdict.console ?? consoleErrors[0] ?? null;
    const targetSpace = response?.addressSpace?.toLowerCase() ?? preflightResponse?.addressSpace?.toLowerCase() ?? addressSpaceOf(new URL(request.url).hostname);
    const cause = causeOf(observed.outcome, observed.reason);
    const replay = cause === null || cause === 'cors' ? replayWire(request, { preflight: preflightResponse, actual: response }) : null;
    const prediction = replay?.prediction ?? null;
    const wireAnswers = { preflight: preflightResponse, actual: response };
    const fix = replay ? probeFix(replay, request, wireAnswers) : null;
    const used = resolveFramework(framework, [preflightResponse?.headers ?? [], response?.headers ?? []]);
    const responseType = seen.responseType === 'default' || seen.responseType === 'error' ? null : seen.responseType;
    const explanation =
      cause === null || cause === 'cors'
        ? withProbeFix(explainCors(request, { ...observed, responseType, readableHeaders: Object.keys(seen.readableHeaders) }, prediction), fix, used, request.url)
        : explainNonCors(cause, { url: request.url, pageOrigin: request.origin, pageSpace, targetSpace, reason: observed.reason, console: consoleLine, pageError: observed.pageError });
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
      explanation,
      ...(fix ? { fix, framework: used } : {}),
    };
  } finally {
    await context.close();
  }
}
