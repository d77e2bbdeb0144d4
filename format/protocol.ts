/**
 * Format 1.2 `observed.protocol`: the HTTP version the page's response came
 * over, in ALPN's words (https://www.rfc-editor.org/rfc/rfc7301, the IANA
 * "TLS Application-Layer Protocol Negotiation (ALPN) Protocol IDs"), as
 * Chromium reports it (CDP `Network.Response.protocol`) and as
 * `PerformanceResourceTiming.nextHopProtocol` names it
 * (https://w3c.github.io/resource-timing/#dom-performanceresourcetiming-nexthopprotocol).
 * The lab's http origins speak HTTP/1.1; `secure` offers h2 and http/1.1 by ALPN.
 * Null when the page got no response, or the engine does not tell.
 */
export const PROTOCOLS = ['h2', 'http/1.1'] as const;
export type Protocol = (typeof PROTOCOLS)[number];
