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
import type { TLSSocket } from 'node:tls';
import type { PemPair } from './lab-certificates.ts';

/**
 * How long and how many connections the `secure` origin keeps: left to Node's defaults an idle HTTP/2 session, or
 * an HTTP/1.1 connection taken by `allowHTTP1`, stays open for ever (an Http2SecureServer has no timeout, and no
 * keep-alive or headers timeout of http.Server), so a raw client in class mode could hold connections without end.
 * https://nodejs.org/api/http2.html#serversettimeoutmsecs-callback
 */
export interface SecureLimits {
  /**
   * A connection (an HTTP/2 session or an HTTP/1.1 one) that moves no byte for this long is closed. Longer than
   * anything the lab holds a reply for (a journal wait: 20 s), so only a silent connection is cut.
   */
  idleMs: number;
  /** A TLS handshake not done within this is abandoned (tls.Server's `handshakeTimeout`, 120 s by default). */
  handshakeMs: number;
  /**
   * Connections one client address may hold at once. A new one over it makes room by closing that address's
   * oldest connection with no request in flight; when every one is busy, the new one is refused. A client thus
   * crowds out only itself: a learner on another address (a class) never waits for it.
   */
  perAddress: number;
  /**
   * Streams one HTTP/2 session may have open at once (SETTINGS_MAX_CONCURRENT_STREAMS; Node's default is 2^32-1).
   * RFC 9113 section 6.5.2 advises at least 100. https://httpwg.org/specs/rfc9113.html#SETTINGS_MAX_CONCURRENT_STREAMS
   */
  maxConcurrentStreams: number;
}

export const SECURE_LIMITS: SecureLimits = {
  idleMs: 30_000, handshakeMs: 10_000, perAddress: 32, maxConcurrentStreams: 100,
};

/** One open connection: its socket, its client's address, and how many of its requests are in flight. */
interface Connection {
  socket: TLSSocket;
  address: string;
  inFlight: number;
}

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

/** A connection's key: its client's address and port, as an HTTP/2 session's socket and an HTTP/1.1 one give them. */
const keyOf = (socket: { remoteAddress?: string | undefined; remotePort?: number | undefined }): string =>
  `${socket.remoteAddress ?? ''}|${socket.remotePort ?? ''}`;

export function createSecureOriginServer(
  listener: RequestListener,
  leaf: PemPair,
  limits: SecureLimits = SECURE_LIMITS,
): SecureServer {
  const connections = new Map<string, Connection>();
  const options = {
    allowHTTP1: true, cert: leaf.cert, key: leaf.key, handshakeTimeout: limits.handshakeMs,
    settings: { maxConcurrentStreams: limits.maxConcurrentStreams },
  };
  type AnyRequest = IncomingMessage | Http2ServerRequest;
  const server = createSecureServer(options, (req: AnyRequest, res: ServerResponse | Http2ServerResponse) => {
    if (req.httpVersionMajor === 2) {
      const h2 = req as Http2ServerRequest;
      // The listener reads Host and the raw lines as HTTP/1.1 gives them.
      Object.defineProperty(h2, 'rawHeaders', { value: withoutPseudoHeaders(h2.rawHeaders) });
      h2.headers.host ??= h2.authority;
    }
    const connection = connections.get(keyOf(req.socket));
    if (connection) {
      connection.inFlight++;
      res.once('close', () => connection.inFlight--);
    }
    // Node's compatibility API gives HTTP/2 requests the HTTP/1.1 request and response shape the listener uses.
    listener(req as IncomingMessage, res as ServerResponse);
  });
  server.on('secureConnection', (socket: TLSSocket) => {
    const key = keyOf(socket);
    const connection: Connection = { socket, address: socket.remoteAddress ?? '', inFlight: 0 };
    // HTTP/1.1 is read through the socket, whose inactivity timer sees it; an HTTP/2 session reads the socket's
    // handle itself, so its own timer (the 'session' listener below) does.
    if (socket.alpnProtocol !== 'h2') socket.setTimeout(limits.idleMs, () => socket.destroy());
    socket.once('close', () => {
      if (connections.get(key) === connection) connections.delete(key);
    });
    const same = [...connections.values()].filter((other) => other.address === connection.address);
    if (same.length >= limits.perAddress) {
      // Map order is opening order: the first idle one is the oldest.
      const idle = same.find((other) => other.inFlight === 0);
      if (!idle) {
        socket.destroy();
        return;
      }
      connections.delete(keyOf(idle.socket));
      idle.socket.destroy();
    }
    connections.set(key, connection);
  });
  server.on('session', (session) => session.setTimeout(limits.idleMs, () => session.destroy()));
  return { server, closeConnections: () => connections.forEach(({ socket }) => socket.destroy()) };
}
