/**
 * The origins on raw sockets, as a hostile client would use them: malformed
 * request lines, smuggling attempts, pipelining, split packets, slow clients,
 * foreign Host headers (DNS rebinding), HEAD, and the sandbox policy on every
 * planned reply. What goes on the wire is compared with the journal.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServerPlan } from '../../format/schema.ts';
import { PLANNED_RESPONSE_CSP } from '../../plan/answer.ts';
import { startLab, type Lab } from '../../servers/lab.ts';
import { encodePlan, plannedPath } from '../../plan/plan-url.ts';
import { malformedHeadLines, parseResponses, rawExchange, requestBytes } from './raw-client.ts';

const PLAN: ServerPlan = { actual: { status: 202, headers: { 'Access-Control-Allow-Origin': '{reflect}' }, body: 'hi' } };
const planned = (run: string, plan: ServerPlan = PLAN) => plannedPath(run, 0, encodePlan({ page: 'app', server: plan }), '/x');
/** A request line and headers, keep-alive (no Connection: close), for pipelining. */
const keepAlive = (method: string, target: string, host: string, headers: string[] = []) => [`${method} ${target} HTTP/1.1`, `Host: ${host}`, ...headers, '', ''].join('\r\n');

describe('the origins on raw sockets', () => {
  let lab: Lab;
  let port: number;
  let host: string;
  beforeAll(async () => {
    lab = await startLab({ clientDir: null, allowedHosts: ['lab.example'], rawRequestTimeoutMs: 1000 });
    port = lab.bound[1]!.port;
    host = new URL(lab.origins[1]!.url).host;
  });
  afterAll(() => lab.close());

  it('answers a GET and an unknown method pipelined in one packet, each once, in order', async () => {
    const { text, closed } = await rawExchange(port, [keepAlive('GET', planned('pipe1'), host) + keepAlive('CHICKEN', planned('pipe1'), host)]);
    const responses = parseResponses(text);
    expect(responses.map((r) => r.status)).toEqual([202, 202]);
    expect(closed).toBe(true);
    expect(lab.journal.read('pipe1').entries.map((e) => e.method)).toEqual(['GET', 'CHICKEN']);
  });

  it('answers an unknown method, then closes: a request pipelined behind it is left for the client to retry', async () => {
    const { text, closed } = await rawExchange(port, [keepAlive('CHICKEN', planned('pipe2'), host) + keepAlive('GET', planned('pipe2'), host)]);
    const responses = parseResponses(text);
    expect(responses.map((r) => r.status)).toEqual([202]);
    expect(responses[0]!.lines).toContain('Connection: close');
    expect(closed).toBe(true);
    expect(lab.journal.read('pipe2').entries.map((e) => e.method)).toEqual(['CHICKEN']);
  });

  it('reads an unknown-method request split over several packets, a slow client and a body included', async () => {
    const bytes = keepAlive('CHICKEN', planned('split'), host, ['Origin: http://localhost:1', 'Content-Length: 5']) + 'hello';
    const chunks = Array.from({ length: 12 }, (_, i) => bytes.slice(Math.floor((i * bytes.length) / 12), Math.floor(((i + 1) * bytes.length) / 12)));
    const { text } = await rawExchange(port, chunks, { pauseMs: 15 });
    const [response] = parseResponses(text);
    expect(response?.status).toBe(202);
    expect(response?.lines).toContain('Access-Control-Allow-Origin: http://localhost:1');
    expect(lab.journal.read('split').entries).toHaveLength(1);
  });

  it('gives a client that stops mid-request a 408 and closes', async () => {
    const { text, closed } = await rawExchange(port, [`CHICKEN ${planned('slow')} HTTP/1.1\r\nHost: ${host}\r\n`], { deadlineMs: 3000 });
    expect(parseResponses(text)[0]?.status).toBe(408);
    expect(closed).toBe(true);
  });

  for (const method of ['GET', 'CHICKEN']) {
    it(`journals exactly the header lines that went on the wire, Connection: close and the sandbox policy included (${method})`, async () => {
      const run = `wire-${method.toLowerCase()}`;
      const { text } = await rawExchange(port, [requestBytes(method, planned(run), host, ['Origin: http://localhost:1'])]);
      const [response] = parseResponses(text);
      const [entry] = lab.journal.read(run).entries;
      expect(entry!.responseHeaders.map(([n, v]) => `${n}: ${v}`)).toEqual(response!.lines);
      expect(response!.lines).toContain('Connection: close');
      expect(response!.lines).toContain(PLANNED_RESPONSE_CSP.join(': '));
    });
  }

  for (const method of ['GET', 'CHICKEN']) {
    it(`journals header names such as __proto__ and constructor as received (${method})`, async () => {
      const run = `proto-${method.toLowerCase()}`;
      await rawExchange(port, [requestBytes(method, planned(run), host, ['__proto__: p', 'constructor: c', 'X-A: 1'])]);
      const [entry] = lab.journal.read(run).entries;
      expect(entry!.requestHeaders).toMatchObject({ __proto__: 'p', constructor: 'c', 'x-a': '1' });
      expect(Object.hasOwn(entry!.requestHeaders, '__proto__')).toBe(true);
      expect(JSON.parse(JSON.stringify(entry!.requestHeaders)).constructor).toBe('c');
    });
  }

  for (const [title, bytes] of [
    ['Origin with a space before the colon', `CHICKEN ${'{target}'} HTTP/1.1\r\nHost: {host}\r\nOrigin : http://evil.example\r\n\r\n`],
    ['Content-Length with Transfer-Encoding (smuggling)', `CHICKEN {target} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
    ['GET with Content-Length and Transfer-Encoding (smuggling)', `GET {target} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
    ['two Content-Length values', `CHICKEN {target} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab`],
    ['a request line without a version', `CHICKEN {target}\r\nHost: {host}\r\n\r\n`],
    ['a request line with an extra part', `CHICKEN {target} HTTP/1.1 x\r\nHost: {host}\r\n\r\n`],
    ['an asterisk-form target', `CHICKEN * HTTP/1.1\r\nHost: {host}\r\n\r\n`],
    ['an absolute-form target naming a user', `CHICKEN http://evil.example@{host}{target} HTTP/1.1\r\nHost: {host}\r\n\r\n`],
    ['a header line without a colon', `CHICKEN {target} HTTP/1.1\r\nHost: {host}\r\nX-No-Colon\r\n\r\n`],
    ['control bytes instead of a request', '\x00\x01\x02\r\n\r\n'],
    ['a bare LF', `CHICKEN {target} HTTP/1.1\nHost: {host}\n\n`],
    ['2,001 header lines', `CHICKEN {target} HTTP/1.1\r\nHost: {host}\r\n${'X:1\r\n'.repeat(2001)}\r\n`],
  ] as const) {
    it(`refuses ${title} with a 4xx, reflecting nothing`, async () => {
      const { text, closed } = await rawExchange(port, [bytes.replaceAll('{target}', planned('bad')).replaceAll('{host}', host)]);
      const [response] = parseResponses(text);
      expect(response?.status).toBeGreaterThanOrEqual(400);
      expect(response?.status).toBeLessThan(500);
      expect(malformedHeadLines(response!)).toEqual([]);
      expect(text).not.toContain('evil.example');
      expect(closed).toBe(true);
    });
  }

  for (const [title, bytes, status, field] of [
    ['GET *', 'GET * HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n', 400, 'target'],
    ['OPTIONS *', 'OPTIONS * HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n', 400, 'target'],
    ['CHICKEN *', 'CHICKEN * HTTP/1.1\r\nHost: {host}\r\n\r\n', 400, 'request'],
    ['GET http://user@host/', 'GET http://evil.example@{host}/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n', 400, 'target'],
    ['CONNECT', 'CONNECT {host} HTTP/1.1\r\nHost: {host}\r\n\r\n', 400, 'method'],
    ['CONNECT pipelined behind a GET', `GET {target} HTTP/1.1\r\nHost: {host}\r\n\r\nCONNECT {host} HTTP/1.1\r\nHost: {host}\r\n\r\n`, 400, 'method'],
  ] as const) {
    it(`answers ${title} with ${status} JSON naming the ${field}, and closes`, async () => {
      const { text, closed } = await rawExchange(port, [bytes.replaceAll('{target}', planned('forms')).replaceAll('{host}', host)]);
      const responses = parseResponses(text);
      const last = responses.at(-1)!;
      if (title.includes('pipelined')) expect(responses.map((r) => r.status)).toEqual([202, 400]);
      expect(last.status).toBe(status);
      expect(last.lines).toContain('Content-Type: application/json; charset=utf-8');
      expect(JSON.parse(last.body)).toMatchObject({ field });
      expect(text).not.toContain('evil.example');
      expect(closed).toBe(true);
    });
  }

  for (const method of ['GET', 'CHICKEN']) {
    it(`answers 48 KB of headers with 431 (${method}), as Node does`, async () => {
      const { text } = await rawExchange(port, [requestBytes(method, planned('big'), host, Array.from({ length: 48 }, (_, i) => `X-${i}: ${'a'.repeat(1000)}`))]);
      expect(parseResponses(text)[0]?.status).toBe(431);
    });
  }
});

describe('the Host check (DNS rebinding)', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab({ clientDir: null, allowedHosts: ['lab.example'] });
  });
  afterAll(() => lab.close());

  for (const method of ['GET', 'CHICKEN']) {
    for (const foreign of ['rebind.attacker.example:{port}', 'localhost:1', 'localhost', '127.0.0.1.nip.io:{port}']) {
      it(`refuses Host ${foreign} with 421 JSON (${method}), journal and planned URLs alike`, async () => {
        const port = lab.bound[1]!.port;
        for (const target of [planned('host'), '/__journal/host']) {
          const { text } = await rawExchange(port, [requestBytes(method, target, foreign.replace('{port}', String(port)))]);
          const [response] = parseResponses(text);
          expect(response?.status).toBe(421);
          expect(JSON.parse(response!.body)).toMatchObject({ field: 'host' });
        }
        expect(lab.journal.read('host').entries).toEqual([]);
      });
    }
  }

  for (const method of ['GET', 'CHICKEN']) {
    it(`takes the host of an absolute-form target over the Host header (${method}), as RFC 9112 3.2.2 says`, async () => {
      const port = lab.bound[1]!.port;
      const own = new URL(lab.origins[1]!.url).host;
      const run = `absolute-${method.toLowerCase()}`;
      const foreign = await rawExchange(port, [requestBytes(method, `http://rebind.attacker.example:${port}${planned(run)}`, own)]);
      expect(parseResponses(foreign.text)[0]?.status).toBe(421);
      expect(JSON.parse(parseResponses(foreign.text)[0]!.body)).toMatchObject({ field: 'host', error: expect.stringContaining('rebind.attacker.example') });
      expect(lab.journal.read(run).entries).toEqual([]);
      const ownTarget = await rawExchange(port, [requestBytes(method, `http://${own}${planned(run)}`, 'rebind.attacker.example')]);
      expect(parseResponses(ownTarget.text)[0]?.status).toBe(202);
      expect(lab.journal.read(run).entries.map((e) => [e.method, e.path])).toEqual([[method, '/x']]);
    });
  }

  it('answers the advertised hosts, the loopback spellings of the lab ports and the admitted names', async () => {
    for (const [i, origin] of lab.origins.entries()) {
      // Plain HTTP/1.1 bytes: the http origins. (A rebinding name cannot get the `secure` origin's certificate.)
      if (origin.name === 'secure') continue;
      const port = lab.bound[i]!.port;
      for (const name of [new URL(origin.url).host, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`, `lab.example:${port}`]) {
        const { text } = await rawExchange(port, [requestBytes('GET', planned('ok-host'), name)]);
        expect(parseResponses(text)[0]?.status, name).toBe(202);
      }
    }
  });
});

describe('HEAD to a planned URL', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab({ clientDir: null });
  });
  afterAll(() => lab.close());

  it('answers the planned head without a body and logs no error', async () => {
    const errors = vi.spyOn(console, 'error');
    // Restored whatever happens: other files share this worker's console (vitest.config.ts).
    try {
      const port = lab.bound[1]!.port;
      const host = new URL(lab.origins[1]!.url).host;
      for (const target of [planned('head'), '/__journal/head', '/nowhere']) {
        const { text } = await rawExchange(port, [requestBytes('HEAD', target, host)]);
        const [response] = parseResponses(text.replace(/\r\n\r\n[\s\S]*$/, '\r\n\r\n'));
        expect(response?.status, target).toBe(target === '/nowhere' ? 404 : target.startsWith('/__journal') ? 200 : 202);
        expect(text.endsWith('\r\n\r\n'), target).toBe(true);
      }
      // A second write would be logged as soon as its route returned; one more round trip to the same server comes
      // after that by cause, where a fixed pause would be too short on a loaded machine.
      await rawExchange(port, [requestBytes('GET', '/nowhere', host)]);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
