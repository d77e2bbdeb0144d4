/**
 * `cors-lab scan` against small loopback servers, one per misconfiguration
 * class, plus a correct one: each class is found on its server, nothing on
 * the correct one.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { scan, ScanUnreachableError } from './scan.ts';
import { cli } from '../cli-in-memory.ts';

const TRUSTED = 'https://app.example.com';
type Decide = (origin: string) => Record<string, string>;

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

/** A server answering every request with the CORS headers `decide` picks for its Origin; it records what it received. */
async function api(decide: Decide): Promise<{ url: string; seen: Array<{ url: string; headers: IncomingHttpHeaders }> }> {
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(200, { 'Content-Type': 'application/json', ...decide(request.headers.origin ?? '') }).end('{"secret":42}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/items?x=1`, seen };
}

/** Trusts what `test` accepts: echoes it with credentials and Vary: Origin (the right way to answer, a wrong test). */
const trusting = (test: (origin: string) => boolean, credentials = true): Decide => (origin) =>
  test(origin) ? { 'Access-Control-Allow-Origin': origin, ...(credentials ? { 'Access-Control-Allow-Credentials': 'true' } : {}), Vary: 'Origin' } : { Vary: 'Origin' };

const CASES: Array<[string, Decide, string[]]> = [
  ['an exact allow-list (correct)', trusting((o) => o === TRUSTED), []],
  ['reflects any Origin', trusting(() => true), ['origin-reflected', 'null-trusted']],
  ['trusts null', trusting((o) => o === TRUSTED || o === 'null'), ['null-trusted']],
  ['checks startsWith', trusting((o) => o.startsWith(TRUSTED)), ['prefix-match']],
  ['checks the end with a regular expression', trusting((o) => /^https:\/\/.*example\.com$/.test(o)), ['suffix-match']],
  ['checks that the trusted origin contains it', trusting((o) => o !== '' && TRUSTED.includes(o)), ['substring-match']],
  ['uses a regular expression with unescaped dots', trusting((o) => /^https:\/\/app.example.com$/.test(o)), ['unescaped-dot']],
  ['trusts any subdomain', trusting((o) => /^https:\/\/([a-z0-9-]+\.)*example\.com$/.test(o)), ['any-subdomain']],
  ['trusts the http origin too', trusting((o) => o === TRUSTED || o === 'http://app.example.com'), ['http-trusted']],
  ['trusts github.io pages, without credentials', trusting((o) => o === TRUSTED || o.endsWith('.github.io'), false), ['third-party-trusted']],
  ['reads the host up to the first unexpected character', trusting((o) => /^https:\/\/([a-z0-9.-]+)/.exec(o)?.[1] === 'app.example.com'), ['parser-bypass']],
  ['sends * with credentials', () => ({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' }), ['wildcard-with-credentials']],
  ['echoes the allowed origin without Vary: Origin', (o): Record<string, string> => (o === TRUSTED ? { 'Access-Control-Allow-Origin': o } : {}), ['missing-vary-origin']],
];

describe('scan finds each misconfiguration on a server built with it', () => {
  for (const [what, decide, expected] of CASES) {
    it(`a server that ${what}: ${expected.join(', ') || 'nothing'}`, async () => {
      const server = await api(decide);
      const report = await scan(new URL(server.url), new URL(TRUSTED));
      expect(report.findings.map((f) => f.id).sort()).toEqual([...expected].sort());
      // Every request went to the URL named, and only there.
      expect(server.seen).toHaveLength(report.requests);
      expect(new Set(server.seen.map((s) => s.url))).toEqual(new Set(['/api/items?x=1']));
    });
  }

  it('rates a trust with credentials high and without medium, and shows the evidence', async () => {
    const withCredentials = await scan(new URL((await api(trusting(() => true))).url), new URL(TRUSTED));
    const reflected = withCredentials.findings.find((f) => f.id === 'origin-reflected')!;
    expect(reflected.severity).toBe('high');
    expect(reflected.evidence.request).toEqual(['GET /api/items?x=1 HTTP/1.1', expect.stringMatching(/^Host: 127\.0\.0\.1:\d+$/), 'Origin: https://attacker.example']);
    expect(reflected.evidence.response).toEqual(['HTTP/1.1 200 OK', 'Access-Control-Allow-Origin: https://attacker.example', 'Access-Control-Allow-Credentials: true', 'Vary: Origin']);
    const withoutCredentials = await scan(new URL((await api(trusting(() => true, false))).url), new URL(TRUSTED));
    expect(withoutCredentials.findings.find((f) => f.id === 'origin-reflected')?.severity).toBe('medium');
  });

  it('stops with a clear message when nothing answers in time', async () => {
    const silent = createServer(() => undefined);
    servers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`);
    await expect(scan(url, url, { requestMs: 200, scanMs: 1000 })).rejects.toThrow(ScanUnreachableError);
    await expect(scan(url, url, { requestMs: 200, scanMs: 1000 })).rejects.toThrow('no answer within 0.2 s');
  });
});

describe('cors-lab scan', () => {
  it('exits 0 and says so when nothing is found', async () => {
    const { code, out } = await cli('scan', (await api(trusting((o) => o === TRUSTED))).url, '--origin', TRUSTED);
    expect(code).toBe(0);
    expect(out).toContain('No CORS misconfiguration found.');
  });

  it('exits 1 with findings, prints them and writes --json', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'cors-lab-scan-')), 'scan.json');
    const result = await cli('scan', (await api(trusting((o) => o === TRUSTED || o === 'null'))).url, '--origin', `${TRUSTED}/`, '--json', out);
    expect(result.code).toBe(1);
    expect(result.out).toContain('HIGH   null-trusted: The origin "null" is trusted, with credentials');
    expect(result.out).toContain('> Origin: null');
    expect(result.out).toContain('1 finding: 1 high, 0 medium, 0 low');
    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(json).toMatchObject({ trustedOrigin: TRUSTED, findings: [{ id: 'null-trusted', severity: 'high', origin: 'null' }] });
  });

  it('uses the URL\'s own origin as the trusted one by default', async () => {
    const server = await api(trusting(() => true));
    await cli('scan', server.url);
    expect(server.seen[0]?.headers.origin).toBe(new URL(server.url).origin);
  });

  it('exits 2 for a closed port, naming the URL and the error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { code, err } = await cli('scan', `http://127.0.0.1:${port}/x`);
    expect(code).toBe(2);
    // As the README shows it, the whole line: no repeat of Node's "connect ECONNREFUSED 127.0.0.1:PORT".
    expect(err).toBe(`cors-lab: URL: cannot reach http://127.0.0.1:${port}/x: ECONNREFUSED (connection refused)\n`);
  });

  it.each([
    [['scan'], 'scan: expected one URL, got 0'],
    [['scan', 'not a url'], 'URL: expected an http or https URL such as https://api.example.com/items, got "not a url"'],
    [['scan', 'ftp://127.0.0.1/x'], 'URL: expected an http or https URL such as https://api.example.com/items (http or https), got "ftp://127.0.0.1/x"'],
    [['scan', 'http://127.0.0.1:1/', '--origin', 'https://app.example.com/path'], '--origin: expected an origin (scheme, host and port only), got "https://app.example.com/path"; did you mean https://app.example.com?'],
    [['scan', 'http://127.0.0.1:1/', '--json', '/nonexistent-dir/x.json'], '--json: cannot write /nonexistent-dir/x.json: ENOENT'],
  ])('%j exits 2 with a precise message', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
