/** WebSockets on a running lab's origins: the handshake from the plan, the journal, the one message, the bounds. */
import { connect, type Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLab, type Lab } from './lab.ts';
import { encodePlan, plannedPath } from '../plan/plan-url.ts';
import type { ServerPlan } from '../format/schema.ts';
import { MAX_OPEN_SOCKETS, SOCKET_LIFETIME_MS, socketMessage } from '../format/sockets.ts';
import { MAX_UNISSUED_SOCKETS, OpenSockets, acceptKey, serverFrame } from './websocket-upgrade.ts';

/** RFC 6455 §1.3's example key and its answer: the hash must match the standard's own example. */
const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';

interface Opened {
  socket: Socket;
  /** Everything received until `until` matched or the server closed. */
  received: Promise<Buffer>;
}

/** Sends a handshake by hand; resolves with what came back once the server closes or `done` says enough. */
function handshake(url: string, path: string, headers: Record<string, string>, done?: (data: Buffer) => boolean): Opened {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
  const lines = [`GET ${path} HTTP/1.1`, `Host: ${new URL(url).host}`, ...Object.entries(headers).map(([n, v]) => `${n}: ${v}`)];
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  const received = new Promise<Buffer>((resolve, reject) => {
    let data = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (done?.(data)) resolve(data);
    });
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
  return { socket, received };
}

/** The server's close frame (code 1000) arrived: the exchange is complete, the client may hang up. */
const closed = (data: Buffer): boolean => data.includes(Buffer.from([0x88, 2, 0x03, 0xe8]));

const WEBSOCKET = { Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Key': KEY, 'Sec-WebSocket-Version': '13' };

describe('OpenSockets', () => {
  it(`ends a socket after ${SOCKET_LIFETIME_MS} ms at the latest, and counts only open ones`, () => {
    vi.useFakeTimers();
    try {
      const sockets = new OpenSockets();
      const socket = new PassThrough();
      sockets.add(socket);
      expect(sockets.count).toBe(1);
      vi.advanceTimersByTime(SOCKET_LIFETIME_MS - 1);
      expect(socket.destroyed).toBe(false);
      vi.advanceTimersByTime(1);
      expect(socket.destroyed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('frees the place of a socket whose client hung up at once, before its lifetime', () => {
    vi.useFakeTimers();
    try {
      const sockets = new OpenSockets();
      const socket = new PassThrough();
      sockets.add(socket);
      socket.emit('end');
      expect(socket.destroyed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it(`keeps ${MAX_OPEN_SOCKETS - MAX_UNISSUED_SOCKETS} places for issued runs: made-up ones fill at most ${MAX_UNISSUED_SOCKETS}`, async () => {
    const sockets = new OpenSockets();
    const all = Array.from({ length: MAX_UNISSUED_SOCKETS }, () => new PassThrough());
    for (const socket of all) sockets.add(socket, false);
    expect(sockets.unissuedCount).toBe(MAX_UNISSUED_SOCKETS);
    expect(sockets.refusal(false)).toMatch(/did not issue/);
    expect(sockets.refusal(true)).toBeNull();
    const closed = new Promise((resolve) => all[0]!.once('close', resolve));
    all[0]!.destroy();
    await closed;
    expect(sockets.unissuedCount).toBe(MAX_UNISSUED_SOCKETS - 1);
    expect(sockets.refusal(false)).toBeNull();
    sockets.closeAll();
  });

  it('ends every open socket when the lab closes', () => {
    const sockets = new OpenSockets();
    const all = [new PassThrough(), new PassThrough()];
    for (const socket of all) sockets.add(socket);
    sockets.closeAll();
    expect(all.map((socket) => socket.destroyed)).toEqual([true, true]);
  });
});

describe('WebSockets on the lab origins', () => {
  let lab: Lab;
  let api: string;
  let app: string;
  beforeAll(async () => {
    lab = await startLab({ clientDir: null });
    api = lab.origins.find((o) => o.name === 'api')!.url;
    app = lab.origins.find((o) => o.name === 'app')!.url;
  });
  afterAll(() => lab.close());

  const path = (run: string, server: ServerPlan): string => plannedPath(run, 0, encodePlan({ page: 'app', server }), '/ws');

  it('computes Sec-WebSocket-Accept as RFC 6455 1.3 does, and frames a server message unmasked', () => {
    expect(acceptKey(KEY)).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    expect([...serverFrame(0x1, Buffer.from('hi'))]).toEqual([0x81, 2, 0x68, 0x69]);
    const long = serverFrame(0x1, Buffer.alloc(300, 0x61));
    expect([...long.subarray(0, 4)]).toEqual([0x81, 126, 1, 44]);
    expect(long.length).toBe(304);
  });

  it('accepts the Origin the plan names: 101, then one text message and a close frame; the journal has Origin and Cookie', async () => {
    const { socket, received } = handshake(api, path('ws-accept', { websocket: { acceptOrigins: ['{page}'] } }), { ...WEBSOCKET, Origin: app, Cookie: 'session=1' }, closed);
    const data = (await received).toString('latin1');
    socket.destroy();
    expect(data).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n/);
    expect(data).toContain('Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n');
    const body = Buffer.from(data.slice(data.indexOf('\r\n\r\n') + 4), 'latin1');
    const message = socketMessage(api);
    expect(body[0]).toBe(0x81);
    expect(body.subarray(2, 2 + body[1]!).toString('utf8')).toBe(message);
    expect([...body.subarray(2 + message.length)]).toEqual([0x88, 2, 0x03, 0xe8]);
    const { entries } = lab.journal.read('ws-accept', 0);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ origin: 'api', method: 'GET', status: 101, originHeader: app, cookie: 'session=1', path: '/ws' });
  });

  const refusals: Array<[string, ServerPlan, string | null]> = [
    ['another Origin than the accepted ones', { websocket: { acceptOrigins: ['{page}'] } }, 'http://evil.localhost:1'],
    ['no Origin at all', { websocket: { acceptOrigins: ['{page}'] } }, null],
    ['a plan without server.websocket', { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } }, 'http://localhost:1'],
  ];
  for (const [title, server, origin] of refusals) {
    it(`refuses ${title} with 403 JSON naming server.websocket, journaled`, async () => {
      const run = `ws-refuse-${title.length}`;
      const headers: Record<string, string> = { ...WEBSOCKET, ...(origin ? { Origin: origin } : {}) };
      const data = (await handshake(api, path(run, server), headers).received).toString('latin1');
      expect(data).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
      expect(JSON.parse(data.slice(data.indexOf('\r\n\r\n') + 4))).toMatchObject({ field: 'server.websocket' });
      expect(lab.journal.read(run, 0).entries[0]).toMatchObject({ status: 403, originHeader: origin });
    });
  }

  it('ends the connection on whatever the page sends after the handshake, reading none of it', async () => {
    const upgraded = (data: Buffer): boolean => data.includes('\r\n\r\n');
    const { socket, received } = handshake(api, path('ws-flood', { websocket: 'any' }), { ...WEBSOCKET, Origin: app }, upgraded);
    await received;
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(Buffer.alloc(64 * 1024, 0x41));
    await ended;
    expect(socket.destroyed).toBe(true);
  });

  it('accepts any Origin with "any"', async () => {
    const { socket, received } = handshake(api, path('ws-any', { websocket: 'any' }), { ...WEBSOCKET, Origin: 'http://evil.localhost:1' }, closed);
    expect((await received).toString('latin1')).toMatch(/^HTTP\/1\.1 101 /);
    socket.destroy();
  });

  for (const [field, headers] of [
    ['sec-websocket-key', { ...WEBSOCKET, 'Sec-WebSocket-Key': 'short' }],
    ['sec-websocket-version', { ...WEBSOCKET, 'Sec-WebSocket-Version': '8' }],
  ] as const) {
    it(`answers a malformed handshake (${field}) with 400 naming the field, and keeps serving`, async () => {
      const data = (await handshake(api, path('ws-bad', { websocket: 'any' }), { ...headers, Origin: app }).received).toString('latin1');
      expect(data).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(data.slice(data.indexOf('\r\n\r\n') + 4))).toMatchObject({ field });
      const again = await fetch(`${api}/__lab/none`);
      expect(again.status).toBe(404);
    });
  }

  for (const [title, target, field] of [
    ['a path that is no plan', '/not-planned', 'upgrade'],
    ['a malformed plan', '/__cl/r1/0/%%%/ws', 'plan'],
    ['a bad run id', '/__cl/UPPER/0/e30/ws', 'run'],
  ] as const) {
    it(`answers a handshake to ${title} with 400 naming ${field}`, async () => {
      const data = (await handshake(api, target, { ...WEBSOCKET, Origin: app }).received).toString('latin1');
      expect(data).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(data.slice(data.indexOf('\r\n\r\n') + 4))).toMatchObject({ field });
    });
  }

  it('refuses a foreign Host before any plan is read', async () => {
    const { port } = new URL(api);
    const socket = connect(Number(port), '127.0.0.1');
    socket.write(`GET ${path('ws-host', { websocket: 'any' })} HTTP/1.1\r\nHost: attacker.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${KEY}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    const data = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('close', () => resolve(text));
    });
    expect(data).toMatch(/^HTTP\/1\.1 (400|403|421) /);
    expect(lab.journal.read('ws-host', 0).entries).toHaveLength(0);
  });

  it(`holds at most ${MAX_OPEN_SOCKETS} sockets open: the next handshake gets 503 JSON naming websocket`, async () => {
    // A lab of its own: no socket of another test is still closing there.
    const fresh = await startLab({ clientDir: null });
    const api = fresh.origins.find((o) => o.name === 'api')!.url;
    const open: Opened[] = [];
    const upgraded = (data: Buffer): boolean => data.includes('\r\n\r\n');
    for (let i = 0; i < MAX_OPEN_SOCKETS; i++) {
      open.push(handshake(api, path(fresh.newRunId(), { websocket: 'any' }), { ...WEBSOCKET, Origin: app }, upgraded));
    }
    const answers = await Promise.all(open.map((o) => o.received));
    expect(answers.every((a) => a.toString('latin1').startsWith('HTTP/1.1 101 '))).toBe(true);
    const over = (await handshake(api, path(fresh.newRunId(), { websocket: 'any' }), { ...WEBSOCKET, Origin: app }).received).toString('latin1');
    expect(over).toMatch(/^HTTP\/1\.1 503 /);
    expect(JSON.parse(over.slice(over.indexOf('\r\n\r\n') + 4))).toMatchObject({ field: 'websocket' });
    for (const o of open) o.socket.destroy();
    await fresh.close();
  });

  it(`lets made-up run ids (any page can make them) hold ${MAX_UNISSUED_SOCKETS} sockets, never the lab's runs' places`, async () => {
    // A hostile page or client holds sockets of made-up runs open and never answers the close frame.
    const fresh = await startLab({ clientDir: null });
    const api = fresh.origins.find((o) => o.name === 'api')!.url;
    const upgraded = (data: Buffer): boolean => data.includes('\r\n\r\n');
    const hostile: Opened[] = [];
    for (let i = 0; i < MAX_UNISSUED_SOCKETS; i++) {
      hostile.push(handshake(api, path(`made-up-${i}`, { websocket: 'any' }), { ...WEBSOCKET, Origin: 'http://evil.example' }, upgraded));
    }
    const held = await Promise.all(hostile.map((o) => o.received));
    expect(held.map((a) => a.toString('latin1').slice(0, 13))).toEqual(Array(MAX_UNISSUED_SOCKETS).fill('HTTP/1.1 101 '));
    const more = handshake(api, path('made-up-more', { websocket: 'any' }), { ...WEBSOCKET, Origin: 'http://evil.example' });
    const refused = (await more.received).toString('latin1');
    expect(refused).toMatch(/^HTTP\/1\.1 503 /);
    const body: unknown = JSON.parse(refused.slice(refused.indexOf('\r\n\r\n') + 4));
    expect(body).toMatchObject({ field: 'websocket', error: expect.stringContaining('did not issue') });
    // The learner's runs still open theirs, up to the whole bound.
    const own: Opened[] = [];
    for (let i = 0; i < MAX_OPEN_SOCKETS - MAX_UNISSUED_SOCKETS; i++) {
      own.push(handshake(api, path(fresh.newRunId(), { websocket: 'any' }), { ...WEBSOCKET, Origin: app }, upgraded));
    }
    const answers = await Promise.all(own.map((o) => o.received));
    expect(answers.every((a) => a.toString('latin1').startsWith('HTTP/1.1 101 '))).toBe(true);
    for (const o of [...hostile, ...own]) o.socket.destroy();
    await fresh.close();
  });
});
