/**
 * The `secure` origin's server: TLS with the lab's leaf certificate, HTTP/2
 * and HTTP/1.1 by ALPN (`allowHTTP1`), answering through the same listener as
 * every other origin. HTTP/2 has no Host header, only `:authority`
 * (RFC 9113 section 8.3.1), and forbids connection-specific header lines
 * (section 8.2.2): the request is given a Host from `:authority`, and the
 * reply drops those lines (write-reply.ts).
 * https://nodejs.org/api/http2.html#compatibility-api
 */
import { createSecureServer, type Http2SecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { PemPair } from './lab-certificates.ts';

export interface SecureServer {
  readonly server: Http2SecureServer;
  /** Ends every open connection (HTTP/2 sessions and HTTP/1.1 sockets alike). */
  closeConnections(): void;
}

/** HTTP/2 pseudo-header lines (`:method`, `:path`...) are not request headers: the journal keeps the header lines. */
export function withoutPseudoHeaders(rawHeaders: readonly string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name === ':authority') lines.push('host', rawHeaders[i + 1]!);
    else if (!name.startsWith(':')) lines.push(name, rawHeaders[i + 1]!);
  }
  return lines;
}

export function createSecureOriginServer(listener: RequestListener, leaf: PemPair): SecureServer {
  const connections = new Set<Socket>();
  const server = createSecureServer({ allowHTTP1: true, cert: leaf.cert, key: leaf.key }, (req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse) => {
    if (req.httpVersionMajor === 2) {
      const h2 = req as Http2ServerRequest;
      // The listener reads Host and the raw lines as HTTP/1.1 gives them.
      Object.defineProperty(h2, 'rawHeaders', { value: withoutPseudoHeaders(h2.rawHeaders) });
      h2.headers.host ??= h2.authority;
    }
    // Node's compatibility API gives HTTP/2 requests the HTTP/1.1 request and response shape the listener uses.
    listener(req as IncomingMessage, res as ServerResponse);
  });
  server.on('secureConnection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  return { server, closeConnections: () => connections.forEach((socket) => socket.destroy()) };
}
