/**
 * `probe` against servers of the test's own (loopback): the right reason,
 * cause and fix for misconfigured APIs, "allowed" for correct ones, the
 * failures that are not CORS, and the CLI's output and exit codes.
 */
import { test, expect } from '@playwright/test';
import { chromium, type Browser } from 'playwright-core';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.ts';
import { probe, type ProbeOptions } from '../../probe/probe.ts';
import { launchChromium } from '../../runner/launch.ts';
import { CHROMIUM_ARGS, findChromium } from '../../runner/find-browser.ts';
import { closedPort, startApi, type ApiServer, type Route } from './probe-servers.ts';

const ORIGIN = 'http://localhost:3000';
const ACAO = 'Access-Control-Allow-Origin';

interface Case {
  name: string;
  route: Route;
  request?: Omit<ProbeOptions, 'url' | 'origin'>;
  reason: string | null;
  preflight: boolean;
  /** What the fix must say. */
  fix?: RegExp;
}

const MISCONFIGURED: Case[] = [
  { name: 'no Access-Control-Allow-Origin', route: { actual: {} }, reason: 'MissingAllowOriginHeader', preflight: false, fix: /Access-Control-Allow-Origin: http:\/\/localhost:3000/ },
  { name: 'another origin allowed', route: { actual: { headers: { [ACAO]: 'https://app.example' } } }, reason: 'AllowOriginMismatch', preflight: false, fix: /Access-Control-Allow-Origin: http:\/\/localhost:3000/ },
  { name: 'two Allow-Origin lines', route: { actual: { headers: { [ACAO]: [ORIGIN, ORIGIN] } } }, reason: 'MultipleAllowOriginValues', preflight: false, fix: /Access-Control-Allow-Origin: http:\/\/localhost:3000/ },
  { name: 'wildcard with credentials', route: { actual: { headers: { [ACAO]: '*' } } }, request: { credentials: 'include' }, reason: 'WildcardOriginNotAllowed', preflight: false, fix: /Access-Control-Allow-Credentials: true/ },
  { name: 'credentials without Allow-Credentials', route: { actual: { headers: { [ACAO]: '{reflect}' } } }, request: { credentials: 'include' }, reason: 'InvalidAllowCredentials', preflight: false, fix: /Access-Control-Allow-Credentials: true/ },
  { name: 'PUT not in Allow-Methods', route: { preflight: { headers: { [ACAO]: '{reflect}' } } }, request: { method: 'PUT' }, reason: 'MethodDisallowedByPreflightResponse', preflight: true, fix: /Access-Control-Allow-Methods: PUT/ },
  {
    name: 'Authorization not in Allow-Headers',
    route: { preflight: { headers: { [ACAO]: '{reflect}', 'Access-Control-Allow-Methods': 'GET' } } },
    request: { headers: { Authorization: 'Bearer x' } },
    reason: 'HeaderDisallowedByPreflightResponse',
    preflight: true,
    fix: /Access-Control-Allow-Headers: authorization/,
  },
  { name: 'preflight without Allow-Origin', route: { preflight: { headers: { 'Access-Control-Allow-Methods': 'DELETE' } } }, request: { method: 'DELETE' }, reason: 'PreflightMissingAllowOriginHeader', preflight: true, fix: /OPTIONS[\s\S]*Access-Control-Allow-Origin: http:\/\/localhost:3000/ },
  { name: 'preflight answered 401', route: { preflight: { status: 401, headers: { [ACAO]: '{reflect}' } } }, request: { method: 'PATCH' }, reason: 'PreflightInvalidStatus', preflight: true, fix: /204/ },
  { name: 'preflight redirected', route: { preflight: { status: 302, headers: { [ACAO]: '{reflect}', Location: '/login' } } }, request: { method: 'PUT' }, reason: 'PreflightDisallowedRedirect', preflight: true, fix: /OPTIONS \(preflight\): status 204 \(instead of 302\)\nOPTIONS \(preflight\): remove Location/ },
];

const CORRECT: Case[] = [
  { name: 'public data with *', route: { actual: { headers: { [ACAO]: '*' } } }, reason: null, preflight: false },
  {
    name: 'credentialed PUT with a token',
    route: {
      preflight: { headers: { [ACAO]: '{reflect}', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'Authorization', 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' } },
      actual: { headers: { [ACAO]: '{reflect}', 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' } },
    },
    request: { method: 'PUT', headers: { Authorization: 'Bearer x' }, credentials: 'include' },
    reason: null,
    preflight: true,
  },
  {
    name: 'JSON POST',
    route: { preflight: { headers: { [ACAO]: '{reflect}', 'Access-Control-Allow-Headers': 'Content-Type' } }, actual: { status: 201, headers: { [ACAO]: '{reflect}' } } },
    request: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' },
    reason: null,
    preflight: true,
  },
  { name: 'an exposed header', route: { actual: { headers: { [ACAO]: ORIGIN, 'Access-Control-Expose-Headers': 'X-Total', 'X-Total': '42' } } }, reason: null, preflight: false },
];

const ALL = [...MISCONFIGURED, ...CORRECT];
const pathOf = (c: Case): string => `/${c.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;

let api: ApiServer;
let browser: Browser;

test.beforeAll(async () => {
  [api, browser] = await Promise.all([startApi(Object.fromEntries(ALL.map((c) => [pathOf(c), c.route]))), launchChromium()]);
});
test.afterAll(async () => {
  await Promise.all([api.close(), browser.close()]);
});

test.describe('misconfigured APIs: Chromium\'s reason, the headers sent and the fix', () => {
  for (const c of MISCONFIGURED) {
    test(c.name, async () => {
      const result = await probe({ url: `${api.url}${pathOf(c)}`, origin: ORIGIN, ...c.request }, browser);
      expect(result.outcome).toBe('blocked');
      expect(result.reason).toBe(c.reason);
      expect(result.cause).toBe('cors');
      expect(result.preflight).toBe(c.preflight);
      expect(result.console).toMatch(/^Access to fetch at 'http:\/\/127\.0\.0\.1:\d+\/[^']*' from origin 'http:\/\/localhost:3000' has been blocked by CORS policy: /);
      expect(result.explanation.fix).toMatch(c.fix as RegExp);
      // The model, fed the headers the server really sent, reaches Chromium's verdict.
      expect(result.predicted?.reason).toBe(c.reason);
      if (c.preflight) expect(result.preflightResponse?.status).toBe(c.route.preflight?.status ?? 204);
      else expect(result.responseHeaders[ACAO.toLowerCase()] ?? null).toBe(c.route.actual?.headers?.[ACAO] ? [c.route.actual.headers[ACAO]].flat().join(', ').replace('{reflect}', ORIGIN) : null);
    });
  }
});

test.describe('correct APIs are allowed', () => {
  for (const c of CORRECT) {
    test(c.name, async () => {
      const result = await probe({ url: `${api.url}${pathOf(c)}`, origin: ORIGIN, ...c.request }, browser);
      expect(result.outcome).toBe('allowed');
      expect(result.reason).toBeNull();
      expect(result.cause).toBeNull();
      expect(result.preflight).toBe(c.preflight);
      expect(result.status).toBe(c.route.actual?.status ?? 200);
      expect(result.explanation.verdict).toMatch(/^Allowed/);
      expect(result.predicted?.outcome).toBe('allowed');
    });
  }

  test('an exposed header is readable, the others are not', async () => {
    const result = await probe({ url: `${api.url}/an-exposed-header`, origin: ORIGIN }, browser);
    expect(Object.keys(result.readableHeaders)).toContain('x-total');
    expect(result.responseHeaders['x-total']).toBe('42');
  });

  test('mode no-cors: opaque, the server answered, nothing readable', async () => {
    const result = await probe({ url: `${api.url}${pathOf(MISCONFIGURED[0] as Case)}`, origin: ORIGIN, mode: 'no-cors' }, browser);
    expect([result.outcome, result.status, result.responseType, result.reachedServer, result.cause]).toEqual(['opaque', 0, 'opaque', true, null]);
    expect(result.readableHeaders).toEqual({});
  });

  test('same origin needs no CORS headers', async () => {
    const result = await probe({ url: `${api.url}${pathOf(MISCONFIGURED[0] as Case)}`, origin: api.url, method: 'PUT' }, browser);
    expect(result.outcome).toBe('allowed');
    expect(result.preflight).toBe(false);
    expect(result.responseType).toBe('basic');
  });
});

test.describe('failures that are not CORS', () => {
  test('a closed port: connection refused', async () => {
    const result = await probe({ url: `http://127.0.0.1:${await closedPort()}/items`, origin: ORIGIN }, browser);
    expect([result.outcome, result.reason, result.cause]).toEqual(['blocked', 'net::ERR_CONNECTION_REFUSED', 'connection-refused']);
    expect(result.decidedBy).toBe('network');
    expect(result.explanation.verdict).toMatch(/^Not CORS: nothing accepted the connection/);
  });

  test('https to a plain HTTP server: a TLS error', async () => {
    const result = await probe({ url: `${api.url.replace('http:', 'https:')}/public-data-with-`, origin: ORIGIN }, browser);
    expect([result.reason, result.cause, result.decidedBy]).toEqual(['net::ERR_SSL_PROTOCOL_ERROR', 'tls', 'tls']);
    expect(result.explanation.fix).toContain(`use ${api.url}/public-data-with-`);
  });

  test('a public page calling loopback: Local Network Access, and the CORS verdict once the user allows it', async () => {
    const before = api.seen.length;
    const result = await probe({ url: `${api.url}/no-access-control-allow-origin`, origin: 'https://app.example' }, browser);
    expect([result.reason, result.cause, result.reachedServer]).toEqual(['LocalNetworkAccessPermissionDenied', 'local-network-access', false]);
    expect(result.addressSpace).toEqual({ page: 'public', target: 'loopback' });
    expect(result.console).toContain('Permission was denied for this request to access the `loopback` address space.');
    expect(result.explanation.fix).toContain('No response header fixes this');
    // Only the second probe, with the permission granted, reaches the server.
    expect([result.withPermission?.reason, result.withPermission?.reachedServer]).toEqual(['MissingAllowOriginHeader', true]);
    expect([result.decidedBy, result.withPermission?.decidedBy]).toEqual(['local-network-access', 'cors']);
    expect(result.withPermission?.explanation.fix).toContain('Access-Control-Allow-Origin: https://app.example');
    expect(api.seen.slice(before)).toEqual(['GET /no-access-control-allow-origin']);
  });

  test('a loopback page (http://localhost) may call loopback: no Local Network Access block', async () => {
    const result = await probe({ url: `${api.url}/public-data-with-`, origin: 'http://app.localhost:8080' }, browser);
    expect(result.outcome).toBe('allowed');
    expect(result.addressSpace.page).toBe('loopback');
  });

  test('an https page calling http: mixed content, nothing sent', async () => {
    // *.test resolves to loopback in this browser only, so nothing could leave the machine.
    const mapped = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP *.test 127.0.0.1'] });
    try {
      const before = api.seen.length;
      const result = await probe({ url: `${api.url.replace('127.0.0.1', 'api.test')}/public-data-with-`, origin: 'https://app.localhost' }, mapped);
      expect([result.reason, result.cause, result.decidedBy]).toEqual(['mixed-content', 'mixed-content', 'mixed-content']);
      expect(result.console).toContain('Mixed Content: The page at \'https://app.localhost/\' was loaded over HTTPS');
      expect(result.explanation.fix).toContain('Serve the API over https');
      expect(api.seen.length).toBe(before);
    } finally {
      await mapped.close();
    }
  });
});

function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  return main(['probe', ...args], { out: (t) => void (out += t), err: (t) => void (err += t), interactive: false }).then((code) => ({ code, out, err }));
}

test.describe('cors-lab probe', () => {
  test('allowed: exit 0, the outcome and the headers the server sent', async () => {
    const { code, out } = await cli(`${api.url}/public-data-with-`, '--origin', ORIGIN);
    expect(code).toBe(0);
    expect(out).toContain('outcome   allowed, the page read status 200');
    expect(out).toContain('Access-Control-Allow-Origin: *');
  });

  test('blocked: exit 1, reason, console line, preflight headers and fix; --json writes observed and explanation', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'probe-')), 'out.json');
    const { code, out } = await cli(`${api.url}/put-not-in-allow-methods`, '--origin', ORIGIN, '--method', 'PUT', '--json', file);
    expect(code).toBe(1);
    expect(out).toContain('outcome   blocked: MethodDisallowedByPreflightResponse');
    expect(out).toContain('Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.');
    expect(out).toMatch(/preflight OPTIONS -> 204\n\s+Access-Control-Allow-Origin: http:\/\/localhost:3000/);
    // The complete fix: the preflight's missing method, and the actual answer the browser never reached.
    expect(out).toMatch(/fix {7}OPTIONS \(preflight\): Access-Control-Allow-Methods: PUT\n\s+actual answer: Access-Control-Allow-Origin: http:\/\/localhost:3000/);
    const record = JSON.parse(await readFile(file, 'utf8'));
    expect(record.observed.reason).toBe('MethodDisallowedByPreflightResponse');
    expect(record.observed.preflight).toBe(true);
    expect(record.explanation.fix).toContain('Access-Control-Allow-Methods: PUT');
  });

  test('--origin and --method repeat into a matrix', async () => {
    const { code, out } = await cli(`${api.url}/put-not-in-allow-methods`, '--origin', ORIGIN, '--origin', 'http://127.0.0.1:4000', '--method', 'GET', '--method', 'PUT', '-H', 'X-Ok: 1');
    expect(code).toBe(1);
    expect(out).toMatch(/origin\s+GET\s+PUT\n/);
    expect(out).toMatch(/http:\/\/localhost:3000\s+blocked: HeaderDisallowedByPreflightResponse\s+blocked: MethodDisallowedByPreflightResponse/);
    expect(out).toMatch(/http:\/\/127\.0\.0\.1:4000\s+blocked: /);
  });

  const BAD: Array<[string, string[], string]> = [
    ['a bad URL', ['not a url', '--origin', ORIGIN], 'probe: URL: not an absolute URL: "not a url"'],
    ['a non-http URL', ['ftp://127.0.0.1/x', '--origin', ORIGIN], 'probe: URL: only http and https URLs'],
    ['no --origin', ['http://127.0.0.1:1/x'], 'probe: --origin: required'],
    ['an origin with a path', ['http://127.0.0.1:1/x', '--origin', 'http://localhost:3000/app'], 'probe: --origin: an origin is scheme://host[:port] with no path'],
    ['a header without a colon', ['http://127.0.0.1:1/x', '--origin', ORIGIN, '-H', 'X-Token'], `probe: -H: expected 'Name: value', got "X-Token"`],
    ['a bad header name', ['http://127.0.0.1:1/x', '--origin', ORIGIN, '-H', 'X Token: 1'], 'probe: -H: invalid header name "X Token"'],
    ['a forbidden header', ['http://127.0.0.1:1/x', '--origin', ORIGIN, '-H', 'Cookie: a=1'], 'probe: -H: Cookie is a forbidden request header'],
    ['a bad method', ['http://127.0.0.1:1/x', '--origin', ORIGIN, '--method', 'GE T'], 'probe: --method: invalid method "GE T"'],
    ['a body on GET', ['http://127.0.0.1:1/x', '--origin', ORIGIN, '--body', 'x'], 'probe: --body: a GET request cannot have a body'],
    ['a bad --credentials', ['http://127.0.0.1:1/x', '--origin', ORIGIN, '--credentials', 'always'], 'probe: --credentials: expected one of omit, same-origin, include, got "always"'],
    ['an unknown flag', ['http://127.0.0.1:1/x', '--origin', ORIGIN, '--verbose'], "probe: Unknown option '--verbose'"],
    ['two URLs', ['http://127.0.0.1:1/x', 'http://127.0.0.1:1/y', '--origin', ORIGIN], 'probe: expected one URL'],
  ];
  for (const [name, args, message] of BAD) {
    test(`bad input, ${name}: exit 2 naming the flag`, async () => {
      const { code, err, out } = await cli(...args);
      expect(code).toBe(2);
      expect(err).toContain(message);
      expect(out).toBe('');
    });
  }
});
