/**
 * `cors-lab scan` against the scan test APIs (test/scan/scan-test-api.ts): each class is found on the API
 * built with it and nothing on its correct twin; an endpoint whose baseline is no CORS answer is never
 * called clean (exit 3).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli-in-memory.ts';
import type { Io } from '../io.ts';
import { main } from '../main.ts';
import { CLASS_IDS } from './classes.ts';
import type { FindingId } from './finding.ts';
import { scanVerdict } from './report-scan.ts';
import { scan, type ScanOptions } from './scan.ts';
import {
  APIS,
  OWN_HOSTING,
  SESSION_COOKIE,
  startScanTestApi,
  TESTED_NOTHING,
  TRUSTED,
  type ScanTestApi,
} from '../../test/scan/scan-test-api.ts';

let api: ScanTestApi;
beforeAll(async () => void (api = await startScanTestApi()));
afterAll(() => api.close());

const OPTIONS: ScanOptions = { trusted: new URL(TRUSTED), methods: [], headers: {}, thirdParty: [] };
/** The APIs that need a logged-in request are scanned with the session cookie. */
const optionsFor = (id: FindingId): ScanOptions =>
  id === 'wildcard-on-authenticated' ? { ...OPTIONS, cookie: SESSION_COOKIE } : OPTIONS;

/** What each vulnerable API shows besides its own class, and why. */
const ALSO: Partial<Record<FindingId, FindingId[]>> = {
  // Reflecting every Origin reflects "null" too; null is not implied (a server may refuse it), so both are reported.
  'origin-reflected': ['null-trusted'],
};

describe('scan finds each class on the API built with it, and nothing on its twin', () => {
  it('has an API for every class', () => expect(Object.keys(APIS).sort()).toEqual([...CLASS_IDS].sort()));

  for (const id of CLASS_IDS) {
    it(`${id}: found on /vulnerable/${id}, not on /fixed/${id}`, async () => {
      const before = api.seen.length;
      const vulnerable = await scan(new URL(`${api.url}/vulnerable/${id}?x=1`), optionsFor(id));
      expect(vulnerable.findings.map((f) => f.id).sort()).toEqual([id, ...(ALSO[id] ?? [])].sort());
      expect(vulnerable.testedNothing).toEqual([]);
      // Every request went to the URL named, and only there.
      expect(api.seen.slice(before).map((s) => s.path)).toEqual(Array(vulnerable.requests).fill(`/vulnerable/${id}`));
      const twin = await scan(new URL(`${api.url}/fixed/${id}`), optionsFor(id));
      expect(twin.findings).toEqual([]);
      expect(scanVerdict(twin)).toBe('clean');
    });
  }
});

describe('severity: what makes a class exploitable', () => {
  it('a hostile origin trusted with credentials is high; without credentials low; * with credentials low', async () => {
    const severity = async (path: string, id: FindingId) =>
      (await scan(new URL(`${api.url}${path}`), OPTIONS)).findings.find((f) => f.id === id)?.severity;
    expect(await severity('/vulnerable/origin-reflected', 'origin-reflected')).toBe('high');
    expect(await severity('/vulnerable/third-party-trusted', 'third-party-trusted')).toBe('low');
    expect(await severity('/vulnerable/wildcard-with-credentials', 'wildcard-with-credentials')).toBe('low');
    expect(await severity('/vulnerable/fixed-third-party-origin', 'fixed-third-party-origin')).toBe('high');
  });

  it('* on a public resource is no finding; * on one that needed the cookie is, naming its 401', async () => {
    expect((await scan(new URL(`${api.url}/fixed/wildcard-with-credentials`), OPTIONS)).findings).toEqual([]);
    const report = await scan(new URL(`${api.url}/vulnerable/wildcard-on-authenticated`), {
      ...OPTIONS,
      cookie: SESSION_COOKIE,
    });
    expect(report.findings[0]?.title).toBe(
      'Access-Control-Allow-Origin: * on a response to a request with credentials, which answered 401 without them',
    );
  });
});

describe('the finding carries the request that showed it', () => {
  it('url, method, headers, origin, credentials and cookie, as sent; the evidence hides the secrets', async () => {
    const url = `${api.url}/logged-in?page=2`;
    const report = await scan(new URL(url), {
      ...OPTIONS,
      methods: ['POST'],
      headers: { 'X-Api-Version': '2', Authorization: 'Bearer t0k3n' },
      cookie: SESSION_COOKIE,
    });
    const reflected = report.findings.find((f) => f.id === 'origin-reflected')!;
    expect(reflected.request).toEqual({
      url,
      method: 'POST',
      headers: { 'X-Api-Version': '2', Authorization: 'Bearer t0k3n' },
      origin: 'https://attacker.example',
      credentials: true,
      cookie: SESSION_COOKIE,
    });
    expect(reflected.severity).toBe('high');
    expect(reflected.evidence.request).toEqual([
      'POST /logged-in?page=2 HTTP/1.1',
      expect.stringMatching(/^Host: 127\.0\.0\.1:\d+$/),
      'Origin: https://attacker.example',
      'X-Api-Version: 2',
      'Authorization: ...',
      'Cookie: session=...',
    ]);
    const seen = api.seen.findLast((s) => s.method === 'POST' && s.headers.origin === 'https://attacker.example')!;
    expect(seen.headers).toMatchObject({ cookie: SESSION_COOKIE, authorization: 'Bearer t0k3n', 'x-api-version': '2' });
  });

  it('a preflight finding: OPTIONS with its Access-Control-Request-* headers, no credentials', async () => {
    const report = await scan(new URL(`${api.url}/vulnerable/request-headers-reflected`), {
      ...OPTIONS,
      headers: { 'X-Api-Version': '2' },
      cookie: SESSION_COOKIE,
    });
    expect(report.findings.map((f) => f.request)).toEqual([
      {
        url: `${api.url}/vulnerable/request-headers-reflected`,
        method: 'OPTIONS',
        headers: {
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'x-api-version,x-cors-lab-probe',
        },
        origin: TRUSTED,
        credentials: false,
      },
    ]);
  });
});

describe('cors-lab scan: tested nothing is never clean (exit 3)', () => {
  const REASONS: Record<keyof typeof TESTED_NOTHING, string> = {
    'no-cors': `tested nothing: no CORS header in the answers to Origin: ${TRUSTED} (--origin); pass -X with ` +
      `the method that has CORS, or --cookie`,
    unauthorized:
      "tested nothing: the baseline GET got 401: the endpoint needs credentials; pass them (--cookie " +
        "'name=value' or -H 'Authorization: Bearer ...')",
    forbidden: 'tested nothing: the baseline GET got 403: the endpoint needs credentials',
    'not-found': 'tested nothing: the baseline GET got 404: nothing there; pass the URL of an existing resource',
    'server-error': 'tested nothing: the baseline GET got 500: the server failed',
    redirect: 'answered 302, a redirect to ',
  };
  for (const [why, reason] of Object.entries(REASONS)) {
    it(`/tested-nothing/${why}`, async () => {
      const { code, out } = await cli('scan', `${api.url}/tested-nothing/${why}`, '--origin', TRUSTED);
      expect(code).toBe(3);
      expect(out).toContain(reason);
      expect(out).not.toContain('No CORS misconfiguration found');
    });
  }

  it('a closed port: tested nothing, naming the URL and the error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { code, out } = await cli('scan', `http://127.0.0.1:${port}/x`);
    expect(code).toBe(3);
    expect(out).toContain(
      `tested nothing: cannot reach http://127.0.0.1:${port}/x: ECONNREFUSED (connection refused); check the ` +
        `URL and that the API is running`,
    );
  });

  it('CORS on POST only: GET tests nothing, -X POST finds the reflection', async () => {
    const get = await cli('scan', `${api.url}/only-post`, '--origin', TRUSTED);
    expect(get.code).toBe(3);
    expect(get.out).toContain('tested nothing: no CORS header in the answers to Origin');
    const post = await cli('scan', `${api.url}/only-post`, '--origin', TRUSTED, '-X', 'post');
    expect(post.code).toBe(1);
    expect(post.out).toContain(
      'HIGH   origin-reflected: Any Origin is reflected in Access-Control-Allow-Origin, with credentials',
    );
    expect(post.out).toContain('> POST /only-post HTTP/1.1');
  });

  it('CORS for a logged-in request only: without --cookie the 401 is named, with it the reflection found', async () => {
    // The preflight (never credentialed) reflects any Origin: that much is found; the actual request is said untested.
    const anonymous = await cli('scan', `${api.url}/logged-in`, '--origin', TRUSTED);
    expect(anonymous.code).toBe(1);
    expect(anonymous.out).toContain(
      'MEDIUM origin-reflected: Any Origin is reflected in Access-Control-Allow-Origin, with credentials (by ' +
        'the preflight only',
    );
    expect(anonymous.out).toContain(
      'not tested: the baseline GET got 401: the endpoint needs credentials; pass them (--cookie',
    );
    const loggedIn = await cli('scan', `${api.url}/logged-in`, '--origin', TRUSTED, '--cookie', SESSION_COOKIE);
    expect(loggedIn.code).toBe(1);
    expect(loggedIn.out).toContain('HIGH   origin-reflected');
  });

  it('without --origin: says which origin it assumed and how to give the real one, and still runs the ' +
    'origin-independent checks', async () => {
    const exact = await cli('scan', `${api.url}/fixed/origin-reflected`);
    expect(exact.code).toBe(3);
    expect(exact.out).toContain(`trusted origin: ${api.url}, assumed (the API's own)`);
    expect(exact.out).toContain(
      `tested nothing: no CORS header in the answers to Origin: ${api.url}, the API's own origin, assumed ` +
        `trusted; pass --origin`,
    );
    const reflecting = await cli('scan', `${api.url}/vulnerable/origin-reflected`);
    expect(reflecting.code).toBe(1);
    expect(reflecting.out).toContain('HIGH   origin-reflected');
    expect(
      api.seen.findLast(
        (s) => s.path === '/vulnerable/origin-reflected' && s.method === 'GET' && s.headers.origin === api.url,
      ),
    ).toBeDefined();
  });
});

describe('cors-lab scan input', () => {
  it('--urls FILE: one URL a line, # comments and blank lines skipped, each URL scanned', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'cors-lab-scan-')), 'urls.txt');
    await writeFile(
      file,
      `# the APIs\n${api.url}/fixed/null-trusted\n\n` +
        `  ${api.url}/vulnerable/null-trusted  # not a comment: a bad line\n`,
    );
    const bad = await cli('scan', '--urls', file, '--origin', TRUSTED);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      `--urls ${file}:4: expected one URL, got "${api.url}/vulnerable/null-trusted  # not a comment: a bad line"`,
    );
    await writeFile(file, `${api.url}/fixed/null-trusted\nnot-a-url\n`);
    expect((await cli('scan', '--urls', file)).err).toContain(
      `--urls ${file}:2: expected an http or https URL such as https://api.example.com/items, got "not-a-url"`,
    );
    await writeFile(file, `# the APIs\n${api.url}/fixed/null-trusted\n\n${api.url}/vulnerable/null-trusted\n`);
    const { code, out } = await cli('scan', '--urls', file, '--origin', TRUSTED);
    expect(code).toBe(1);
    expect(out).toContain(`cors-lab scan ${api.url}/fixed/null-trusted (GET)`);
    expect(out).toContain('HIGH   null-trusted');
    expect(out).toContain('2 URLs: 1 with findings, 1 clean, 0 tested nothing');
  });

  it('--urls FILE larger than a list needs is refused before reading it, naming the size', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'cors-lab-scan-')), 'huge.txt');
    await writeFile(file, `# ${'x'.repeat(1_000_001)}\n`);
    const { code, err } = await cli('scan', '--urls', file);
    expect(code).toBe(2);
    expect(err).toContain(`--urls ${file}: 1000004 bytes, more than a list of 100 URLs needs`);
  });

  it('--urls -: the list from standard input', async () => {
    let out = '';
    const io: Io = {
      out: (t) => void (out += t),
      err: () => undefined,
      interactive: false,
      readInput: async () => `${api.url}/vulnerable/null-trusted\n`,
    };
    expect(await main(['scan', '--urls', '-', '--origin', TRUSTED], io)).toBe(1);
    expect(out).toContain('HIGH   null-trusted');
  });

  it('--trusted-third-party adds a hosting suffix: the API looks clean without it, not with it', async () => {
    const without = await cli('scan', `${api.url}/trusts-own-hosting`, '--origin', TRUSTED);
    expect(without.code).toBe(0);
    const added = await cli(
      'scan',
      `${api.url}/trusts-own-hosting`,
      '--origin',
      TRUSTED,
      '--trusted-third-party',
      OWN_HOSTING,
    );
    expect(added.code).toBe(1);
    expect(added.out).toContain(`> Origin: https://cors-lab-attacker.${OWN_HOSTING}`);
  });

  it.each([
    [['scan'], 'scan: expected a URL (or --urls FILE), got none'],
    [
      ['scan', 'not a url'],
      'URL: expected an http or https URL such as https://api.example.com/items, got "not a url"',
    ],
    [
      ['scan', 'ftp://127.0.0.1/x'],
      'URL: expected an http or https URL such as https://api.example.com/items (http or https), got ' +
        '"ftp://127.0.0.1/x"',
    ],
    [
      ['scan', 'http://127.0.0.1:1/', '--origin', 'https://app.example.com/path'],
      '--origin: expected an origin (scheme, host and port only), got "https://app.example.com/path"; did you ' +
        'mean https://app.example.com?',
    ],
    [
      ['scan', 'http://127.0.0.1:1/', '--json', '/nonexistent-dir/x.json'],
      '--json: cannot write /nonexistent-dir/x.json: ENOENT',
    ],
    [
      ['scan', 'http://127.0.0.1:1/', '--sarif', '/nonexistent-dir/x.sarif'],
      '--sarif: cannot write /nonexistent-dir/x.sarif: ENOENT',
    ],
    [['scan', 'http://127.0.0.1:1/', '-H', 'X-Token'], `-H: expected 'Name: value', got "X-Token"`],
    [['scan', 'http://127.0.0.1:1/', '-H', 'X Token: 1'], '-H: "X Token: 1": '],
    [['scan', 'http://127.0.0.1:1/', '-H', 'X-Token: a\rb'], '-H: "X-Token: a\\rb": '],
    [
      ['scan', 'http://127.0.0.1:1/', '-H', 'Origin: https://a.example'],
      '-H: "Origin: https://a.example": pass Origin with --origin',
    ],
    [
      ['scan', 'http://127.0.0.1:1/', '-H', 'Host: a.example'],
      '-H: "Host: a.example": Host is a forbidden request header',
    ],
    [['scan', 'http://127.0.0.1:1/', '-X', 'GE T'], '-X: invalid method "GE T": a method is a token'],
    [['scan', 'http://127.0.0.1:1/', '-X', 'TRACE'], '-X: TRACE is a forbidden method'],
    [['scan', 'http://127.0.0.1:1/', '--cookie', 'a b=c'], '--cookie: "a b=c" is not a name=value pair'],
    [
      ['scan', 'http://127.0.0.1:1/', '--trusted-third-party', 'https://x.example'],
      '--trusted-third-party: expected a host suffix such as pages.example-host.com, got "https://x.example"',
    ],
    [['scan', '--urls', '/nonexistent-dir/urls.txt'], '--urls: cannot read /nonexistent-dir/urls.txt: ENOENT'],
    [['scan', '--urls', '/tmp'], '--urls: cannot read /tmp: EISDIR'],
  ])('%j exits 2 with a precise message', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});

describe('cors-lab scan outputs', () => {
  it('--json writes the reports with the cookie and Authorization values hidden', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'cors-lab-scan-')), 'scan.json');
    const result = await cli(
      'scan',
      `${api.url}/logged-in`,
      '--origin',
      `${TRUSTED}/`,
      '--cookie',
      SESSION_COOKIE,
      '-H',
      'Authorization: Bearer t0k3n',
      '--json',
      out,
    );
    expect(result.code).toBe(1);
    const text = await readFile(out, 'utf8');
    expect(text).not.toContain('s1');
    expect(text).not.toContain('t0k3n');
    expect(JSON.parse(text)).toMatchObject([
      {
        url: `${api.url}/logged-in`,
        trustedOrigin: TRUSTED,
        trustedOriginAssumed: false,
        methods: ['GET'],
        testedNothing: [],
        findings: expect.arrayContaining([
          expect.objectContaining({
            id: 'origin-reflected',
            severity: 'high',
            request: expect.objectContaining({ cookie: 'session=...', headers: { Authorization: '...' } }),
          }),
        ]),
      },
    ]);
  });
});
