/**
 * Just enough of the browser's HTTP cache to predict when an answer comes
 * from the cache instead of the server: explicit freshness
 * (`Cache-Control: max-age`), Chromium's permanent redirects, `Vary`, and
 * Chromium's partitioning by the page's site. No heuristic freshness, no
 * revalidation (the lab's servers send no Last-Modified or ETag).
 * https://httpwg.org/specs/rfc9111.html
 * Chromium: net/http/http_response_headers.cc GetFreshnessLifetimes(),
 * net/http/http_cache.cc GenerateCacheKey() (the network isolation key).
 */
import type { RawReply } from '../../plan/answer.ts';
import { getDecodeSplit } from './header-list.ts';
import type { ResponseHeaders } from './response-headers.ts';

/** The request headers a `Vary` list can name, lower-case; an absent header is undefined. */
export type VaryInputs = Record<string, string | undefined>;

interface Entry {
  reply: RawReply;
  /** Milliseconds on the model's clock; Infinity for a permanent redirect. */
  expiresAt: number;
  /** Lower-case names from `Vary`, with the values the storing request had. */
  vary: Array<[string, string | undefined]>;
  varyAll: boolean;
}

function directives(headers: ResponseHeaders): Map<string, string> {
  const out = new Map<string, string>();
  for (const element of getDecodeSplit(headers.get('cache-control') ?? '')) {
    const [name = '', value = ''] = element.split('=', 2);
    // Chromium reads max-age only as bare digits: `max-age="60"` gives no freshness (measured).
    if (name) out.set(name.trim().toLowerCase(), value.trim());
  }
  return out;
}

/**
 * How long a response stays fresh, in milliseconds; 0: not reusable.
 * https://httpwg.org/specs/rfc9111.html#calculating.freshness.lifetime
 * Chromium: a 301 or 308 without freshness information is fresh for ever (measured).
 */
export function freshnessMs(status: number, headers: ResponseHeaders, quotedValues = false): number {
  const cc = directives(headers);
  if (cc.has('no-store') || cc.has('no-cache')) return 0;
  const written = cc.get('max-age');
  // RFC 9111 5.2: a recipient should accept the quoted form too (WebKitGTK does: engine-rules.ts).
  const maxAge = quotedValues ? written?.replace(/^"(.*)"$/, '$1') : written;
  if (maxAge !== undefined) return /^\d+$/.test(maxAge) ? Number(maxAge) * 1000 : 0;
  return status === 301 || status === 308 ? Infinity : 0;
}

export class HttpCache {
  readonly #entries = new Map<string, Entry>();

  /** `quotedValues`: `max-age="60"` gives 60 s (absent: Chromium's, no freshness). */
  constructor(private readonly rules: { quotedValues?: boolean } = {}) {}

  /** Chromium keys the cache by the page's (top-level) site and the URL; an opaque page gets a partition of its own. */
  #key(partition: string | null, url: string): string | null {
    return partition === null ? null : `${partition} ${url}`;
  }

  /** Only GET answers are stored; a response without freshness replaces nothing and is not stored. */
  store(partition: string | null, url: string, method: string, reply: RawReply, headers: ResponseHeaders, request: VaryInputs, now: number): void {
    const key = this.#key(partition, url);
    if (key === null || method !== 'GET') return;
    const lifetime = freshnessMs(reply.status, headers, this.rules.quotedValues === true);
    if (lifetime <= 0) return;
    const names = getDecodeSplit(headers.get('vary') ?? '').filter((n) => n !== '').map((n) => n.toLowerCase());
    this.#entries.set(key, { reply, expiresAt: now + lifetime, vary: names.filter((n) => n !== '*').map((n) => [n, request[n]]), varyAll: names.includes('*') });
  }

  /** A fresh stored answer whose `Vary` headers match this request's, or null. */
  lookup(partition: string | null, url: string, method: string, request: VaryInputs, now: number): RawReply | null {
    const key = this.#key(partition, url);
    const entry = key === null || method !== 'GET' ? undefined : this.#entries.get(key);
    if (!entry || entry.expiresAt <= now || entry.varyAll) return null;
    return entry.vary.every(([name, value]) => request[name] === value) ? entry.reply : null;
  }
}
