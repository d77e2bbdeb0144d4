/**
 * `probe` against hostile loopback servers (raw sockets): a network failure
 * is named for what it is (Chromium's net:: error), not blamed on Local
 * Network Access; nothing the server sends reaches the terminal as a control
 * character; input fetch() would refuse exits 2 naming the flag.
 */
import { test, expect } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { probe } from '../../probe/probe.ts';
import { launchChromium } from '../../runner/launch.ts';
import { STEP_TIMEOUT_MS } from '../../runner/concurrency.ts';
import { main } from '../../cli/main.ts';
import { cliProcess } from '../../cli/cli-process.ts';
import { drip, originOf, rawServer, TERMINAL_ATTACK, type Behaviour, type RawServer } from '../hostile/raw-http-server.ts';

const LOOPBACK_PAGE = 'http://localhost:3000';
const PUBLIC_PAGE = 'https://app.example.com';

/** 300 header lines of 1000 bytes: over Chromium's 256 KB limit. */
const HUGE_HEADERS = Array.from({ length: 300 }, (_, i) => `X-Filler-${i}: ${'a'.repeat(1000)}\r\n`).join('');
let redirects = 0;
const HOSTILE: Array<[string, Behaviour, string, RegExp]> = [
  ['junk bytes instead of HTTP', (socket) => socket.end('\x00\x01junk, not HTTP\r\n\r\n'), 'net::ERR_INVALID_HTTP_RESPONSE', /not HTTP/],
  [
    'a redirect loop (21 redirects)',
    (socket, request) => socket.end(`HTTP/1.1 302 Found\r\nLocation: /again-${redirects++}\r\nAccess-Control-Allow-Origin: ${originOf(request)}\r\nContent-Length: 0\r\n\r\n`),
    'net::ERR_TOO_MANY_REDIRECTS',
    /redirects in a loop/,
  ],
  [
    '300 KB of headers',
    (socket, request) => socket.end(`HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: ${originOf(request)}\r\n${HUGE_HEADERS}Content-Length: 0\r\n\r\n`),
    'net::ERR_RESPONSE_HEADERS_TOO_BIG',
    /256 KB/,
  ],
];

const servers: RawServer[] = [];
let browser: Browser;
test.beforeAll(async () => {
  browser = await launchChromium();
});
test.afterAll(async () => {
  await Promise.all([browser.close(), ...servers.map((s) => s.close())]);
});
async function hostile(behaviour: Behaviour): Promise<RawServer> {
  const server = await rawServer(behaviour);
  servers.push(server);
  return server;
}

test.describe('a network failure is named, not blamed on Local Network Access', () => {
  for (const [what, behaviour, error, fix] of HOSTILE) {
    test(`${what}: ${error}`, async () => {
      const server = await hostile(behaviour);
      const result = await probe({ url: `${server.url}/items`, origin: LOOPBACK_PAGE }, browser);
      expect(result.outcome).toBe('blocked');
      expect(result.reason).toBe(error);
      expect(result.cause).toBe('network');
      expect(result.explanation.verdict).toContain(`Not CORS: the request failed in the network (${error})`);
      expect(result.explanation.fix).toMatch(fix);
      expect(result.withPermission).toBeUndefined();
    });
  }

  test('from a public page, Local Network Access stands first; once allowed, the network error is named', async () => {
    const server = await hostile(HOSTILE[0]![1]);
    const result = await probe({ url: `${server.url}/items`, origin: PUBLIC_PAGE }, browser);
    expect(result.cause).toBe('local-network-access');
    expect(result.reason).toBe('LocalNetworkAccessPermissionDenied');
    expect(result.withPermission?.cause).toBe('network');
    expect(result.withPermission?.reason).toBe('net::ERR_INVALID_HTTP_RESPONSE');
  });
});

test.describe('deadlines: a dripping server cannot hold the probe', () => {
  test('a body dripped forever: the verdict is taken from the headers, the body is not read', async () => {
    const server = await hostile((socket, request) => {
      socket.write(`HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: ${originOf(request)}\r\nContent-Length: 1000000\r\n\r\n`);
      drip(socket, 'x', 200);
    });
    const result = await probe({ url: `${server.url}/items`, origin: LOOPBACK_PAGE }, browser);
    expect(result.outcome).toBe('allowed');
    expect(result.status).toBe(200);
    expect(result.pageError).toBeNull();
  });

  test(`headers dripped one byte a second: blocked at the ${STEP_TIMEOUT_MS / 1000} s deadline, as a network failure`, async () => {
    test.setTimeout(120_000);
    const server = await hostile((socket) => drip(socket, 'HTTP/1.1 200 OK\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1000));
    const result = await probe({ url: `${server.url}/items`, origin: LOOPBACK_PAGE }, browser);
    expect(result.outcome).toBe('blocked');
    expect(result.cause).toBe('network');
    expect(result.explanation.verdict).toBe(
      `Not CORS: the request failed in the network (no answer within ${STEP_TIMEOUT_MS / 1000} s: the step limit, `
        + 'a bound on a hang, not a verdict).',
    );
    // The context's close ended the request: the server saw its connection closed.
    await expect.poll(() => server.connections.every((c) => c.closed !== null)).toBe(true);
  });
});

/** No ESC (0x1b) nor 8-bit CSI (0x9b) byte: every terminal sequence starts with one. */
function expectNoEscape(bytes: Buffer): void {
  expect(bytes.includes(0x1b)).toBe(false);
  expect(bytes.includes(0x9b)).toBe(false);
}

test.describe('cors-lab probe, as a process, against a server that attacks the terminal', () => {
  const attacks: Array<[string, Behaviour]> = [
    ['status text, header names and values, and body', (socket, request) => socket.end(Buffer.from(
      `HTTP/1.1 200 OK${TERMINAL_ATTACK}\r\nAccess-Control-Allow-Origin: ${originOf(request)}\r\nX-Attack: ${TERMINAL_ATTACK}\r\nX-${TERMINAL_ATTACK}: 1\r\nContent-Length: ${TERMINAL_ATTACK.length}\r\n\r\n${TERMINAL_ATTACK}`,
      'latin1',
    ))],
    ['a blocked answer with hostile headers', (socket) => socket.end(Buffer.from(`HTTP/1.1 403 No${TERMINAL_ATTACK}\r\nX-Attack: ${TERMINAL_ATTACK}\r\nContent-Length: 0\r\n\r\n`, 'latin1'))],
    ['a redirect whose Location carries the sequences', (socket, request) => socket.end(Buffer.from(
      `HTTP/1.1 302 Found\r\nLocation: /next${TERMINAL_ATTACK}\r\nAccess-Control-Allow-Origin: ${originOf(request)}\r\nContent-Length: 0\r\n\r\n`,
      'latin1',
    ))],
  ];
  for (const [what, behaviour] of attacks) {
    test(what, async () => {
      const server = await hostile(behaviour);
      const { code, stdout, stderr } = await cliProcess(['probe', `${server.url}/items`, '--origin', LOOPBACK_PAGE, '-H', 'X-Probe: 1'], 120_000);
      expectNoEscape(stdout);
      expectNoEscape(stderr);
      expect([0, 1]).toContain(code);
      expect(stdout.toString()).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/items from http:\/\/localhost:3000\n {2}outcome {3}/);
    });
  }
});

function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  return main(['probe', ...args], { out: (t) => void (out += t), err: (t) => void (err += t), interactive: false }).then((code) => ({ code, out, err }));
}

test.describe('input fetch() refuses: exit 2, naming the flag, before any browser starts', () => {
  for (const [args, message] of [
    [['http://user:pass@127.0.0.1:9/x', '--origin', LOOPBACK_PAGE], 'cors-lab: probe: URL: a URL with a user name or password (user:pass@) cannot be fetched'],
    [['http://127.0.0.1:9/x', '--origin', LOOPBACK_PAGE, '--mode', 'no-cors', '--method', 'PUT'], 'cors-lab: probe: --method: PUT is not allowed with mode no-cors: a no-cors request may only be GET, HEAD or POST'],
    [['http://127.0.0.1:9/x', '--origin', LOOPBACK_PAGE, '--mode', 'no-cors', '-H', 'X-Token: 1'], 'cors-lab: probe: -H: X-Token cannot be sent with mode no-cors'],
  ] as const) {
    test(args.join(' '), async () => {
      const { code, out, err } = await cli(...args);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain(message);
    });
  }
});
