/**
 * The `secure` origin's connections are bounded (secure-server.ts): a silent HTTP/2 session, HTTP/1.1 connection
 * or unfinished TLS handshake is closed, and a client address holding its maximum crowds out only itself. Raw
 * loopback clients (node:http2, node:tls, node:net), a handful each; the limits are made small for the test, and
 * each verdict waits for the event it is about (a close, an answer), never for a clock.
 */
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect as connectHttp2, type ClientHttp2Session } from 'node:http2';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect as connectTcp, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { paced } from '../test/pace/machine-pace.ts';
import { labCertificates } from './certificate-store.ts';
import type { PemPair } from './lab-certificates.ts';
import { SECURE_LIMITS, createSecureOriginServer, type SecureLimits } from './secure-server.ts';

/** A second loopback address (Linux routes all of 127.0.0.0/8 to lo): the hostile client's, beside the learner's. */
const HOSTILE_ADDRESS = '127.0.0.2';
const LEARNER_ADDRESS = '127.0.0.1';

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

/** Requests to `/hold` are never answered (a reply in flight); every other gets 200 "ok". */
let held = 0;
function listener(req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/hold') {
    held++;
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
}

const opened: Array<{ close(): void }> = [];
let stopServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  opened.splice(0).forEach((client) => client.close());
  await stopServer?.();
  held = 0;
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

/** TLS to the server over a TCP connection from the loopback address `from`, offering `alpn`. */
const tlsFrom = (port: number, from: string, alpn: string): TLSSocket =>
  connectTls({
    socket: connectTcp({ host: LEARNER_ADDRESS, port, localAddress: from }),
    ca, servername: 'localhost', ALPNProtocols: [alpn],
  });

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

/** GET `path` on a session: the status and body. */
async function get(client: ClientHttp2Session, path = '/'): Promise<{ status: number; body: string }> {
  const stream = client.request({ ':path': path });
  const [headers] = (await once(stream, 'response')) as [Record<string, unknown>];
  let body = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) body += String(chunk);
  return { status: Number(headers[':status']), body };
}

/** An HTTP/1.1 connection over TLS from `from` (ALPN http/1.1). */
async function tlsHttp1(port: number, from = LEARNER_ADDRESS): Promise<TLSSocket> {
  const socket = tlsFrom(port, from, 'http/1.1');
  socket.on('error', () => undefined);
  opened.push({ close: () => socket.destroy() });
  await once(socket, 'secureConnect');
  return socket;
}

describe('the secure origin closes silent connections', { timeout: paced(20_000) }, () => {
  it('an HTTP/2 session answered once, then silent, is closed by the server', async () => {
    const port = await start({ idleMs: 300 });
    const client = await session(port);
    expect(await get(client)).toEqual({ status: 200, body: 'ok' });
    await once(client, 'close');
    expect(client.destroyed).toBe(true);
  });

  it('an HTTP/1.1 keep-alive connection over TLS, answered once, then silent, is closed by the server', async () => {
    const port = await start({ idleMs: 300 });
    const socket = await tlsHttp1(port);
    expect(socket.alpnProtocol).toBe('http/1.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.write(`GET / HTTP/1.1\r\nHost: localhost:${port}\r\n\r\n`);
    await once(socket, 'close');
    // Node frames the compatibility API's reply in chunks: "2" (its size), "ok", then the last chunk.
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\n2\r\nok\r\n0\r\n\r\n$/);
  });

  it('a TCP connection that never starts its TLS handshake is abandoned', async () => {
    const port = await start({ handshakeMs: 300 });
    const socket = connectTcp({ host: LEARNER_ADDRESS, port });
    socket.on('error', () => undefined);
    opened.push({ close: () => socket.destroy() });
    await once(socket, 'connect');
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

describe('a client address at its maximum crowds out only itself', { timeout: paced(20_000) }, () => {
  const PER_ADDRESS = 3;

  it('an address holding its maximum of busy sessions is refused one more; the learner is answered', async () => {
    const port = await start({ perAddress: PER_ADDRESS, idleMs: 60_000 });
    const hostile = await Promise.all(Array.from({ length: PER_ADDRESS }, () => session(port, HOSTILE_ADDRESS)));
    // Each hostile session has a request in flight, which the server never answers.
    hostile.forEach((client) => client.request({ ':path': '/hold' }).on('error', () => undefined));
    await expect.poll(() => held).toBe(PER_ADDRESS);
    const refused = h2From(port, HOSTILE_ADDRESS);
    await once(refused, 'close');
    expect(hostile.map((client) => client.destroyed)).toEqual([false, false, false]);
    // The learner, on another address, opens a session and gets its answer, over HTTP/2 and over HTTP/1.1.
    expect(await get(await session(port, LEARNER_ADDRESS))).toEqual({ status: 200, body: 'ok' });
    const http1 = await tlsHttp1(port, LEARNER_ADDRESS);
    http1.write(`GET / HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`);
    http1.setEncoding('utf8');
    let answer = '';
    for await (const chunk of http1) answer += String(chunk);
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });

  it('at its maximum, an address\'s next connection closes its own oldest idle one, and is answered', async () => {
    const port = await start({ perAddress: PER_ADDRESS, idleMs: 60_000 });
    const first = await session(port, HOSTILE_ADDRESS);
    const busy = await session(port, HOSTILE_ADDRESS);
    busy.request({ ':path': '/hold' }).on('error', () => undefined);
    await expect.poll(() => held).toBe(1);
    const third = await tlsHttp1(port, HOSTILE_ADDRESS);
    const closed = once(first, 'close');
    const next = await session(port, HOSTILE_ADDRESS);
    await closed;
    expect(await get(next)).toEqual({ status: 200, body: 'ok' });
    expect(busy.destroyed).toBe(false);
    expect(third.destroyed).toBe(false);
  });
});
