/**
 * The HTTP version of the response a step's page got, for drivers without the DevTools Protocol (Chromium reads
 * CDP `Network.Response.protocol`, runner/cdp-watch.ts): the page's own Resource Timing entry of the step's URL,
 * `nextHopProtocol` (ALPN's id: `h2`, `http/1.1`).
 * https://w3c.github.io/resource-timing/#dom-performanceresourcetiming-nexthopprotocol
 * Read only when the page got a response from the network (allowed, or an opaque no-cors answer), as Chromium's is.
 */
import type { PageSeen } from '../runner-page/step.ts';

/** Runs in the page: the last entry's `nextHopProtocol` for the URL (resolved against the page), or null. */
export function nextHopProtocol(url: string): string | null {
  const entries = performance.getEntriesByName(new URL(url, location.href).href);
  const last = entries[entries.length - 1];
  return last && 'nextHopProtocol' in last && typeof last.nextHopProtocol === 'string' ? last.nextHopProtocol : null;
}

/** Whether the page got a response whose protocol the step reports. */
export const gotResponse = (seen: PageSeen): boolean => seen.outcome === 'allowed' || seen.responseType === 'opaque';

/** The protocol as the result reports it: an empty `nextHopProtocol` (not told) is none. */
export const reportedProtocol = (value: string | null): string | null => (value === '' ? null : value);
