/**
 * `cors-lab explain` on a HAR that Chromium really recorded (Playwright's recordHar): a page on one
 * loopback port fetches from another, one request blocked without Access-Control-Allow-Origin, one
 * blocked by its preflight, one allowed. The test also pins what such a HAR holds for a request CORS
 * blocked (no response: status -1, `_failureText`, no preflight entry), which the README states.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cliProcess } from '../../cli/cli-process.ts';
import type { HarReport } from '../../har/explain-har.ts';
import { startApi, type ApiServer } from './probe-servers.ts';

const REFLECT = { 'Access-Control-Allow-Origin': '{reflect}' };
const ROUTES = {
  '/missing': { actual: { headers: { 'Content-Type': 'text/plain' } } },
  '/preflight-blocked': { preflight: { headers: REFLECT }, actual: { headers: REFLECT } },
  '/allowed': {
    preflight: {
      headers: { ...REFLECT, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'X-Custom' },
    },
    actual: { headers: REFLECT },
  },
};

let api: ApiServer;
let site: ApiServer;
let folder: string;

test.beforeAll(async () => {
  api = await startApi(ROUTES);
  site = await startApi({ '/page': { actual: { headers: { 'Content-Type': 'text/html' } } } });
  folder = await mkdtemp(join(tmpdir(), 'cors-lab-har-'));
});

test.afterAll(async () => {
  await Promise.all([api.close(), site.close(), rm(folder, { recursive: true, force: true })]);
});

test('cors-lab explain reads a HAR recorded in Chromium: every cross-origin request, blocked and allowed', async ({
  browser,
}) => {
  const harPath = join(folder, 'session.har');
  const context = await browser.newContext({ recordHar: { path: harPath } });
  const page = await context.newPage();
  await page.goto(`${site.url}/page`);
  // The API on another loopback port: localhost, while the page is on 127.0.0.1.
  const apiUrl = api.url.replace('127.0.0.1', 'localhost');
  const results = await page.evaluate(async (base) => {
    const put = { method: 'PUT', headers: { 'X-Custom': '1' } };
    const calls: Array<[string, RequestInit]> = [
      ['/missing', {}],
      ['/preflight-blocked', put],
      ['/allowed', put],
    ];
    const out: string[] = [];
    for (const [path, init] of calls)
      out.push(
        await fetch(base + path, init).then(
          (r) => `status ${r.status}`,
          (e: Error) => e.name,
        ),
      );
    return out;
  }, apiUrl);
  expect(results).toEqual(['TypeError', 'TypeError', 'status 200']);
  expect(api.seen).toEqual(['GET /missing', 'OPTIONS /preflight-blocked', 'OPTIONS /allowed', 'PUT /allowed']);
  await context.close();

  // What Chromium's HAR holds for the blocked ones: no response, a failure text, no preflight entry.
  const har = JSON.parse(await readFile(harPath, 'utf8')) as {
    log: {
      entries: Array<{
        request: { method: string; url: string };
        response: { status: number; headers: unknown[]; _failureText?: string };
      }>;
    };
  };
  const blocked = har.log.entries.find((e) => e.request.url === `${apiUrl}/missing`);
  expect(blocked?.response).toMatchObject({ status: -1, headers: [], _failureText: 'net::ERR_FAILED' });
  expect(har.log.entries.filter((e) => e.request.method === 'OPTIONS')).toEqual([]);

  const run = await cliProcess(['explain', harPath, '--json'], 120_000);
  expect(run.stderr.toString()).toBe('');
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout.toString()) as HarReport;
  const byPath = (path: string) => report.findings.find((f) => f.url === `${apiUrl}${path}`);
  expect(report.findings).toHaveLength(3);
  for (const finding of report.findings)
    expect(finding).toMatchObject({ pageOrigin: site.url, pageOriginFrom: expect.any(String) });
  expect(byPath('/missing')).toMatchObject({
    method: 'GET',
    outcome: 'blocked',
    reason: null,
    failure: 'net::ERR_FAILED',
    preflightNeeded: false,
  });
  expect(byPath('/missing')?.verdict).toContain('holds no response');
  expect(byPath('/preflight-blocked')).toMatchObject({
    method: 'PUT',
    outcome: 'blocked',
    reason: null,
    preflightNeeded: true,
  });
  expect(byPath('/preflight-blocked')?.verdict).toContain('neither its preflight answer nor its response');
  expect(byPath('/allowed')).toMatchObject({
    method: 'PUT',
    outcome: 'allowed',
    reason: null,
    preflightNeeded: true,
    fix: null,
  });

  const text = await cliProcess(['explain', harPath], 120_000);
  expect(text.code).toBe(0);
  expect(text.stdout.toString()).toContain('3 cross-origin requests');
  expect(text.stdout.toString()).toContain(`PUT ${apiUrl}/allowed`);
});
