/**
 * The CORS-preflight answer: its allow-lists, the method and header checks,
 * and the preflight cache.
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch
 * https://fetch.spec.whatwg.org/#cors-preflight-cache
 * Chromium: services/network/public/cpp/cors/preflight_result.cc
 */
import type { CorsFailure } from './cors-check.ts';
import { extractTokenList } from './header-list.ts';
import { isSafelistedMethod } from './request-headers.ts';
import type { ResponseHeaders } from './response-headers.ts';
import { CHROMIUM_RULES, type EngineRules } from './engine-rules.ts';

/** Chromium's cache lifetime without Access-Control-Max-Age (the standard says 5 s too). */
export const DEFAULT_MAX_AGE_SECONDS = 5;
/** Chromium caps Access-Control-Max-Age at two hours. */
export const MAX_AGE_CAP_SECONDS = 7200;

export interface PreflightResult {
  /** Methods as written, compared byte for byte with the normalized request method. */
  methods: string[];
  /** Header names, lower-cased. */
  headers: string[];
  credentials: boolean;
  maxAgeSeconds: number;
}

/**
 * Parses the allow-lists. An element that is not a token fails the whole
 * preflight; empty elements are skipped.
 * https://fetch.spec.whatwg.org/#concept-header-list-get-decode-split
 */
export function parsePreflight(
  headers: ResponseHeaders, credentials: boolean, rules: Pick<EngineRules, 'invalidMaxAgeCaches'> = CHROMIUM_RULES,
): PreflightResult | CorsFailure {
  const methodsValue = headers.get('access-control-allow-methods');
  const methods = extractTokenList(methodsValue) ?? [];
  // Chromium reports an unparsable list without a failed parameter (measured: test/probes/wpt-third-cases.ts); the
  // value is in the trace's check. services/network/public/cpp/cors/preflight_result.cc
  if (methods === 'failure') return { reason: 'InvalidAllowMethodsPreflightResponse', failedParameter: '' };
  const headersValue = headers.get('access-control-allow-headers');
  const names = extractTokenList(headersValue) ?? [];
  if (names === 'failure') return { reason: 'InvalidAllowHeadersPreflightResponse', failedParameter: '' };
  return { methods, headers: names.map((n) => n.toLowerCase()), credentials, maxAgeSeconds: maxAge(headers.get('access-control-max-age'), rules.invalidMaxAgeCaches !== false) };
}

/**
 * Absent: 5 s. Not a number: 5 s in Chromium, not cached in Firefox (`invalidCaches` false; an empty value counts as
 * absent there). Zero or negative: not cached. Capped at 2 h (measured).
 */
function maxAge(value: string | undefined, invalidCaches: boolean): number {
  if (value === undefined || (value === '' && !invalidCaches)) return DEFAULT_MAX_AGE_SECONDS;
  if (!/^-?\d+$/.test(value)) return invalidCaches ? DEFAULT_MAX_AGE_SECONDS : 0;
  return Math.max(0, Math.min(Number(value), MAX_AGE_CAP_SECONDS));
}

/**
 * The (normalized) method must be listed byte for byte: `patch` is allowed by
 * `patch`, not by `PATCH`. `*` allows any method only without credentials.
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch step 7.5
 */
export function methodAllowed(result: PreflightResult, method: string): boolean {
  return result.methods.includes(method) || isSafelistedMethod(method) || (!result.credentials && result.methods.includes('*'));
}

/** The first unsafe header name the answer does not allow, or null. Names compare case-insensitively. */
export function disallowedHeader(result: PreflightResult, unsafeNames: readonly string[]): string | null {
  // Chromium: `*` covers every name without credentials, Authorization included (the standard excludes it).
  if (!result.credentials && result.headers.includes('*')) return null;
  return unsafeNames.find((name) => !result.headers.includes(name)) ?? null;
}

interface CacheEntry {
  result: PreflightResult;
  expiresAt: number;
  /** The unsafe header names of the request the preflight was made for. */
  names: readonly string[];
  /** The method of that request (Firefox keeps it, not a listed `*`). */
  method?: string;
}

type CacheRules = Pick<EngineRules, 'cachesOpaqueOriginPreflight' | 'credentialedEntryServesUncredentialed' | 'cachedWildcardCoversNewHeaders'>;

/** Per page origin and exact URL, as Chromium keys it; opaque origins: never cached in Chromium (measured), in Firefox kept. */
export class PreflightCache {
  readonly #entries = new Map<string, CacheEntry>();

  constructor(private readonly rules: CacheRules = CHROMIUM_RULES) {}

  #key(origin: string, url: string): string {
    return `${origin} ${url}`;
  }

  store(origin: string, url: string, result: PreflightResult, now: number, names: readonly string[] = [], method?: string): void {
    if ((origin === 'null' && !this.rules.cachesOpaqueOriginPreflight) || result.maxAgeSeconds <= 0) return;
    this.#entries.set(this.#key(origin, url), { result, expiresAt: now + result.maxAgeSeconds * 1000, names, method });
  }

  /** Whether a stored answer covers this request, so no preflight is sent. */
  covers(origin: string, url: string, request: { method: string; unsafeNames: readonly string[]; credentials: boolean }, now: number): boolean {
    const entry = this.#entries.get(this.#key(origin, url));
    if (!entry || entry.expiresAt <= now) return false;
    if (request.credentials && !entry.result.credentials) return false;
    if (!request.credentials && entry.result.credentials && !this.rules.credentialedEntryServesUncredentialed) return false;
    const named = (name: string): boolean => entry.names.includes(name) || entry.result.headers.includes(name);
    if (!this.rules.cachedWildcardCoversNewHeaders && !request.unsafeNames.every(named)) return false;
    // Firefox caches the method the preflight was made for and the ones listed, not `*` (probe-cache-515).
    const listed = entry.result.methods.includes(request.method) || isSafelistedMethod(request.method);
    if (!this.rules.cachedWildcardCoversNewHeaders && !listed && request.method !== entry.method) return false;
    return methodAllowed(entry.result, request.method) && disallowedHeader(entry.result, request.unsafeNames) === null;
  }
}
