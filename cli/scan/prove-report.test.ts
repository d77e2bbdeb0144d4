/**
 * `cors-lab scan --prove` end to end in this process: the scan's findings on a
 * loopback API, then each proven or not in Chromium, in the text and the JSON.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { paced } from '../../test/pace/machine-pace.ts';
import { cli } from '../cli-in-memory.ts';
import type { Proof } from './prove.ts';
import { provableFindings } from './prove-report.ts';
import type { Finding } from './findings.ts';
import type { ScanReport } from './scan.ts';

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

async function api(cors: (origin: string) => Record<string, string>): Promise<string> {
  const server = createServer((request, response) => {
    const headers = { 'Content-Type': 'application/json', ...cors(request.headers.origin ?? '') };
    response.writeHead(200, headers).end('{"user":"alice","secret":42}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/me`;
}

describe('provableFindings', () => {
  const url = 'http://127.0.0.1:9/me';
  const sent = { url, method: 'POST', headers: { 'X-A': '1' }, origin: 'https://attacker.example', credentials: true,
    cookie: 'a=b' };
  const finding: Finding = {
    id: 'origin-reflected', severity: 'high', title: 't', origin: 'https://attacker.example', fix: 'f',
    request: sent, evidence: { request: [], response: ['HTTP/1.1 200 OK', 'access-control-allow-credentials: true'] },
  };
  const report = (findings: Finding[]): ScanReport => ({
    url, trustedOrigin: 'http://localhost:3000', trustedOriginAssumed: false, methods: ['POST'], requests: 1,
    testedNothing: [], unanswered: [], notSent: 0, findings,
  });

  it('replays the request each finding carries (method, headers, cookie) as it is', () => {
    expect(provableFindings(report([finding])).map((f) => f.request)).toEqual([sent]);
  });

  it('replays credentialed when the API allows credentials, though the scan sent none', () => {
    const plain = { ...finding, request: { ...sent, credentials: false } };
    const noCredentials = { ...plain, evidence: { request: [], response: ['HTTP/1.1 200 OK'] } };
    expect(provableFindings(report([plain, noCredentials])).map((f) => f.request.credentials)).toEqual([true, false]);
  });

  it('leaves out info findings: they give no read to prove', () => {
    const info: Finding = { ...finding, id: 'null-trusted', severity: 'info' };
    expect(provableFindings(report([info, finding])).map((f) => f.id)).toEqual(['origin-reflected']);
  });
});

describe('scan --prove', () => {
  it('proves a reflecting credentialed API, shows the bytes (secret redacted) and the page to copy', async () => {
    const url = await api((origin) => ({
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
    }));
    const dir = await mkdtemp(join(tmpdir(), 'cors-lab-prove-'));
    try {
      const json = join(dir, 'scan.json');
      const run = await cli('scan', url, '--origin', 'https://app.example.com', '--prove', '--json', json);
      expect(run.code).toBe(1);
      const evil = String.raw`http:\/\/evil\.localhost:\d+`;
      const readIt = String.raw`a page on ${evil} read the answer \(status 200\)`;
      const proven = new RegExp(String.raw`^PROVEN +origin-reflected from ${evil}: ${readIt}`, 'm');
      expect(run.out).toMatch(proven);
      expect(run.out).toMatch(/^PROVEN +null-trusted from a sandboxed page \(Origin: null\)/m);
      expect(run.out).toContain('read: {"user":"alice","secret":"[redacted]"}');
      expect(run.out).toContain('----- origin-reflected -----\n<!-- Publish on any origin: the API trusts every one');
      expect(run.out).toMatch(/^PROVEN +null-trusted from a sandboxed page \(Origin: null\): a sandboxed page read/m);
      expect(run.out).toContain(`fetch("${url}", {"method":"GET","credentials":"include"})`);
      expect(run.out).toMatch(/^NOT PROVEN +missing-vary-origin from .*: not a cross-origin read/m);
      expect(run.out).toContain('2 of 3 findings proven');
      // One report per URL scanned, each with the proofs of its findings.
      const [written] = JSON.parse(await readFile(json, 'utf8')) as Array<{ proofs: Proof[] }>;
      const verdicts = written!.proofs.map((p) => [p.id, p.verdict]);
      expect(verdicts).toEqual([
        ['origin-reflected', 'proven'],
        ['null-trusted', 'proven'],
        ['missing-vary-origin', 'not proven'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, paced(90_000));

  it('labels * with credentials "not proven", with the reason Chromium gave', async () => {
    const url = await api(() => ({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' }));
    const run = await cli('scan', url, '--prove', '--show-secrets');
    expect(run.code).toBe(1);
    const blocked = 'Chromium blocked the read: WildcardOriginNotAllowed';
    const evil = String.raw`http:\/\/evil\.localhost:\d+`;
    const line = new RegExp(String.raw`^NOT PROVEN +wildcard-with-credentials from ${evil}: ${blocked}`, 'm');
    expect(run.out).toMatch(line);
    expect(run.out).toMatch(/console: Access to fetch at .* has been blocked by CORS policy/);
    expect(run.out).not.toContain('----- wildcard-with-credentials -----');
    expect(run.out).toContain('0 of 1 finding proven');
    expect(run.out).toContain('Not proven is not "safe"');
  }, paced(90_000));

  it('refuses --show-secrets without --prove', async () => {
    const run = await cli('scan', 'http://127.0.0.1:9/', '--show-secrets');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--show-secrets: only with --prove');
  });
});
