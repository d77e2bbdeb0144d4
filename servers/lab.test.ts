/** The origins on real sockets: what goes on the wire, and start-up errors. */
import { createServer } from 'node:net';
import { connect } from 'node:net';
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

describe('starting the lab', () => {
  it('names the busy port, its origin and the flag', async () => {
    // api is offset 1: a base one below a port this test holds makes api collide. app's port, one below, is free only
    // by chance (another process on the machine may hold it: then the lab rightly names app): a few tries, each checked.
    let message = '';
    for (let attempt = 0; attempt < 5; attempt++) {
      const blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const busy = (blocker.address() as { port: number }).port;
      try {
        const error = await startLab({ portBase: busy - 1 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(LabStartError);
        message = (error as Error).message;
        if (message.startsWith(`port ${busy - 1} for origin "app" is busy`)) continue;
        expect(message).toContain(`port ${busy} for origin "api" is busy`);
        expect(message).toContain('--port-base N');
        return;
      } finally {
        blocker.close();
      }
    }
    throw new Error(`app's port was held by another process in every try; last: ${message}`);
  });

  it('refuses a port base out of range', async () => {
    await expect(startLab({ portBase: 65534 })).rejects.toThrow('port base 65534 is out of range: --port-base takes 1024-65529');
  });
});
