/**
 * A running lab's connections end: an HTTP/1.1 keep-alive connection, to an http origin or to `secure`, serves a
 * next request, then closes after KEEP_ALIVE_SECONDS of silence (what the reply announces), and the `secure`
 * origin runs with its bounds (secure-server.ts, tested with small ones in secure-connections.test.ts). Raw
 * loopback clients, one each; each verdict waits for the event it is about.
 */
import { once } from 'node:events';
import { connect as connectHttp2 } from 'node:http2';
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connect as connectTls } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEP_ALIVE_SECONDS } from '../plan/answer.ts';
import { encodePlan, plannedPath } from '../plan/plan-url.ts';
import { paced } from '../test/pace/machine-pace.ts';
import { startLab, type Lab } from './lab.ts';
import { SECURE_LIMITS } from './secure-server.ts';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab({ clientDir: null });
}, paced(30_000));
afterAll(() => lab.close());

const urlOf = (name: string): URL => new URL(lab.origins.find((origin) => origin.name === name)!.url);

/** What a socket has received so far, as text. */
function received(socket: Socket): { text: string } {
  const seen = { text: '' };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (seen.text += chunk));
  return seen;
}

/** Whether `text` holds a whole HTTP/1.1 reply: its head, then a body of its Content-Length or its last chunk. */
function wholeReply(text: string): boolean {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const length = /\r\ncontent-length: *(\d+)\r\n/i.exec(text.slice(0, end + 2));
  if (length) return text.length - (end + 4) >= Number(length[1]);
  return text.endsWith('\r\n0\r\n\r\n');
}

/** Writes a GET for `path` and waits for its whole reply; the reply. */
async function ask(socket: Socket, seen: { text: string }, host: string, path: string): Promise<string> {
  const from = seen.text.length;
  socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
  while (!wholeReply(seen.text.slice(from))) await once(socket, 'data');
  return seen.text.slice(from);
}

/** A raw HTTP/1.1 connection to the origin `name`, connected: TCP, or TLS offering only http/1.1 for `secure`. */
async function http1To(name: string): Promise<Socket> {
  const url = urlOf(name);
  const port = Number(url.port);
  const socket = url.protocol === 'https:'
    ? connectTls({
      host: url.hostname, port, rejectUnauthorized: false, servername: 'localhost', ALPNProtocols: ['http/1.1'],
    })
    : connect({ host: url.hostname, port });
  socket.on('error', () => undefined);
  await once(socket, url.protocol === 'https:' ? 'secureConnect' : 'connect');
  return socket;
}

describe('a running lab\'s connections', { timeout: paced(30_000) }, () => {
  for (const name of ['api', 'secure']) {
    it(`${name} keeps an HTTP/1.1 connection for a next request, closes it ${KEEP_ALIVE_SECONDS} s after`, async () => {
      const socket = await http1To(name);
      const closed = once(socket, 'close');
      const seen = received(socket);
      const { host } = urlOf(name);
      const path = plannedPath('keep-alive', 0, encodePlan({ page: 'app', server: {} }), '/');
      const first = await ask(socket, seen, host, path);
      expect(first).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(first).toContain(`\r\nKeep-Alive: timeout=${KEEP_ALIVE_SECONDS}\r\n`);
      // Taken before the second request is written: the server's timer starts only once it has answered that
      // request, so however busy the machine, the close comes at least the keep-alive after this (the 1 ms is
      // libuv's clock, which counts whole milliseconds).
      const askedAt = performance.now();
      // Sent at once, well within the keep-alive: the same connection answers it.
      expect(await ask(socket, seen, host, path)).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      await closed;
      expect(performance.now() - askedAt).toBeGreaterThanOrEqual(KEEP_ALIVE_SECONDS * 1000 - 1);
    });
  }

  it('the secure origin tells an HTTP/2 client how many streams it may open at once', async () => {
    const secure = urlOf('secure');
    const client = connectHttp2(secure.origin, { rejectUnauthorized: false });
    client.on('error', () => undefined);
    try {
      await once(client, 'remoteSettings');
      expect(client.remoteSettings.maxConcurrentStreams).toBe(SECURE_LIMITS.maxConcurrentStreams);
    } finally {
      client.close();
    }
  });
});
