/**
 * README.md's `cors-lab probe` examples run: each ```sh block that starts with `$ npx cors-lab probe` is run
 * against an API of this test's own that answers as the README's API does (127.0.0.1:8080 and :8081, and a
 * self-signed https one for :8443, all on loopback at free ports). Every line the README shows must come out, in
 * order; a `...` line stands for lines left out, and Date lines (they change) are not compared.
 */
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../cli/main.ts';
import { startApi, type ApiServer } from './probe-servers.ts';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const ORIGIN = 'http://localhost:3000';
const ALLOW_ORIGIN = 'Access-Control-Allow-Origin';

interface Example {
  line: number;
  args: string[];
  shown: string[];
}

/** Words of a command line as a POSIX shell splits them (single quotes only: what the README uses). */
function words(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

function examples(markdown: string): Example[] {
  return [...markdown.matchAll(/^```sh\n\$ npx cors-lab probe (.*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    line: markdown.slice(0, m.index).split('\n').length,
    args: words(m[1] ?? ''),
    shown: (m[2] ?? '').split('\n').filter((line) => line !== ''),
  }));
}

let api: ApiServer;
let other: ApiServer;
let https: Server;

test.beforeAll(async () => {
  other = await startApi({ '/items': { actual: { headers: { [ALLOW_ORIGIN]: ORIGIN } } } });
  api = await startApi({
    '/items': {
      // As the README's API answers: GET only (the fix adds PUT to the list, instead of GET).
      preflight: { headers: { [ALLOW_ORIGIN]: ORIGIN, 'Access-Control-Allow-Methods': 'GET' } },
      actual: { headers: { [ALLOW_ORIGIN]: '{reflect}', 'Access-Control-Expose-Headers': 'X-Page', 'X-Page': '2', 'X-Total-Count': '40' } },
    },
    '/old-items': { actual: { status: 301, headers: { [ALLOW_ORIGIN]: '{reflect}', Location: '/items' } } },
    '/v1/items': { actual: { status: 307, headers: { [ALLOW_ORIGIN]: '{reflect}', Location: `${other.url}/items` } } },
    '/account': { actual: { headers: { [ALLOW_ORIGIN]: '{reflect}', 'Access-Control-Allow-Credentials': 'true' } } },
    '/cached-items': {
      preflight: { headers: { [ALLOW_ORIGIN]: '{reflect}', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '600' } },
      actual: { headers: { [ALLOW_ORIGIN]: '{reflect}' } },
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'readme-tls-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  const subject = ['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', ...subject], { stdio: 'ignore' });
  https = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    res.writeHead(200, { [ALLOW_ORIGIN]: req.headers.origin ?? '' }).end('ok');
  });
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
});
test.afterAll(async () => {
  await Promise.all([api.close(), other.close(), new Promise<void>((resolve) => https.close(() => resolve()))]);
});

const found = examples(readFileSync(README, 'utf8'));

test('README.md has its cors-lab probe examples', () => {
  expect(found.length, 'probe examples in README.md').toBeGreaterThanOrEqual(8);
});

// One test per example, so that both workers share them (the --browser examples start Firefox and WebKit too).
for (const example of found) {
  test(`README.md:${example.line}: cors-lab probe ${example.args.join(' ')} prints what the README shows`, async () => {
    test.setTimeout(360_000);
    const tls = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
    const ours = (text: string): string => text
      .replaceAll('http://127.0.0.1:8080', api.url)
      .replaceAll('http://127.0.0.1:8081', other.url)
      .replaceAll('https://127.0.0.1:8443', tls);
    let out = '';
    const io = { out: (t: string) => void (out += t), err: (t: string) => void (out += t), interactive: false };
    await main(['probe', ...example.args.map(ours)], io);
    const lines = out.split('\n');
    let at = 0;
    for (const shown of example.shown) {
      if (shown.trim() === '...' || /^\s*Date: /.test(shown)) continue;
      const wanted = ours(shown);
      const index = lines.findIndex((line, i) => i >= at && line === wanted);
      const missing = `README.md:${example.line}: not printed (in this order): ${shown}\n--- printed:\n${out}`;
      expect(index, missing).toBeGreaterThanOrEqual(0);
      at = index + 1;
    }
  });
}
