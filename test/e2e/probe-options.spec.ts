/**
 * probe's reach: `--origin null` (a sandboxed iframe), `--cookie`, repeated `-H`, `--insecure` for a self-signed
 * https API, and `then` steps that read the preflight cache. Against APIs of the test's own on loopback.
 */
import { test, expect } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.ts';
import { probe } from '../../probe/probe.ts';
import { launchChromium } from '../../runner/launch.ts';
import { startApi, type ApiServer } from './probe-servers.ts';

const ORIGIN = 'http://localhost:3000';
const ALLOW_ORIGIN = 'Access-Control-Allow-Origin';
const CREDENTIALS = { 'Access-Control-Allow-Credentials': 'true' };

let api: ApiServer;
let browser: Browser;

test.beforeAll(async () => {
  const putPreflight = (maxAge: string) => ({
    preflight: { headers: { [ALLOW_ORIGIN]: '{reflect}', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': maxAge } },
    actual: { headers: { [ALLOW_ORIGIN]: '{reflect}' } },
  });
  api = await startApi({
    // Reflects any Origin, "null" included, with credentials: PortSwigger's null-origin lab.
    '/reflect': { actual: { headers: { [ALLOW_ORIGIN]: '{reflect}', ...CREDENTIALS } } },
    '/exact': { actual: { headers: { [ALLOW_ORIGIN]: ORIGIN } } },
    '/public': { actual: { headers: { [ALLOW_ORIGIN]: '*' } } },
    '/headers': { preflight: { headers: { [ALLOW_ORIGIN]: '{reflect}', 'Access-Control-Allow-Headers': 'X-A, X-B' } }, actual: { headers: { [ALLOW_ORIGIN]: '{reflect}' } } },
    '/cached': putPreflight('600'),
    '/not-cached': putPreflight('0'),
  });
  browser = await launchChromium();
});
test.afterAll(async () => {
  await Promise.all([api.close(), browser.close()]);
});

function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), interactive: false };
  return main(['probe', ...args], io).then((code) => ({ code, out, err }));
}

test.describe('--origin null: the request comes from a sandboxed iframe', () => {
  test('an API that reflects null is allowed, and called unsafe', async () => {
    const before = api.seen.length;
    const result = await probe({ url: `${api.url}/reflect`, origin: 'null', credentials: 'include' }, browser);
    expect(result.outcome).toBe('allowed');
    expect(result.hops?.[0]?.origin).toBe('null');
    expect(api.origins.slice(before)).toEqual(['null']);
    expect(result.explanation.verdict).toContain("Unsafe: the API allows Origin: null, which every sandboxed iframe");
    expect(result.explanation.fix).toContain('stop sending Access-Control-Allow-Origin: null');
    expect(result.predicted).toBeUndefined();
  });

  test('an API that names its origin refuses it; the fix never suggests null; the CLI says where it came from', async () => {
    const { code, out } = await cli(`${api.url}/exact`, '--origin', 'null');
    expect(code).toBe(1);
    expect(out).toContain(`GET ${api.url}/exact from origin null (a sandboxed iframe)`);
    expect(out).toContain('outcome   blocked: AllowOriginMismatch');
    expect(out).toContain('give the page a real origin');
    expect(out).not.toMatch(/fix {7}.*answer: Access-Control-Allow-Origin: null/);
  });
});

test.describe('--cookie and -H', () => {
  test('a same-site page sends the cookie; the server receives it', async () => {
    const before = api.seen.length;
    const result = await probe({ url: `${api.url}/reflect`, origin: 'http://127.0.0.1:4000', credentials: 'include', cookies: ['sid=abc', 'theme=dark'] }, browser);
    expect(result.outcome).toBe('allowed');
    expect(result.cookies).toEqual([
      { name: 'sid', sent: true, blockedReasons: [] },
      { name: 'theme', sent: true, blockedReasons: [] },
    ]);
    expect(api.cookies.slice(before)).toEqual(['sid=abc; theme=dark']);
  });

  test('a cross-site page: Chromium refuses the cookie and says why', async () => {
    const before = api.seen.length;
    const { code, out } = await cli(`${api.url}/reflect`, '--origin', ORIGIN, '--credentials', 'include', '--cookie', 'sid=abc');
    expect(code).toBe(0);
    expect(out).toContain('cookies   sid not sent: third-party cookies are blocked in this browser');
    expect(api.cookies.slice(before)).toEqual(['-']);
  });

  test('-H repeats: both headers are sent and named in the preflight', async () => {
    const result = await probe({ url: `${api.url}/headers`, origin: ORIGIN, headers: [['X-A', '1'], ['X-B', '2']] }, browser);
    expect(result.outcome).toBe('allowed');
    expect(result.requestHeadersSeen).toBe('x-a,x-b');
  });
});

test.describe('--insecure: a self-signed https API', () => {
  let https: Server;
  let url: string;

  test.beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'probe-tls-'));
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    // A certificate made here, for 127.0.0.1, signed by itself: no browser trusts it.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    https = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
      res.writeHead(200, { [ALLOW_ORIGIN]: req.headers.origin ?? '' }).end('ok');
    });
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(https.address() as AddressInfo).port}/items`;
  });
  test.afterAll(() => new Promise<void>((resolve) => https.close(() => resolve())));

  test('without it: a TLS error, not CORS; with it: allowed', async () => {
    const refused = await probe({ url, origin: ORIGIN }, browser);
    expect([refused.outcome, refused.cause, refused.reason]).toEqual(['blocked', 'tls', 'net::ERR_CERT_AUTHORITY_INVALID']);
    const { code, out } = await cli(url, '--origin', ORIGIN, '--insecure');
    expect(code).toBe(0);
    expect(out).toContain(`GET ${url} from ${ORIGIN}, any TLS certificate accepted (--insecure)`);
    expect(out).toContain('outcome   allowed, the page read status 200');
  });
});

test.describe('then: a second request reads the preflight cache', () => {
  test('Access-Control-Max-Age: 600: no second preflight', async () => {
    const before = api.seen.length;
    const result = await probe({ url: `${api.url}/cached`, origin: ORIGIN, method: 'PUT', then: [{}, { method: 'PUT' }] }, browser);
    expect(result.preflight).toBe(true);
    expect(result.thenResults).toEqual([
      { method: 'PUT', outcome: 'allowed', reason: null, preflight: false, status: 200 },
      { method: 'PUT', outcome: 'allowed', reason: null, preflight: false, status: 200 },
    ]);
    expect(api.seen.slice(before)).toEqual(['OPTIONS /cached', 'PUT /cached', 'PUT /cached', 'PUT /cached']);
  });

  test('Access-Control-Max-Age: 0: a preflight again, in the CLI with --then', async () => {
    const before = api.seen.length;
    const { code, out } = await cli(`${api.url}/not-cached`, '--origin', ORIGIN, '--method', 'PUT', '--then', 'PUT');
    expect(code).toBe(0);
    expect(out).toContain('then      PUT -> allowed, a preflight was sent again');
    expect(api.seen.slice(before)).toEqual(['OPTIONS /not-cached', 'PUT /not-cached', 'OPTIONS /not-cached', 'PUT /not-cached']);
  });
});

test.describe('bad values name the flag', () => {
  const BAD: Array<[string, string[], string]> = [
    ['a cookie without =', ['--cookie', 'sid', '--credentials', 'include'], `probe: --cookie: expected 'name=value', got "sid"`],
    ['a cookie name with a space', ['--cookie', 's id=1', '--credentials', 'include'], 'probe: --cookie: invalid cookie name "s id"'],
    ['a cookie value with ;', ['--cookie', 'sid=a;b', '--credentials', 'include'], 'probe: --cookie: invalid value of cookie sid: "a;b"'],
    ['a cookie without credentials', ['--cookie', 'sid=a'], 'probe: --cookie: a cross-origin request sends cookies only with credentials "include"'],
    ['a bad --then method', ['--then', 'GE T'], 'probe: --then: invalid method "GE T"'],
    ['a forbidden --then method', ['--then', 'TRACE'], 'probe: --then: TRACE is a forbidden method'],
    ['a --then GET after a body', ['--method', 'POST', '--body', 'x', '--then', 'GET'], 'probe: --then: a GET request cannot have a body'],
    ['--insecure with a value', ['--insecure=yes'], "probe: Option '--insecure' does not take an argument"],
  ];
  for (const [name, args, message] of BAD) {
    test(`${name}: exit 2`, async () => {
      const { code, err, out } = await cli('http://127.0.0.1:1/x', '--origin', ORIGIN, ...args);
      expect(err).toContain(message);
      expect([code, out]).toEqual([2, '']);
    });
  }
});
