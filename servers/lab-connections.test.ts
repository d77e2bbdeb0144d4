/**
 * A running lab's connections end: an http origin's keep-alive connection after KEEP_ALIVE_SECONDS of silence (what
 * it announces), and the `secure` origin runs with its bounds (secure-server.ts, tested with small ones in
 * secure-connections.test.ts). Raw loopback clients, one each; each verdict waits for the event it is about.
 */
import { once } from 'node:events';
import { connect as connectHttp2 } from 'node:http2';
import { connect } from 'node:net';
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

describe('a running lab\'s connections', { timeout: paced(30_000) }, () => {
  it(`an http origin closes a keep-alive connection silent for ${KEEP_ALIVE_SECONDS} s after its answer`, async () => {
    const api = urlOf('api');
    const socket = connect({ host: api.hostname, port: Number(api.port) });
    socket.on('error', () => undefined);
    await once(socket, 'connect');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    const path = plannedPath('keep-alive', 0, encodePlan({ page: 'app', server: {} }), '/');
    socket.write(`GET ${path} HTTP/1.1\r\nHost: ${api.host}\r\n\r\n`);
    await once(socket, 'close');
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answer).toContain(`\r\nKeep-Alive: timeout=${KEEP_ALIVE_SECONDS}\r\n`);
  });

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
