/**
 * The adapter from a plain request/response pair (any page origin, any URL, the
 * headers a server really sent) to what the model needs: an experiment whose plan
 * answers with those headers, and an origin map that puts the user's origins where
 * the model looks them up. The model itself (predict.ts) decides; this file only
 * translates in and out, so there is one model of the Fetch standard, not two.
 * https://fetch.spec.whatwg.org/#http-cors-protocol
 */
import type { HeaderLines } from '../../format/headers.ts';
import type { Experiment } from '../../format/schema.ts';
import { FRAMING_HEADERS } from '../../format/headers.ts';
import { ORIGIN_NAMES, siteHost, type AddressSpace, type OriginMap, type OriginName } from '../../plan/origins.ts';
import { experimentUrl, predictExperimentAsync } from './predict.ts';
import type { StepPrediction } from './prediction.ts';
import {
  corsUnsafeRequestHeaderNames,
  isSafelistedMethod,
  normalizeMethod,
  requestHeaderList,
} from './request-headers.ts';
import { ResponseHeaders, readableHeaderNames } from './response-headers.ts';

/** One answer as the server sent it: header lines in order, repeated names kept. */
export interface ExchangeAnswer {
  status: number;
  headers: HeaderLines;
}

/** A request a page made and what came back, checked already (api/predict-input.ts). */
export interface Exchange {
  /** The page's serialized origin, or "null" for an opaque one (a sandboxed frame). */
  origin: string;
  request: {
    url: string;
    method: string;
    headers: HeaderLines;
    body: string | null;
    credentials: 'omit' | 'same-origin' | 'include';
    mode: 'cors' | 'no-cors' | 'same-origin';
    api: 'fetch' | 'xhr';
    redirect: 'follow' | 'error' | 'manual';
  };
  preflight: ExchangeAnswer | null;
  response: ExchangeAnswer;
  /** Where the page's and the URL's hosts are for Local Network Access (the caller reads them from the hosts). */
  addressSpaces: { page: AddressSpace; target: AddressSpace };
  /** Whether the user granted the page Local Network Access; Chromium asks, so "denied" until they do. */
  localNetworkAccess: 'denied' | 'granted';
}

/** What the model says about an exchange, with the user's URL wherever the lab's planned URL was. */
export type ExchangePrediction =
  | { complete: true; step: StepPrediction; readableHeaders: string[]; hiddenHeaders: string[] }
  /** The model needs an answer the input lacks: the preflight's, or the next hop's after a redirect. */
  | { complete: false; missing: 'preflight' | 'redirect'; step: StepPrediction; location: string | null };

/**
 * Lab names whose address spaces and sites stand for the page's and the target's: the model reads
 * both by name (Local Network Access by address space; cookies and Cross-Origin-Resource-Policy by site).
 */
function namesFor(
  page: AddressSpace,
  target: AddressSpace,
  sameSite: boolean,
): { page: OriginName; target: OriginName } {
  // A public target needs no permission from anyone: partner and public share a site, app is another.
  if (target === 'public') return { page: sameSite ? 'partner' : 'app', target: 'public' };
  // A local or loopback target needs it from a less private page (public, on a site of its own here).
  if (page === 'public' || (page === 'local' && target === 'loopback')) return { page: 'public', target: 'api' };
  return { page: 'app', target: sameSite ? 'api' : 'partner' };
}

/** https://html.spec.whatwg.org/multipage/browsers.html#same-site: scheme and registrable domain. */
const siteOf = (url: URL): string => `${url.protocol}//${siteHost(url.hostname)}`;

/** An origin that can match no URL the user gives, for the names the exchange does not use. */
const unused = (name: OriginName): string => `http://unused-${name}.invalid`;

/** The experiment and origins that make the model answer this exchange. */
function labFormOf(exchange: Exchange): { experiment: Experiment; origins: OriginMap } {
  const target = new URL(exchange.request.url);
  const opaquePage = exchange.origin === 'null';
  const sameSite = !opaquePage && siteOf(new URL(exchange.origin)) === siteOf(target);
  const names =
    exchange.origin === target.origin
      ? { page: 'app' as const, target: 'app' as const }
      : namesFor(exchange.addressSpaces.page, exchange.addressSpaces.target, sameSite);
  const origins = Object.fromEntries(ORIGIN_NAMES.map((name) => [name, unused(name)])) as Record<OriginName, string>;
  origins[names.target] = target.origin;
  if (!opaquePage) origins[names.page] = exchange.origin;
  const answer = (a: ExchangeAnswer) => ({ status: a.status, headers: planHeaders(a.headers) });
  const { url: _url, headers, ...request } = exchange.request;
  const experiment: Experiment = {
    id: 'exchange',
    title: 'exchange',
    group: 'exchange',
    page: opaquePage ? 'null' : names.page,
    request: { ...request, target: names.target, path: '/', headers: requestHeaderMap(headers) },
    server: {
      actual: answer(exchange.response),
      ...(exchange.preflight ? { preflight: answer(exchange.preflight) } : {}),
    },
    browser: { localNetworkAccess: exchange.localNetworkAccess },
  };
  return { experiment, origins };
}

/** Repeated lines stay repeated (two Access-Control-Allow-Origin lines are what MultipleAllowOriginValues is about). */
function requestHeaderMap(lines: HeaderLines): Record<string, string[]> {
  // No prototype: a header named `constructor` or `__proto__` is a header, not an inherited member.
  const map: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [name, value] of lines) (map[name] ??= []).push(value);
  return map;
}

/**
 * The plan may not send framing headers (headers.ts), and none decides a CORS check; readable
 * headers are computed from the user's full list (exchangeReadable below), so nothing is lost.
 */
function planHeaders(lines: HeaderLines): Record<string, string[]> {
  return requestHeaderMap(
    lines.filter(([name]) => !(FRAMING_HEADERS as readonly string[]).includes(name.toLowerCase())),
  );
}

/** The user's URL where the model has the planned one. */
function withUserUrl(step: StepPrediction, planned: string, url: string): StepPrediction {
  const swap = (u: string): string => (u === planned ? url : u);
  return {
    ...step,
    requests: step.requests.map((r) => ({ ...r, url: swap(r.url) })),
    ...(step.stoppedAt ? { stoppedAt: { ...step.stoppedAt, url: swap(step.stoppedAt.url) } } : {}),
  };
}

/** The model's prediction for one exchange. */
export async function predictExchange(exchange: Exchange): Promise<ExchangePrediction> {
  const { experiment, origins } = labFormOf(exchange);
  const planned = experimentUrl(experiment, origins, 'predicted');
  const [raw] = await predictExperimentAsync(experiment, origins);
  const step = withUserUrl(raw as StepPrediction, planned, exchange.request.url);
  const preflightAsked = step.requests.some((r) => r.kind === 'preflight');
  if (preflightAsked && !exchange.preflight) return { complete: false, missing: 'preflight', step, location: null };
  // The model followed the Location to a hop the input does not describe.
  const followed =
    step.requests.some((r) => r.hop > 0 || r.url !== exchange.request.url) ||
    step.reason === 'net::ERR_CONNECTION_REFUSED';
  if (followed) return { complete: false, missing: 'redirect', step, location: locationOf(exchange) };
  // The plan's reply carries what the lab's server adds; JavaScript reads the user's own lines.
  const readable = exchangeReadable(exchange, step);
  return { complete: true, step: { ...step, readableHeaders: readable.readableHeaders }, ...readable };
}

function locationOf(exchange: Exchange): string | null {
  const location = new ResponseHeaders(exchange.response.headers).get('location');
  return location === undefined ? null : new URL(location, exchange.request.url).href;
}

/** What page JavaScript can read of the user's own response (all its lines, Content-Length included). */
function exchangeReadable(
  exchange: Exchange,
  step: StepPrediction,
): { readableHeaders: string[]; hiddenHeaders: string[] } {
  if (step.outcome !== 'allowed') return { readableHeaders: [], hiddenHeaders: [] };
  // XMLHttpRequest has no response type; its response is basic same-origin and cors otherwise.
  const type = step.responseType ?? (new URL(exchange.request.url).origin === exchange.origin ? 'basic' : 'cors');
  const headers = new ResponseHeaders(exchange.response.headers);
  const include = exchange.request.credentials === 'include';
  const readable = readableHeaderNames(headers, type, include);
  return {
    readableHeaders: readable,
    hiddenHeaders: headers
      .names()
      .filter((n) => !readable.includes(n))
      .sort(),
  };
}

/**
 * Whether a CORS request needs a preflight, from the request alone: a method beyond the safelist
 * or a header beyond it. https://fetch.spec.whatwg.org/#cors-preflight-fetch (main fetch step 12)
 * For a record that holds the request but not the answer (a HAR of a blocked request).
 */
export function preflightNeeded(request: Pick<Exchange['request'], 'method' | 'headers'>): {
  needed: boolean;
  unsafeHeaders: string[];
} {
  const unsafeHeaders = corsUnsafeRequestHeaderNames(requestHeaderList(request.headers, 'cors'));
  return { needed: !isSafelistedMethod(normalizeMethod(request.method)) || unsafeHeaders.length > 0, unsafeHeaders };
}
