/**
 * The experiment format's lists of values and its defaults (pageOf, browserOf, resolveRequest): plain
 * code without zod, for the playground's first load. The schema that checks a file is schema.ts, which
 * builds on these lists; the types come from it (type imports only, gone from the bundle).
 */
import type { OriginName } from './origin-names.ts';
import { CREDENTIALS, MODES } from './request-modes.ts';
import { ELEMENT_APIS, isElementApi, type Crossorigin } from './embedding.ts';
import { SENDING_APIS } from './form-and-beacon.ts';
import { FRAME_APIS, opensPopup, type PostMessageVia } from './frames.ts';
import type { Experiment, ExperimentRequest, PageOrigin, RequestOverrides } from './schema.ts';
import type { EngineName } from './engine-names.ts';
import { SOCKET_APIS } from './sockets.ts';
import { takesField } from './api-fields.ts';

export const API = ['fetch', 'xhr', ...ELEMENT_APIS, ...SENDING_APIS, ...FRAME_APIS, ...SOCKET_APIS] as const;
export { MODES, CREDENTIALS };

export const REDIRECT_MODES = ['follow', 'error', 'manual'] as const;
/** https://w3c.github.io/webappsec-referrer-policy/#referrer-policies */
export const REFERRER_POLICIES = [
  '',
  'no-referrer',
  'no-referrer-when-downgrade',
  'same-origin',
  'origin',
  'strict-origin',
  'origin-when-cross-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
] as const;
/** Fetch's redirect statuses. https://fetch.spec.whatwg.org/#redirect-status */
export const REDIRECT_STATUSES = [301, 302, 303, 307, 308] as const;

/** Format 1.1: the fetch option that declares the target's address space. https://wicg.github.io/local-network-access/#request-targetaddressspace */
export const TARGET_ADDRESS_SPACES = ['loopback', 'local'] as const;

/** Format 1.1: the browser settings an experiment assumes. Defaults are Chromium's own. */
export const THIRD_PARTY_COOKIES = ['blocked', 'allowed'] as const;
export const LOCAL_NETWORK_ACCESS = ['denied', 'granted'] as const;

export type BrowserSettings = { thirdPartyCookies: (typeof THIRD_PARTY_COOKIES)[number]; localNetworkAccess: (typeof LOCAL_NETWORK_ACCESS)[number] };

/** A request with every default filled in, as the runner and the model use it. */
export interface ResolvedRequest {
  api: (typeof API)[number];
  target: OriginName;
  path: string;
  method: string;
  headers: Record<string, string | string[]>;
  body: string | null;
  mode: (typeof MODES)[number];
  credentials: (typeof CREDENTIALS)[number];
  redirect: (typeof REDIRECT_MODES)[number];
  referrerPolicy: (typeof REFERRER_POLICIES)[number] | undefined;
  targetAddressSpace: (typeof TARGET_ADDRESS_SPACES)[number] | undefined;
  /** Format 1.2, elements only: the `crossorigin` attribute; undefined = none (a no-cors load). */
  crossorigin: Crossorigin | undefined;
  /** Format 1.2, postMessage only: the `targetOrigin` argument (default "*"). */
  targetOrigin?: string | undefined;
  /** Format 1.2, window-open and postMessage via window-open only: the `noopener` feature (default false). */
  noopener?: boolean | undefined;
  /** Format 1.2, postMessage only: a frame (`iframe`, the default) or a popup (`window-open`) gets the message. */
  via?: PostMessageVia | undefined;
}

/** Applies the contract's defaults, and a `then` step's overrides on top. */
export function resolveRequest(request: ExperimentRequest, overrides: RequestOverrides = {}): ResolvedRequest {
  const merged = { ...request, ...stripUndefined(overrides) };
  const api = merged.api ?? 'fetch';
  // A field the step's api does not take (a then step inherits the first step's) is its default: the page cannot
  // send it, so neither the model nor a driver may read it (format/request-fields.ts).
  const taken = <T>(field: Parameters<typeof takesField>[1], value: T, byDefault: T): T => (takesField(api, field) ? value : byDefault);
  return {
    api,
    target: request.target,
    path: request.path ?? '/',
    // sendBeacon always POSTs, whatever a step inherits (https://w3c.github.io/beacon/#sec-sendBeacon-method);
    // a form's default is GET, as HTML's.
    method: api === 'beacon' ? 'POST' : taken('method', merged.method ?? 'GET', 'GET'),
    headers: taken('headers', merged.headers ?? {}, {}),
    body: taken('body', merged.body ?? null, null),
    mode: taken('mode', merged.mode ?? 'cors', 'cors'),
    credentials: taken('credentials', merged.credentials ?? 'same-origin', 'same-origin'),
    redirect: taken('redirect', merged.redirect ?? 'follow', 'follow'),
    referrerPolicy: taken('referrerPolicy', merged.referrerPolicy, undefined),
    targetAddressSpace: taken('targetAddressSpace', request.targetAddressSpace, undefined),
    crossorigin: isElementApi(api) ? merged.crossorigin : undefined,
    targetOrigin: api === 'postMessage' ? (merged.targetOrigin ?? '*') : undefined,
    noopener: opensPopup({ api: merged.api, via: merged.via }) ? (merged.noopener ?? false) : undefined,
    via: merged.api === 'postMessage' ? (merged.via ?? 'iframe') : undefined,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The origin that serves a sandboxed (`"page": "null"`) page: its opaque origin's precursor. */
export const SANDBOX_HOST: OriginName = 'app';

export function pageOf(experiment: Experiment): PageOrigin {
  return experiment.page ?? 'app';
}

/** The browser settings an experiment assumes, defaults filled in. */
export function browserOf(experiment: Pick<Experiment, 'browser'>): BrowserSettings {
  return { thirdPartyCookies: experiment.browser?.thirdPartyCookies ?? 'blocked', localNetworkAccess: experiment.browser?.localNetworkAccess ?? 'denied' };
}

/** Format 1.2 `engines`: whether the experiment applies to `engine` (default: every engine). */
export function appliesTo(experiment: Pick<Experiment, 'engines'>, engine: EngineName): boolean {
  return experiment.engines?.includes(engine) ?? true;
}
