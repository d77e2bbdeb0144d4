/**
 * `cors-lab scan` as a process against hostile loopback servers: nothing they
 * send reaches the terminal as a control character, a dripping server cannot
 * hold the scan past its deadline nor keep the process alive after the
 * report, and a redirect is reported as one, never as "nothing found" (exit 3).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cliProcess } from '../cli-process.ts';
import { drip, originOf, rawServer, TERMINAL_ATTACK, type RawServer } from '../../test/hostile/raw-http-server.ts';
import { scanVerdict } from './report-scan.ts';
import { scan } from './scan.ts';
import { REQUEST_DEADLINE_MS } from './deadlines.ts';

const servers: RawServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));
async function hostile(...args: Parameters<typeof rawServer>): Promise<RawServer> {
  const server = await rawServer(...args);
  servers.push(server);
  return server;
}

/** No ESC (0x1b) nor 8-bit CSI (0x9b) byte, the starts of every sequence a terminal acts on. */
function expectNoEscape(bytes: Buffer): void {
  expect(bytes.includes(0x1b)).toBe(false);
  expect(bytes.includes(0x9b)).toBe(false);
}

describe.concurrent('cors-lab scan against hostile servers, as a process', () => {
  it('prints a hostile status text, header value and Location escaped, not as terminal sequences', async () => {
    // Node refuses ESC in header values (not in the status text); 0x9b (obs-text) passes in both.
    const server = await hostile((socket, request) => {
      const origin = originOf(request);
      socket.end(
        Buffer.from(
          `HTTP/1.1 200 OK${TERMINAL_ATTACK}\r\nAccess-Control-Allow-Origin: ` +
            `${origin}\r\nAccess-Control-Allow-Credentials: true\x9b2J\r\nVary: \x9b\r\nContent-Length: ` +
              `4\r\n\r\n\x1b[2J`,
          'latin1',
        ),
      );
    });
    const { code, stdout, stderr } = await cliProcess(['scan', `${server.url}/`], 60_000);
    expectNoEscape(stdout);
    expectNoEscape(stderr);
    expect(code).toBe(1);
    expect(stdout.toString()).toContain('< HTTP/1.1 200 OK\\u001b]52;c;ZXZpbA==\\u0007\\u001b[31m\\u009b2J\n');
  }, 90_000);

  it('a redirect is reported as one, its target escaped: exit 3, never "No CORS misconfiguration found"', async () => {
    const server = await hostile((socket) =>
      socket.end(Buffer.from('HTTP/1.1 301 Moved\r\nLocation: /login\x9b2J\r\nContent-Length: 0\r\n\r\n', 'latin1')),
    );
    const { code, stdout, stderr } = await cliProcess(['scan', `${server.url}/api`], 60_000);
    expectNoEscape(stdout);
    expectNoEscape(stderr);
    expect(code).toBe(3);
    expect(stdout.toString()).not.toContain('No CORS misconfiguration found');
    expect(stdout.toString()).toContain(
      `tested nothing: ${server.url}/api answered 301, a redirect to ${server.url}/login%C2%9B2J; scan the ` +
        `target instead (cors-lab scan ${server.url}/login%C2%9B2J)\n`,
    );
  }, 90_000);

  it(`headers dripped one byte a second: the request ends at its ${REQUEST_DEADLINE_MS / 1000} s deadline, ` +
    `and so does the process`, async () => {
    const server = await hostile((socket) =>
      drip(socket, 'HTTP/1.1 200 OK\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1000),
    );
    const { code, stdout } = await cliProcess(['scan', `${server.url}/`], 60_000);
    expect(code).toBe(3);
    expect(stdout.toString()).toContain(
      `tested nothing: cannot reach ${server.url}/: ETIMEDOUT: no answer within 5 s; check the URL`,
    );
    // The server still dripping, the client closed the connection: at the deadline (ETIMEDOUT above is the deadline's
    // error), long before the drip's 75 bytes were out (75 s), so not at an idle timeout, which a byte a second never
    // reaches.
    // No lower bound from the server's clock: the client's deadline starts before a busy machine accepts the socket.
    const [connection] = server.connections;
    expect(connection?.closed).not.toBeNull();
    expect(connection!.closed! - connection!.opened).toBeLessThan(45_000);
  }, 90_000);

  it('a body dripped forever is never read: the process exits after its report', async () => {
    const server = await hostile((socket, request) => {
      socket.write(
        `HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: ${originOf(request)}\r\nContent-Length: 1000000\r\n\r\n`,
      );
      drip(socket, 'x', 200);
    });
    const { code, stdout } = await cliProcess(['scan', `${server.url}/`], 60_000);
    expect(code).toBe(1);
    expect(stdout.toString()).toContain('origin-reflected');
    expect(server.connections.length).toBeGreaterThan(10);
    expect(server.connections.every((c) => c.closed !== null)).toBe(true);
  }, 90_000);
});

describe('scan deadlines', () => {
  it('a server that answers the first probe and then stalls: the probes without an answer are listed, the ' +
    'scan ends at its deadline', async () => {
    let connections = 0;
    const server = await hostile((socket, request) => {
      connections++;
      if (connections === 1)
        socket.end(
          `HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: ${originOf(request)}\r\nVary: ` +
            `Origin\r\nContent-Length: 0\r\n\r\n`,
        );
      else drip(socket, 'HTTP/1.1 200 OK\r\n', 100);
    });
    const url = new URL(`${server.url}/`);
    const report = await scan(url, {
      trusted: null,
      methods: [],
      headers: {},
      thirdParty: [],
      deadlines: { requestMs: 300, scanMs: 1000 },
    });
    expect(report.findings).toEqual([]);
    expect(scanVerdict(report)).toBe('tested-nothing');
    // Three or four probes fit in the second; the rest are not sent. Each that was sent and stalled is listed.
    expect(report.unanswered.length).toBe(report.requests - 1);
    expect(report.unanswered.every((u) => u.error.startsWith('ETIMEDOUT: no answer within'))).toBe(true);
    expect(report.notSent).toBeGreaterThan(0);
    expect(report.requests + report.notSent).toBeGreaterThan(15);
  });
});
