/**
 * The `secure` origin's server: TLS with the lab's leaf certificate, HTTP/2
 * and HTTP/1.1 by ALPN (`allowHTTP1`), answering through the same listener as
 * every other origin. HTTP/2 has no Host header, only `:authority`
 * (RFC 9113 section 8.3.1), and forbids connection-specific header lines
 * (section 8.2.2): the request is given a Host from `:authority`, and the
 * reply drops those lines (write-reply.ts).
 * https://nodejs.org/api/http2.html#compatibility-api
 */
import {
  constants, createSecureServer, type Http2SecureServer, type Http2ServerRequest, type Http2ServerResponse,
  type ServerHttp2Session,
} from 'node:http2';
import type { IncomingMessage, RequestListener, Server as HttpServer, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { roomFor } from './connection-room.ts';
import { journalClient } from './journal-client.ts';
import { KEEP_ALIVE_SECONDS } from '../plan/answer.ts';
import { DEFAULT_JOURNAL_WAIT_LIMITS } from './journal-waits.ts';
import type { PemPair } from './lab-certificates.ts';

/**
 * How long and how many connections the `secure` origin keeps: left to Node's defaults an idle HTTP/2 session, or
 * an HTTP/1.1 connection taken by `allowHTTP1`, stays open for ever (an Http2SecureServer has no timeout and no
 * keep-alive timeout), and an HTTP/2 request may stay in flight for ever.
 * https://nodejs.org/api/http2.html#serversettimeoutmsecs-callback
 */
export interface SecureLimits {
  /**
   * An HTTP/2 session that moves no byte for this long is closed with a GOAWAY. Its timer runs while a reply is
   * held, so it is longer than any reply the lab holds.
   */
  idleMs: number;
  /**
   * An HTTP/1.1 connection with no request in flight for this long is closed (Node's keep-alive timeout, which
   * never runs during a request). The lab's replies announce it (`Keep-Alive: timeout`, plan/answer.ts).
   */
  keepAliveMs: number;
  /** A TLS handshake not done within this is abandoned (tls.Server's `handshakeTimeout`, 120 s by default). */
  handshakeMs: number;
  /** A request whose reply has not ended this long after it arrived is cut (an HTTP/2 stream reset with CANCEL). */
  requestMs: number;
  /** A connection closed gracefully (GOAWAY, or the end of an idle HTTP/1.1 one) is destroyed if still open after. */
  closeGraceMs: number;
  /** Connections one client (journal-client.ts) may hold at once, counted from the TCP connection on. */
  perClient: number;
  /** Connections all clients together may hold at once. */
  maxConnections: number;
  /**
   * Streams one HTTP/2 session may have open at once (SETTINGS_MAX_CONCURRENT_STREAMS; Node's default is 2^32-1).
   * RFC 9113 section 6.5.2 advises at least 100. https://httpwg.org/specs/rfc9113.html#SETTINGS_MAX_CONCURRENT_STREAMS
   */
  maxConcurrentStreams: number;
}

/** The longest the lab itself holds a reply: a journal wait (journal-waits.ts); every bound in time is above it. */
const LONGEST_HOLD_MS = DEFAULT_JOURNAL_WAIT_LIMITS.holdMs;

export const SECURE_LIMITS: SecureLimits = {
  idleMs: LONGEST_HOLD_MS + 10_000,
  keepAliveMs: KEEP_ALIVE_SECONDS * 1000,
  handshakeMs: 10_000,
  requestMs: 3 * LONGEST_HOLD_MS,
  closeGraceMs: 5_000,
  perClient: 32,
  maxConnections: 256,
  maxConcurrentStreams: 100,
};

/** One open connection, from its TCP connection on: whose it is, what it speaks once known, its requests. */
class SecureConnection {
  session: ServerHttp2Session | undefined;
  http1: TLSSocket | undefined;
  inFlight = 0;
  closing = false;

  constructor(readonly socket: Socket, readonly client: string) {}

  get busy(): boolean {
    return this.inFlight > 0;
  }

  /**
   * Ends the connection without failing a request: an HTTP/2 session gets a GOAWAY, so a client that sent a
   * stream meanwhile knows it was not processed and sends it again elsewhere (RFC 9113 section 6.8); its streams
   * in flight finish. An HTTP/1.1 connection is ended only with none in flight; a TLS handshake is cut. What is
   * still open after `graceMs` is destroyed. https://httpwg.org/specs/rfc9113.html#GOAWAY
   */
  close(graceMs: number): void {
    if (this.closing) return;
    this.closing = true;
    const grace = setTimeout(() => this.destroy(), graceMs).unref();
    this.socket.once('close', () => clearTimeout(grace));
    if (this.session) this.session.close();
    else if (this.http1) this.http1.end();
    else this.socket.destroy();
  }

  destroy(): void {
    this.session?.destroy();
    this.socket.destroy();
  }
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

/**
 * A connection's key: its client's address and port, the same on the TCP socket, the TLS socket, an HTTP/2
 * session's socket and a request's.
 */
const keyOf = (socket: { remoteAddress?: string | undefined; remotePort?: number | undefined }): string =>
  `${socket.remoteAddress ?? ''}|${socket.remotePort ?? ''}`;

export function createSecureOriginServer(
  listener: RequestListener,
  leaf: PemPair,
  limits: SecureLimits = SECURE_LIMITS,
): SecureServer {
  const connections = new Map<string, SecureConnection>();
  const options = {
    allowHTTP1: true, cert: leaf.cert, key: leaf.key, handshakeTimeout: limits.handshakeMs,
    settings: { maxConcurrentStreams: limits.maxConcurrentStreams },
  };
  type AnyRequest = IncomingMessage | Http2ServerRequest;
  const server = createSecureServer(options, (req: AnyRequest, res: ServerResponse | Http2ServerResponse) => {
    const h2 = req.httpVersionMajor === 2 ? (req as Http2ServerRequest) : undefined;
    if (h2) {
      // The listener reads Host and the raw lines as HTTP/1.1 gives them.
      Object.defineProperty(h2, 'rawHeaders', { value: withoutPseudoHeaders(h2.rawHeaders) });
      h2.headers.host ??= h2.authority;
    }
    const connection = connections.get(keyOf(req.socket));
    if (connection) connection.inFlight++;
    // A page can keep an HTTP/2 request open (a body streamed without end): the deadline frees its place.
    const deadline = setTimeout(() => {
      if (h2) h2.stream.close(constants.NGHTTP2_CANCEL);
      else req.socket.destroy();
    }, limits.requestMs).unref();
    res.once('close', () => {
      clearTimeout(deadline);
      if (connection) connection.inFlight--;
    });
    // Node's compatibility API gives HTTP/2 requests the HTTP/1.1 request and response shape the listener uses.
    listener(req as IncomingMessage, res as ServerResponse);
  });
  // Counted from the TCP connection, before its handshake: a handshake costs CPU and may last `handshakeMs`.
  server.on('connection', (socket: Socket) => {
    const client = journalClient(socket.remoteAddress);
    const room = roomFor([...connections.values()].filter((open) => !open.closing), client, limits);
    if (room.kind === 'full') {
      socket.destroy();
      return;
    }
    if (room.kind === 'take-place-of') room.occupant.close(limits.closeGraceMs);
    const key = keyOf(socket);
    const connection = new SecureConnection(socket, client);
    connections.set(key, connection);
    socket.once('close', () => {
      if (connections.get(key) === connection) connections.delete(key);
    });
  });
  // Node's HTTP/2 server opens the session on 'secureConnection' before this listener runs.
  server.on('session', (session: ServerHttp2Session) => {
    const connection = connections.get(keyOf(session.socket));
    if (!connection) return;
    connection.session = session;
    session.setTimeout(limits.idleMs, () => connection.close(limits.closeGraceMs));
  });
  server.on('secureConnection', (socket: TLSSocket) => {
    const connection = connections.get(keyOf(socket));
    if (connection && socket.alpnProtocol !== 'h2') connection.http1 = socket;
  });
  // The HTTP/1.1 fallback runs Node's http.Server connection code, which reads these (an Http2SecureServer sets
  // no keep-alive timeout): an idle connection is ended only between requests, as the http origins end theirs, and
  // a request must arrive in full within `requestMs`.
  // https://nodejs.org/api/http.html#serverkeepalivetimeout
  const http1Fallback = server as Http2SecureServer & Pick<HttpServer, 'keepAliveTimeout' | 'requestTimeout'>;
  http1Fallback.keepAliveTimeout = limits.keepAliveMs;
  http1Fallback.requestTimeout = limits.requestMs;
  // A hard stop in the kernel's accept, beside the choice above: connections in their grace period count there too.
  server.maxConnections = 2 * limits.maxConnections;
  return { server, closeConnections: () => connections.forEach((connection) => connection.destroy()) };
}
