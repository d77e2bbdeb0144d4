/** The built client on the app origin: compressed by Accept-Encoding, cached by name, through `app.request`. */
import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { precompressFolder } from '../scripts/precompress.ts';
import { chooseCoding, IMMUTABLE, REVALIDATE, type ContentCoding } from './client-files.ts';
import { Journal } from './journal.ts';
import { createOriginApp } from './origin-app.ts';
import { originMap, originsAtPortBase } from '../plan/origins.ts';
import { RunIds } from './run-ids.ts';

const BOTH = new Set<ContentCoding>(['br', 'gzip']);

describe('the coding chosen for Accept-Encoding (RFC 9110 12.5.3)', () => {
  for (const [header, coding] of [
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['BR', 'br'],
    ['*', 'br'],
    ['*;q=0, identity', 'identity'],
    ['deflate', 'identity'],
    ['gzip;q=abc', 'identity'],
    [' , ;q=1,br ; q=1', 'br'],
  ] as const) {
    it(`${JSON.stringify(header)} gets ${coding}`, () => expect(chooseCoding(header, BOTH)).toBe(coding));
  }
  it('never a coding the build did not write', () => expect(chooseCoding('br', new Set(['gzip']))).toBe('identity'));
});

describe('the app origin serving a built client', () => {
  const SCRIPT = `export const lesson = ${JSON.stringify('CORS '.repeat(2000))};\n`;
  const PAGE = '<!doctype html><title>cors-lab</title><script type="module" src="/assets/main-abc123.js"></script>';
  let app: ReturnType<typeof createOriginApp>;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cors-lab-client-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), PAGE);
    await writeFile(join(dir, 'assets', 'main-abc123.js'), SCRIPT);
    await writeFile(join(dir, 'assets', 'plain-abc123.js'), SCRIPT);
    await precompressFolder(dir);
    // A copy older than its file (left by an earlier build) is never sent.
    const past = new Date(Date.now() - 60_000);
    await utimes(join(dir, 'assets', 'plain-abc123.js.br'), past, past);
    await utimes(join(dir, 'assets', 'plain-abc123.js.gz'), past, past);
    const origins = originsAtPortBase(7000);
    app = createOriginApp('app', { origins, originMap: originMap(origins), journal: new Journal(), clientDir: dir, hosts: new Set(), runIds: new RunIds() });
  });

  const get = (path: string, headers: Record<string, string> = {}) => app.request(new Request(`http://localhost:7000${path}`, { headers }));

  it('sends brotli to a browser, gzip to a client without brotli, identity to one without either', async () => {
    const br = await get('/assets/main-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(brBody.length).toBeLessThan(SCRIPT.length / 20);
    expect(brBody.length).toBe(Number(br.headers.get('content-length')));
    expect(brotliDecompressSync(brBody).toString()).toBe(SCRIPT);
    const gz = await get('/assets/main-abc123.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(SCRIPT);
    const plain = await get('/assets/main-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
    for (const res of [br, gz, plain]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
  });

  it('caches hashed assets for a year, immutable, and has the HTML revalidated', async () => {
    expect((await get('/assets/main-abc123.js')).headers.get('cache-control')).toBe(IMMUTABLE);
    for (const path of ['/', '/index.html', '/?lang=zh-CN&lesson=04-the-preflight']) {
      const res = await get(path, { 'Accept-Encoding': 'br' });
      expect(res.headers.get('cache-control'), path).toBe(REVALIDATE);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(PAGE);
    }
  });

  it('answers an unchanged page with 304 by its ETag, one ETag per coding', async () => {
    const first = await get('/', { 'Accept-Encoding': 'br' });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+-br"$/);
    const again = await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': `"other", W/${etag}` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('cache-control')).toBe(REVALIDATE);
    const gzip = await get('/', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(gzip.status).toBe(200);
    expect(gzip.headers.get('etag')).not.toBe(etag);
  });

  it('never sends a compressed copy older than its file', async () => {
    const res = await get('/assets/plain-abc123.js', { 'Accept-Encoding': 'br, gzip' });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe(SCRIPT);
  });

  it('serves nothing outside the folder and no .br or .gz by name: the JSON 404 of the origin', async () => {
    for (const path of ['/assets/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/%00', '/%E0%A4%A', '/assets/main-abc123.js.br', '/missing.js', '/assets/']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toBe('application/json; charset=utf-8');
    }
  });
});
