/**
 * The `secure` origin's connections are bounded (secure-server.ts): a silent HTTP/2 session gets a GOAWAY and
 * closes, letting a request in flight finish; an HTTP/1.1 connection closes only between requests; a request
 * whose reply never ends is cut; an unfinished TLS handshake is abandoned; and a new connection, counted from TCP
 * on, takes the place of the oldest idle one or is refused when every one is busy. Raw loopback clients (node:http2,
 * node:tls, node:net) from several loopback addresses, a handful each. The limits are made small for the test where
 * only their end is watched; where a client must act before a limit runs out, the limit is paced (a busy machine
 * stalls the client, never the verdict), and each verdict waits for the event it is about (a GOAWAY, a close, an
 * answer), never for a clock.
 */
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect as connectHttp2, constants, type ClientHttp2Session } from 'node:http2';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect as connectTcp, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { paced } from '../test/pace/machine-pace.ts';
import { labCertificates } from './certificate-store.ts';
import { DEFAULT_JOURNAL_WAIT_LIMITS } from './journal-waits.ts';
import type { PemPair } from './lab-certificates.ts';
import { SECURE_LIMITS, createSecureOriginServer, type SecureLimits } from './secure-server.ts';

/** Loopback addresses (Linux routes all of 127.0.0.0/8 to lo): the learner's, a hostile client's, two more. */
const LEARNER_ADDRESS = '127.0.0.1';
const HOSTILE_ADDRESS = '127.0.0.2';
const THIRD_ADDRESS = '127.0.0.3';
const FOURTH_ADDRESS = '127.0.0.4';

/** Long enough that a client's next step, on a loaded machine, comes before the limit runs out. */
const clientPace = (): number => paced(2_000);

let folder: string;
let leaf: PemPair;
let ca: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cors-lab-secure-connections-'));
  const made = await labCertificates(folder);
  leaf = made.leaf;
  ca = await readFile(made.caPath, 'utf8');
}, paced(30_000));
afterAll(() => rm(folder, { recursive: true, force: true }));

/** Replies to `/hold` wait here until the test releases them (a request in flight); every other gets 200 "ok". */
const holding: ServerResponse[] = [];
function listener(req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/hold') {
    holding.push(res);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
}
/** Answers every held request, framed as the others are (the head first, so HTTP/1.1 sends the body in chunks). */
function release(): void {
  for (const res of holding.splice(0)) {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('released');
  }
}
const heldCount = (count: number): Promise<void> =>
  expect.poll(() => holding.length, { timeout: paced(5_000) }).toBe(count);

const opened: Array<{ close(): void }> = [];
let stopServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  opened.splice(0).forEach((client) => client.close());
  holding.splice(0);
  await stopServer?.();
  stopServer = undefined;
});

async function start(limits: Partial<SecureLimits>): Promise<number> {
  const secure = createSecureOriginServer(listener, leaf, { ...SECURE_LIMITS, ...limits });
  secure.server.listen(0, LEARNER_ADDRESS);
  await once(secure.server, 'listening');
  stopServer = () => new Promise((resolve) => {
    secure.server.close(() => resolve());
    secure.closeConnections();
  });
  return (secure.server.address() as AddressInfo).port;
}

/** A bare TCP connection from `from` (no TLS yet), connected. */
async function tcpFrom(port: number, from: string): Promise<Socket> {
  const socket = connectTcp({ host: LEARNER_ADDRESS, port, localAddress: from });
  socket.on('error', () => undefined);
  opened.push({ close: () => socket.destroy() });
  await once(socket, 'connect');
  return socket;
}

/** TLS to the server over a TCP connection from the loopback address `from`, offering `alpn`. */
function tlsFrom(port: number, from: string, alpn: string): TLSSocket {
  const socket = connectTls({
    socket: connectTcp({ host: LEARNER_ADDRESS, port, localAddress: from }),
    ca, servername: 'localhost', ALPNProtocols: [alpn],
  });
  // A refused connection ends before its handshake; the test watches its close.
  socket.on('error', () => undefined);
  return socket;
}

/** An HTTP/2 session from `from`, not yet connected. */
function h2From(port: number, from: string): ClientHttp2Session {
  const client = connectHttp2(`https://localhost:${port}`, { createConnection: () => tlsFrom(port, from, 'h2') });
  client.on('error', () => undefined);
  opened.push(client);
  return client;
}

/** An HTTP/2 session from `from`, connected (TLS done, the lab's CA trusted). */
async function session(port: number, from = LEARNER_ADDRESS): Promise<ClientHttp2Session> {
  const client = h2From(port, from);
  await once(client, 'connect');
  return client;
}

/** Whether a session closed without ever connecting: refused. Resolves on its close, whatever error came first. */
function refused(client: ClientHttp2Session): Promise<boolean> {
  let connected = false;
  client.once('connect', () => (connected = true));
  return new Promise((resolve) => client.once('close', () => resolve(!connected)));
}

/** GET `path` on a session: the status and body. */
async function get(client: ClientHttp2Session, path = '/'): Promise<{ status: number; body: string }> {
  const stream = client.request({ ':path': path });
  const [headers] = (await once(stream, 'response')) as [Record<string, unknown>];
  let body = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) body += String(chunk);
  return { status: Number(headers[':status']), body };
}

/** A request on `client` that the server holds (`/hold`), its errors ignored. */
function hold(client: ClientHttp2Session): void {
  client.request({ ':path': '/hold' }).on('error', () => undefined);
}

/** An HTTP/1.1 connection over TLS from `from` (ALPN http/1.1), with what it has received so far. */
interface Http1 {
  readonly socket: TLSSocket;
  received: string;
}

async function tlsHttp1(port: number, from = LEARNER_ADDRESS): Promise<Http1> {
  const socket = tlsFrom(port, from, 'http/1.1');
  opened.push({ close: () => socket.destroy() });
  await once(socket, 'secureConnect');
  const http1: Http1 = { socket, received: '' };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (http1.received += chunk));
  return http1;
}

/**
 * Sends GET `path` on the connection and waits for the whole reply. Node frames the compatibility API's reply in
 * chunks: the reply ends with the last chunk, `0` and an empty line.
 */
async function ask(http1: Http1, port: number, path = '/'): Promise<string> {
  const from = http1.received.length;
  http1.socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost:${port}\r\n\r\n`);
  while (!http1.received.slice(from).endsWith('\r\n0\r\n\r\n')) await once(http1.socket, 'data');
  return http1.received.slice(from);
}

describe('the secure origin ends silent connections without failing a request', { timeout: paced(30_000) }, () => {
  it('an HTTP/2 session answered once, then silent, gets a GOAWAY and is closed by the server', async () => {
    const port = await start({ idleMs: clientPace() });
    const client = await session(port);
    const goaway = once(client, 'goaway');
    const closed = once(client, 'close');
    expect(await get(client)).toEqual({ status: 200, body: 'ok' });
    const [code] = (await goaway) as [number];
    expect(code).toBe(constants.NGHTTP2_NO_ERROR);
    await closed;
    expect(client.destroyed).toBe(true);
  });

  it('an HTTP/2 session silent with a request in flight gets a GOAWAY, and the request its answer', async () => {
    const port = await start({ idleMs: clientPace(), closeGraceMs: 600_000 });
    const client = await session(port);
    const goaway = once(client, 'goaway');
    const closed = once(client, 'close');
    const answer = get(client, '/hold');
    await heldCount(1);
    await goaway;
    // The session is closing; the request it had accepted still gets its reply, then the session ends.
    release();
    expect(await answer).toEqual({ status: 200, body: 'released' });
    await closed;
  });

  it('an HTTP/1.1 connection answers a second request within its keep-alive, then is closed', async () => {
    const keepAliveMs = clientPace();
    const port = await start({ keepAliveMs });
    const http1 = await tlsHttp1(port);
    expect(http1.socket.alpnProtocol).toBe('http/1.1');
    const first = await ask(http1, port);
    expect(first).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\n2\r\nok\r\n0\r\n\r\n$/);
    expect(first).toContain(`\r\nKeep-Alive: timeout=${Math.floor(keepAliveMs / 1000)}\r\n`);
    const closed = once(http1.socket, 'close');
    expect(await ask(http1, port)).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\n2\r\nok\r\n0\r\n\r\n$/);
    await closed;
  });

  it('an HTTP/1.1 connection with a request in flight outlives a silent one, then gets its answer', async () => {
    const port = await start({ keepAliveMs: clientPace() });
    const busy = await tlsHttp1(port);
    const answer = ask(busy, port, '/hold');
    await heldCount(1);
    // The idle one's keep-alive starts after its answer, later than the busy one's request: when it closes, the
    // busy connection has been silent longer than the keep-alive.
    const idle = await tlsHttp1(port);
    const idleClosed = once(idle.socket, 'close');
    await ask(idle, port);
    await idleClosed;
    expect(busy.socket.destroyed).toBe(false);
    release();
    expect(await answer).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*released/);
  });

  it('a request whose reply never ends is reset at its deadline, and its session serves on', async () => {
    const port = await start({ requestMs: 300, idleMs: 600_000 });
    const client = await session(port);
    const stream = client.request({ ':path': '/hold' });
    stream.on('error', () => undefined);
    await once(stream, 'close');
    expect(stream.rstCode).toBe(constants.NGHTTP2_CANCEL);
    expect(await get(client)).toEqual({ status: 200, body: 'ok' });
  });

  it('a TCP connection that never starts its TLS handshake is abandoned', async () => {
    const port = await start({ handshakeMs: 300 });
    const socket = connectTcp({ host: LEARNER_ADDRESS, port });
    socket.on('error', () => undefined);
    opened.push({ close: () => socket.destroy() });
    await once(socket, 'close');
    expect(socket.bytesRead).toBe(0);
  });

  it('tells each HTTP/2 client the streams it may open at once', async () => {
    const port = await start({});
    const client = await session(port);
    if (!client.remoteSettings.maxConcurrentStreams || client.remoteSettings.maxConcurrentStreams > 2 ** 31) {
      await once(client, 'remoteSettings');
    }
    expect(client.remoteSettings.maxConcurrentStreams).toBe(SECURE_LIMITS.maxConcurrentStreams);
  });
});

const ROOM = 'a new connection takes the place of an idle one, or is refused when all are busy';
describe(ROOM, { timeout: paced(30_000) }, () => {
  const PER_CLIENT = 3;
  // Only the bound a test is about can be reached: the other is far away, and so are the clocks.
  const FAR = {
    idleMs: 600_000, keepAliveMs: 600_000, handshakeMs: 600_000, requestMs: 600_000, closeGraceMs: 600_000,
  };

  it('a connection still in its TLS handshake counts, and is the first to make room', async () => {
    const port = await start({ ...FAR, perClient: 2, maxConnections: 100 });
    const oldest = await tcpFrom(port, HOSTILE_ADDRESS);
    const oldestClosed = once(oldest, 'close');
    const next = await tcpFrom(port, HOSTILE_ADDRESS);
    const client = await session(port, HOSTILE_ADDRESS);
    await oldestClosed;
    expect(oldest.bytesRead).toBe(0);
    expect(await get(client)).toEqual({ status: 200, body: 'ok' });
    expect(next.destroyed).toBe(false);
  });

  it('a client holding its maximum of busy sessions is refused one more; another client is answered', async () => {
    const port = await start({ ...FAR, perClient: PER_CLIENT, maxConnections: 100 });
    const hostile = await Promise.all(Array.from({ length: PER_CLIENT }, () => session(port, HOSTILE_ADDRESS)));
    hostile.forEach(hold);
    await heldCount(PER_CLIENT);
    expect(await refused(h2From(port, HOSTILE_ADDRESS))).toBe(true);
    expect(hostile.map((client) => client.destroyed)).toEqual([false, false, false]);
    // The learner, on another address, opens a session and gets its answer, over HTTP/2 and over HTTP/1.1.
    expect(await get(await session(port, LEARNER_ADDRESS))).toEqual({ status: 200, body: 'ok' });
    expect(await ask(await tlsHttp1(port, LEARNER_ADDRESS), port)).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });

  it('at its maximum, a client\'s next connection sends its oldest idle one a GOAWAY, and is answered', async () => {
    const port = await start({ ...FAR, perClient: PER_CLIENT, maxConnections: 100 });
    const first = await session(port, HOSTILE_ADDRESS);
    const busy = await session(port, HOSTILE_ADDRESS);
    hold(busy);
    await heldCount(1);
    const third = await tlsHttp1(port, HOSTILE_ADDRESS);
    const goaway = once(first, 'goaway');
    const firstClosed = once(first, 'close');
    const next = await session(port, HOSTILE_ADDRESS);
    const [code] = (await goaway) as [number];
    expect(code).toBe(constants.NGHTTP2_NO_ERROR);
    await firstClosed;
    expect(await get(next)).toEqual({ status: 200, body: 'ok' });
    expect(busy.destroyed).toBe(false);
    expect(third.socket.destroyed).toBe(false);
  });

  it('at the maximum of all clients, a newcomer takes another\'s idle place; all busy, it is refused', async () => {
    const port = await start({ ...FAR, perClient: PER_CLIENT, maxConnections: 3 });
    const learner = await session(port, LEARNER_ADDRESS);
    const hostile = [await session(port, HOSTILE_ADDRESS), await session(port, HOSTILE_ADDRESS)];
    hostile.forEach(hold);
    await heldCount(2);
    const goaway = once(learner, 'goaway');
    const learnerClosed = once(learner, 'close');
    const newcomer = await session(port, THIRD_ADDRESS);
    await goaway;
    expect(await get(newcomer)).toEqual({ status: 200, body: 'ok' });
    hold(newcomer);
    await heldCount(3);
    await learnerClosed;
    expect(await refused(h2From(port, FOURTH_ADDRESS))).toBe(true);
    expect([...hostile, newcomer].map((client) => client.destroyed)).toEqual([false, false, false]);
  });
});

describe('the secure origin\'s bounds in time', () => {
  it('leave a journal wait its whole hold: idle and request limits are longer', () => {
    expect(SECURE_LIMITS.idleMs).toBeGreaterThan(DEFAULT_JOURNAL_WAIT_LIMITS.holdMs);
    expect(SECURE_LIMITS.requestMs).toBeGreaterThan(DEFAULT_JOURNAL_WAIT_LIMITS.holdMs);
  });
});
