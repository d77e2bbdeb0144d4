/** The origins on real sockets: what goes on the wire, and start-up errors. */
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabStartError, startLab, type Lab } from './lab.ts';
import { encodePlan, plannedPath } from '../plan/plan-url.ts';
import { ORIGINS } from '../plan/origins.ts';

/** Sends raw bytes and returns the raw answer (the connection closes after one request). */
function rawRequest(url: string, lines: string[]): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname, () => socket.write(`${lines.join('\r\n')}\r\nConnection: close\r\n\r\n`));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('a running lab', () => {
  let lab: Lab;
  let api: string;
  beforeAll(async () => {
    lab = await startLab({ clientDir: null });
    api = lab.origins.find((o) => o.name === 'api')!.url;
  });
  afterAll(() => lab.close());

  it('binds every origin to loopback on its own port, the one its URL names', () => {
    expect(lab.origins.map((o) => o.name)).toEqual(['app', 'api', 'api2', 'partner', 'evil', 'public', 'secure']);
    expect(lab.bound.map((b) => b.address)).toEqual(Array(ORIGINS.length).fill('127.0.0.1'));
    expect(lab.bound.map((b) => b.port)).toEqual(lab.origins.map((o) => Number(new URL(o.url).port)));
    expect(new Set(lab.bound.map((b) => b.port)).size).toBe(ORIGINS.length);
  });

  it('puts repeated lines, case and surrounding spaces on the wire exactly', async () => {
    const path = plannedPath('w1', 0, encodePlan({ page: 'app', server: { actual: { headers: { 'access-CONTROL-allow-origin': ['{page}', '  *  '] } } } }), '/');
    const answer = await rawRequest(api, [`GET ${path} HTTP/1.1`, `Host: ${new URL(api).host}`, 'Origin: http://o.example']);
    const app = lab.origins[0]!.url;
    expect(answer).toContain(`\r\naccess-CONTROL-allow-origin: ${app}\r\naccess-CONTROL-allow-origin:   *  \r\n`);
  });

  for (const method of ['CHICKEN', 'patch', 'SUPER']) {
    it(`answers the method ${method}, which Node's own parser refuses, from its plan`, async () => {
      const path = plannedPath(`m-${method.toLowerCase()}`, 0, encodePlan({ page: 'app', server: { actual: { status: 202, headers: { 'X-Method': 'seen' } } } }), '/');
      const answer = await rawRequest(api, [`${method} ${path} HTTP/1.1`, `Host: ${new URL(api).host}`, 'Origin: http://localhost:1']);
      expect(answer).toMatch(/^HTTP\/1\.1 202 Accepted\r\n/);
      expect(answer).toContain('X-Method: seen');
      expect(lab.journal.read(`m-${method.toLowerCase()}`).entries[0]).toMatchObject({ method, originHeader: 'http://localhost:1' });
    });
  }

  it('answers garbage with 400 and keeps serving', async () => {
    expect(await rawRequest(api, ['NOT AN HTTP REQUEST'])).toMatch(/^HTTP\/1\.1 400/);
    const ok = await fetch(`${api}${plannedPath('after', 0, encodePlan({ page: 'app', server: {} }), '/')}`);
    expect(ok.status).toBe(200);
  });
});

/** Listens on 127.0.0.1 at `port` (0: any); null when the port is taken. */
function listenAt(port: number): Promise<Server | null> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** A server holding a port whose neighbour below was free a moment ago (at most 20 tries). */
async function blockerAboveFreePort(): Promise<{ blocker: Server; busy: number }> {
  for (let tries = 0; tries < 20; tries++) {
    const blocker = await listenAt(0);
    if (blocker === null) continue;
    const busy = (blocker.address() as AddressInfo).port;
    const below = await listenAt(busy - 1);
    if (below !== null) {
      await new Promise((resolve) => below.close(resolve));
      return { blocker, busy };
    }
    blocker.close();
  }
  throw new Error('no port with a free neighbour below it in 20 tries');
}

describe('starting the lab', () => {
  it('names the busy port, its origin and the flag', async () => {
    // api is offset 1: a base one below the busy port makes api collide. The port below must be free, or app
    // collides first (other programs on this machine hold ports too: CI once found app's busy).
    const { blocker, busy } = await blockerAboveFreePort();
    try {
      const error = await startLab({ portBase: busy - 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LabStartError);
      expect((error as Error).message).toContain(`port ${busy} for origin "api" is busy`);
      expect((error as Error).message).toContain('--port-base N');
    } finally {
      blocker.close();
    }
  });

  it('refuses a port base out of range', async () => {
    await expect(startLab({ portBase: 65534 })).rejects.toThrow('port base 65534 is out of range: --port-base takes 1024-65529');
  });
});
