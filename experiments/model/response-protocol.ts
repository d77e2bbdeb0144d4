/**
 * `observed.protocol` as the model predicts it (format/protocol.ts): the lab's https origin offers h2
 * and http/1.1 by ALPN and Chromium picks h2 (RFC 9113 section 3.2, measured); browsers speak HTTP/2 only
 * over TLS (no h2c, RFC 9113 section 3.1), so every http origin answers over HTTP/1.1.
 * https://www.rfc-editor.org/rfc/rfc9113#section-3
 */
import type { Protocol } from '../../format/protocol.ts';

export function responseProtocol(url: URL): Protocol {
  return url.protocol === 'https:' ? 'h2' : 'http/1.1';
}
