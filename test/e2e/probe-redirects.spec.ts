/**
 * probe follows the whole redirect chain: every hop's method, the Origin sent there, the status and CORS headers,
 * a method change by 301/302/303, the Origin: null after a cross-origin redirect, and the fix per hop. Each
 * blocked or misleading case is then fixed on the test's API as the probe says, and the probe must turn allowed.
 */
import { test, expect } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.ts';
import { probe } from '../../probe/probe.ts';
import { probeReport } from '../../probe/probe-text.ts';
import { launchChromium } from '../../runner/launch.ts';
import { startApi, type ApiServer } from './probe-servers.ts';

const ORIGIN = 'http://localhost:3000';
const ALLOW_ORIGIN = 'Access-Control-Allow-Origin';
const reflect = { [ALLOW_ORIGIN]: '{reflect}' };

let api: ApiServer;
/** A second origin: a redirect from `api` to it crosses origins. */
let other: ApiServer;
let browser: Browser;

test.beforeAll(async () => {
  other = await startApi({
    '/final': { actual: { headers: { [ALLOW_ORIGIN]: ORIGIN } } },
    '/final-any': { actual: { headers: { [ALLOW_ORIGIN]: '*' } } },
    '/final-credentials': { actual: { headers: { [ALLOW_ORIGIN]: ORIGIN, 'Access-Control-Allow-Credentials': 'true' } } },
    '/final-any-put': { preflight: { headers: { [ALLOW_ORIGIN]: '*', 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: { [ALLOW_ORIGIN]: '*' } } },
  });
  const to = (status: number, location: string, headers: Record<string, string> = reflect) => ({ actual: { status, headers: { ...headers, Location: location } } });
  api = await startApi({
    '/final': { actual: { headers: reflect } },
    '/moved-301': to(301, '/final'),
    '/moved-302': to(302, '/final'),
    '/see-other': to(303, '/final'),
    '/moved-307': to(307, '/final'),
    '/see-other-put': { ...to(303, '/final'), preflight: { headers: { ...reflect, 'Access-Control-Allow-Methods': 'PUT' } } },
    '/moved-301-put': { ...to(301, '/final-put'), preflight: { headers: { ...reflect, 'Access-Control-Allow-Methods': 'PUT' } } },
    '/final-put': { preflight: { headers: { ...reflect, 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: reflect } },
    '/moved-308': to(308, '/final'),
    '/no-cors-on-redirect': to(302, '/final', {}),
    '/elsewhere': to(307, `${other.url}/final`),
    '/elsewhere-any': to(307, `${other.url}/final-any`),
    '/elsewhere-put': {
      preflight: { headers: { ...reflect, 'Access-Control-Allow-Methods': 'PUT' } },
      actual: { status: 307, headers: { ...reflect, Location: `${other.url}/final-any-put` } },
    },
    '/elsewhere-credentials': { actual: { status: 307, headers: { ...reflect, 'Access-Control-Allow-Credentials': 'true', Location: `${other.url}/final-credentials` } } },
  });
  browser = await launchChromium();
});
test.afterAll(async () => {
  await Promise.all([api.close(), other.close(), browser.close()]);
});

/** What `api` received since `before`, as "METHOD path Origin". */
const received = (server: ApiServer, before: number): string[] =>
  server.seen.slice(before).map((line, index) => `${line} ${server.origins[before + index]}`);

test.describe('a method change is named, and never called the original method allowed', () => {
  for (const [path, status] of [['/moved-301', 301], ['/moved-302', 302], ['/see-other', 303]] as const) {
    test(`${status}: the POST became a GET`, async () => {
      const before = api.seen.length;
      const result = await probe({ url: `${api.url}${path}`, origin: ORIGIN, method: 'POST', body: 'x=1' }, browser);
      expect(result.outcome).toBe('allowed');
      expect(result.hops?.map((hop) => [hop.method, hop.origin, hop.answer?.status])).toEqual([
        ['POST', ORIGIN, status],
        ['GET', ORIGIN, 200],
      ]);
      expect(result.hops?.[1]?.methodChange).toEqual({ from: 'POST', to: 'GET', status });
      expect(result.explanation.verdict).toMatch(new RegExp(`^Allowed as GET, not as POST: the ${status} redirect turned the POST into a GET`));
      expect(result.explanation.verdict).not.toMatch(/^Allowed\.|POST .*is allowed/);
      expect(result.explanation.fix).toContain('answer 307 or 308 instead');
      expect(received(api, before)).toEqual([`POST ${path} ${ORIGIN}`, `GET /final ${ORIGIN}`]);
      const report = probeReport(result);
      expect(report).toContain(`outcome   allowed as GET, not POST (${status} redirect)`);
      expect(report).toMatch(new RegExp(`2\\. GET ${api.url}/final \\(the ${status} changed POST to GET\\), Origin: http://localhost:3000`));
    });
  }

  test('303 turns a PUT into a GET too (only GET and HEAD stay); 301 keeps a PUT', async () => {
    const put = await probe({ url: `${api.url}/see-other-put`, origin: ORIGIN, method: 'PUT' }, browser);
    expect(put.outcome).toBe('allowed');
    expect(put.hops?.map((hop) => [hop.method, hop.preflight?.answer?.status ?? null])).toEqual([['PUT', 204], ['GET', null]]);
    expect(put.explanation.verdict).toMatch(/^Allowed as GET, not as PUT: the 303 redirect/);
    const kept = await probe({ url: `${api.url}/moved-301-put`, origin: ORIGIN, method: 'PUT' }, browser);
    expect(kept.hops?.map((hop) => hop.method)).toEqual(['PUT', 'PUT']);
    expect(kept.explanation.verdict).toMatch(/^Allowed after 1 redirect/);
  });

  for (const path of ['/moved-307', '/moved-308']) {
    test(`the fix applied: ${path.slice(-3)} keeps the POST and its body`, async () => {
      const before = api.seen.length;
      const result = await probe({ url: `${api.url}${path}`, origin: ORIGIN, method: 'POST', body: 'x=1' }, browser);
      expect(result.outcome).toBe('allowed');
      expect(result.hops?.map((hop) => [hop.method, hop.methodChange])).toEqual([['POST', null], ['POST', null]]);
      expect(result.explanation.verdict).toMatch(/^Allowed after 1 redirect\(s\): POST .* -> 30[78], POST .*\/final -> 200\./);
      expect(received(api, before)).toEqual([`POST ${path} ${ORIGIN}`, `POST /final ${ORIGIN}`]);
    });
  }
});

test.describe('every hop is checked, with the fix per hop', () => {
  test('a redirect without Access-Control-Allow-Origin blocks at hop 1; the fix applied allows it', async () => {
    const result = await probe({ url: `${api.url}/no-cors-on-redirect`, origin: ORIGIN }, browser);
    expect(result.outcome).toBe('blocked');
    expect(result.hops).toHaveLength(1);
    expect(result.explanation.verdict).toMatch(/^Blocked at hop 1 of the redirect chain/);
    // The hop's fix is built as a single probe's: merged per header, Vary: Origin with a named origin.
    const hop = `hop 1 (GET ${api.url}/no-cors-on-redirect)`;
    expect(result.explanation.fix).toBe(
      `${hop} redirect: Access-Control-Allow-Origin: ${ORIGIN}\n${hop} redirect: Vary: Origin`,
    );
    // /moved-302 is the same redirect with the Access-Control-Allow-Origin the fix names.
    const fixed = await probe({ url: `${api.url}/moved-302`, origin: ORIGIN }, browser);
    expect(fixed.outcome).toBe('allowed');
  });

  test("--framework express: the hop's fix in Express cors terms, the chain's wording kept", async () => {
    const url = `${api.url}/no-cors-on-redirect`;
    const result = await probe({ url, origin: ORIGIN, framework: 'express' }, browser);
    expect(result.explanation.verdict).toMatch(/^Blocked at hop 1 of the redirect chain/);
    expect(result.explanation.fix).toMatch(new RegExp(`^hop 1 \\(GET ${url.replaceAll('.', '\\.')}\\) Express cors: `));
    expect(result.explanation.fix).toContain(`  app.use(cors({\n    origin: ['${ORIGIN}'],\n  }));`);
  });
});

test.describe('a cross-origin redirect: the next hop sees Origin: null', () => {
  test('Allow-Origin naming the page fails there; the honest options; pointing the client at the final URL works', async () => {
    const before = other.seen.length;
    const result = await probe({ url: `${api.url}/elsewhere`, origin: ORIGIN }, browser);
    expect([result.outcome, result.reason, result.cause]).toEqual(['blocked', 'AllowOriginMismatch', 'cors']);
    expect(result.hops?.map((hop) => [hop.method, hop.url, hop.origin, hop.answer?.status])).toEqual([
      ['GET', `${api.url}/elsewhere`, ORIGIN, 307],
      ['GET', `${other.url}/final`, 'null', 200],
    ]);
    expect(received(other, before)).toEqual(['GET /final null']);
    // The model replays one exchange from the page's origin: it has no prediction for this chain.
    expect(result.predicted).toBeUndefined();
    const { verdict, fix } = result.explanation;
    expect(verdict).toMatch(/^Blocked at hop 2 of the redirect chain/);
    expect(verdict).toContain(`${other.url}/final received Origin: null: the redirect crossed origins`);
    expect(verdict).toContain('https://fetch.spec.whatwg.org/#concept-request-tainted-origin');
    // The old, wrong advice: the page's origin at the hop that sees null.
    expect(fix).not.toMatch(/hop 2 .*Access-Control-Allow-Origin: http:\/\/localhost:3000/);
    expect(fix).toContain(`point the client at ${other.url}/final`);
    expect(fix).toContain('do not answer Access-Control-Allow-Origin: null');
    expect(fix).toContain(`Access-Control-Allow-Origin: * at ${other.url}/final`);
    // Fix 1 applied: the client calls the final URL; its server already names the page.
    const direct = await probe({ url: `${other.url}/final`, origin: ORIGIN }, browser);
    expect([direct.outcome, direct.hops?.length, direct.hops?.[0]?.origin]).toEqual(['allowed', 1, ORIGIN]);
    // Fix 2 applied (no credentials): * at the final URL passes through the redirect.
    const any = await probe({ url: `${api.url}/elsewhere-any`, origin: ORIGIN }, browser);
    expect([any.outcome, any.hops?.[1]?.origin]).toEqual(['allowed', 'null']);
  });

  test('with credentials, * is not an option; the final URL called directly is', async () => {
    const result = await probe({ url: `${api.url}/elsewhere-credentials`, origin: ORIGIN, credentials: 'include' }, browser);
    expect(result.outcome).toBe('blocked');
    expect(result.hops?.[1]?.origin).toBe('null');
    expect(result.explanation.fix).toContain('with credentials, Access-Control-Allow-Origin: * is refused');
    expect(result.explanation.fix).not.toContain('Access-Control-Allow-Origin: * at');
    const direct = await probe({ url: `${other.url}/final-credentials`, origin: ORIGIN, credentials: 'include' }, browser);
    expect(direct.outcome).toBe('allowed');
  });

  test('a preflighted PUT redirected to another origin: a second preflight there, with Origin: null', async () => {
    const before = other.seen.length;
    const result = await probe({ url: `${api.url}/elsewhere-put`, origin: ORIGIN, method: 'PUT' }, browser);
    expect(result.outcome).toBe('allowed');
    expect(result.hops?.map((hop) => [hop.method, hop.origin, hop.preflight?.origin ?? null, hop.preflight?.answer?.status ?? null])).toEqual([
      ['PUT', ORIGIN, ORIGIN, 204],
      ['PUT', 'null', 'null', 204],
    ]);
    expect(received(other, before)).toEqual(['OPTIONS /final-any-put null', 'PUT /final-any-put null']);
  });

  test('cors-lab probe prints every hop and writes them to --json', async () => {
    let out = '';
    const file = join(await mkdtemp(join(tmpdir(), 'probe-hops-')), 'out.json');
    const io = { out: (t: string) => void (out += t), err: () => {}, interactive: false };
    const code = await main(['probe', `${api.url}/elsewhere`, '--origin', ORIGIN, '--json', file], io);
    expect(code).toBe(1);
    const record = JSON.parse(await readFile(file, 'utf8'));
    expect(record.observed.hops.map((hop: { origin: string }) => hop.origin)).toEqual([ORIGIN, 'null']);
    expect(record.explanation.fix).toContain(`point the client at ${other.url}/final`);
    expect(out).toMatch(new RegExp(`hops {6}1\\. GET ${api.url}/elsewhere, Origin: http://localhost:3000\\n\\s+-> 307`));
    expect(out).toMatch(new RegExp(`2\\. GET ${other.url}/final, Origin: null\\n\\s+-> 200\\n\\s+Access-Control-Allow-Origin: http://localhost:3000`));
  });
});
