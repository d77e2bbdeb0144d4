/**
 * Where `scan --prove` serves its exploit pages: one server on loopback per
 * scheme, answering for any host name. Chromium reaches it under the
 * attacker's host name through `--host-resolver-rules` (one MAP rule per host
 * and port, to this server's port), so the page's origin is the one the API trusted.
 * https pages use a key made for this run (openssl, no SAN needed) that
 * Chromium trusts by its public-key hash only (`--ignore-certificate-errors-spki-list`),
 * nothing wider.
 * https://chromium.googlesource.com/chromium/src/+/main/net/dns/README.md
 */
import { execFile } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export type Scheme = 'http:' | 'https:';
const DEFAULT_PORTS: Record<Scheme, number> = { 'http:': 80, 'https:': 443 };

export interface ServedPage {
  html: string;
  /** Served with `Content-Security-Policy: sandbox allow-scripts`: an opaque origin, `Origin: null`. */
  sandboxed: boolean;
}

export interface PageServers {
  /** The port of the http server, which serves every page unless its origin is https. */
  httpPort: number;
  /** Starts the https server (a key made for this run); returns why it could not, or null. */
  startHttps(): Promise<string | null>;
  /** Chromium flags: each attacker origin's host and port to this machine, and trust of this run's key. */
  chromiumArgs(origins: readonly URL[]): string[];
  close(): Promise<void>;
}

const run = promisify(execFile);
const OPENSSL_DEADLINE_MS = 20_000;

/** A fresh key and self-signed certificate, and the SHA-256 of its public key as Chromium's flag wants it. */
async function runKey(): Promise<{ key: string; cert: string; spkiHash: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'cors-lab-prove-'));
  try {
    const [keyFile, certFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=cors-lab scan --prove'];
    await run('openssl', args, { timeout: OPENSSL_DEADLINE_MS });
    const [key, cert] = await Promise.all([readFile(keyFile, 'utf8'), readFile(certFile, 'utf8')]);
    const spki = createPublicKey(cert).export({ type: 'spki', format: 'der' });
    return { key, cert, spkiHash: createHash('sha256').update(spki).digest('base64') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const listen = (server: Server): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });

const close = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

/** `/exploit/N` is page N; anything else is 404. */
function answer(pages: readonly ServedPage[]) {
  return function servePage(request: IncomingMessage, response: ServerResponse): void {
    const match = /^\/exploit\/(\d+)$/.exec(request.url ?? '');
    const page = match ? pages[Number(match[1])] : undefined;
    if (!page) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      ...(page.sandboxed ? { 'Content-Security-Policy': 'sandbox allow-scripts' } : {}),
    });
    response.end(page.html);
  };
}

/** Starts the http server; the https one starts when an attacker origin needs it. */
export async function servePages(pages: readonly ServedPage[]): Promise<PageServers> {
  const http = createHttpServer(answer(pages));
  const ports: Record<Scheme, number> = { 'http:': await listen(http), 'https:': 0 };
  let https: Server | null = null;
  let spkiHash: string | null = null;
  return {
    httpPort: ports['http:'],
    async startHttps() {
      try {
        const key = await runKey();
        https = createHttpsServer({ key: key.key, cert: key.cert }, answer(pages));
        ports['https:'] = await listen(https);
        spkiHash = key.spkiHash;
        return null;
      } catch (error) {
        return `cannot serve an https exploit page (openssl makes its key): ${(error as Error).message.split('\n')[0]}`;
      }
    },
    chromiumArgs(origins) {
      // `MAP host:port`: only that port of the name, so an API on the same host name (another port) is not redirected.
      const rules = origins.map((o) => {
        const scheme = o.protocol as Scheme;
        return `MAP ${o.hostname}:${o.port || DEFAULT_PORTS[scheme]} 127.0.0.1:${ports[scheme]}`;
      });
      return [
        ...(rules.length ? [`--host-resolver-rules=${rules.join(',')}`] : []),
        ...(spkiHash ? [`--ignore-certificate-errors-spki-list=${spkiHash}`] : []),
      ];
    },
    close: async () => void (await Promise.all([close(http), ...(https ? [close(https)] : [])])),
  };
}
