/**
 * Format 1.2 `pageHeaders` on the runner page, through `app.request`: a run the lab issued gets exactly its
 * allowed lines on its own runner page; a made-up run id, a name outside the four, a CR/LF or an oversized
 * value is answered 400 JSON naming the query field, and the page is not served with anything.
 */
import { describe, expect, it } from 'vitest';
import { Journal } from './journal.ts';
import type { LabContext } from './lab-context.ts';
import { createOriginApp } from './origin-app.ts';
import { originMap, originsAtPortBase } from '../plan/origins.ts';
import { runnerUrl } from '../plan/page-origin.ts';
import { toBase64Url } from '../plan/plan-url.ts';
import { RunIds } from './run-ids.ts';

const origins = originsAtPortBase(7000);

function lab(): LabContext {
  return { origins, originMap: originMap(origins), journal: new Journal(), clientDir: null, hosts: new Set(), runIds: new RunIds() };
}

const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

describe('the runner page with a run\'s page headers', () => {
  it('serves an issued run\'s runner page with its lines, and the plain runner page without them', async () => {
    const context = lab();
    const app = createOriginApp('app', context);
    const run = context.runIds.issue();
    const res = await app.request(runnerUrl('app', context.originMap, { run, pageHeaders: ISOLATED }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(await res.text()).toContain('cors-lab runner page');
    const plain = await app.request(runnerUrl('app', context.originMap));
    expect(plain.headers.get('cross-origin-embedder-policy')).toBeNull();
  });

  it('keeps the sandbox of the null page beside the page\'s own Content-Security-Policy', async () => {
    const context = lab();
    const run = context.runIds.issue();
    const url = runnerUrl('null', context.originMap, { run, pageHeaders: { 'Content-Security-Policy': "img-src 'self'" } });
    expect(url).toMatch(/\/__runner\?sandbox&run=/);
    const res = await createOriginApp('app', context).request(url);
    expect(res.headers.get('content-security-policy')).toBe("img-src 'self', sandbox allow-scripts");
  });

  // A hostile page can point a window at any lab URL: none of these may make the lab's page say anything.
  const hostile: Array<[string, (run: string) => string, string]> = [
    ['a made-up run id', () => `run=made-up&page-headers=${toBase64Url(JSON.stringify(ISOLATED))}`, 'run'],
    ['a name outside the four', (run) => `run=${run}&page-headers=${toBase64Url(JSON.stringify({ 'Set-Cookie': 'a=1' }))}`, 'page-headers'],
    ['CR/LF in a value', (run) => `run=${run}&page-headers=${toBase64Url(JSON.stringify({ 'Content-Security-Policy': 'a\r\nSet-Cookie: a=1' }))}`, 'page-headers'],
    ['an oversized value', (run) => `run=${run}&page-headers=${toBase64Url(JSON.stringify({ 'Content-Security-Policy': 'a'.repeat(513) }))}`, 'page-headers'],
    ['not base64url JSON', (run) => `run=${run}&page-headers=%25%25`, 'page-headers'],
    ['no run id', () => `page-headers=${toBase64Url(JSON.stringify(ISOLATED))}`, 'run'],
  ];
  for (const [what, query, field] of hostile) {
    it(`answers 400 JSON naming ${field} for ${what}`, async () => {
      const context = lab();
      const res = await createOriginApp('evil', context).request(`http://evil.localhost:7004/__runner?${query(context.runIds.issue())}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { field: string; error: string };
      expect(body.field).toBe(field);
      expect(body.error.length).toBeGreaterThan(10);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(res.headers.get('cross-origin-embedder-policy')).toBeNull();
    });
  }
});

describe('report-uri in a page\'s own Content-Security-Policy', () => {
  const csp = (value: string, run: string): string =>
    `run=${run}&page-headers=${toBase64Url(JSON.stringify({ 'Content-Security-Policy': value }))}`;

  // A shared experiment must not make the learner's browser post the page's URL (its run id) and the policy (the
  // runner's nonce) to a host of its author's choosing.
  for (const value of [
    "default-src 'self'; report-uri https://attacker.example/collect",
    "img-src 'self'; report-uri /r http://evil.example:7004/r",
    "img-src 'self', script-src 'self'; REPORT-URI //attacker.example/r",
    "img-src 'self'; report-uri http://127.0.0.1:7999/r",
    "img-src 'self'; report-uri http://[::1",
  ]) {
    it(`answers 400 JSON naming pageHeaders.Content-Security-Policy for ${JSON.stringify(value)}`, async () => {
      const context = lab();
      const app = createOriginApp('api', context);
      const res = await app.request(`http://localhost:7001/__runner?${csp(value, context.runIds.issue())}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { field: string; error: string };
      expect(body.field).toBe('page-headers');
      expect(body.error).toMatch(/^pageHeaders\["Content-Security-Policy"\]: report-uri /);
      expect(res.headers.get('content-security-policy')).toBeNull();
    });
  }

  it('serves a policy that reports to the lab\'s own origins, relative URLs included', async () => {
    const context = lab();
    const app = createOriginApp('api', context);
    const value = `img-src 'self'; report-uri /__cl/r ${context.originMap.partner}/r ${context.originMap.secure}/r`;
    const res = await app.request(`http://localhost:7001/__runner?${csp(value, context.runIds.issue())}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain(`report-uri /__cl/r ${context.originMap.partner}/r`);
  });
});

describe('the runner page with page headers, on real sockets', () => {
  it('sends an issued run\'s lines on the wire, and 400 for a made-up run id', async () => {
    const { startLab } = await import('./lab.ts');
    const lab = await startLab({ clientDir: null });
    try {
      const origins = originMap(lab.origins);
      const issued = await fetch(runnerUrl('app', origins, { run: lab.newRunId(), pageHeaders: ISOLATED }));
      expect(issued.status).toBe(200);
      expect(issued.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      await issued.text();
      const madeUp = await fetch(runnerUrl('app', origins, { run: 'made-up', pageHeaders: ISOLATED }));
      expect(madeUp.status).toBe(400);
      expect(madeUp.headers.get('cross-origin-embedder-policy')).toBeNull();
      expect(((await madeUp.json()) as { field: string }).field).toBe('run');
    } finally {
      await lab.close();
    }
  });
});
