/**
 * `proveFindings` in real Chromium against small APIs on 127.0.0.1, each with
 * one misconfiguration or its look-alike: what a page on the trusted origin
 * can really read, and what the browser blocks although a header check would
 * call it vulnerable.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paced } from '../../test/pace/machine-pace.ts';
import { proveFindings, type Proof, type ProvableFinding } from './prove.ts';
import { REDACTED } from './prove-secrets.ts';

const TOKEN = 'tok_9f8e7d6c5b4a39281706';
const COOKIE = 'session=c00kie-value-1234';

interface Seen {
  path: string;
  origin: string | undefined;
  cookie: string | undefined;
  authorization?: string | undefined;
}

/** Each path is one API; every answer carries the account and a token, as a real /me endpoint would. */
function answer(seen: Seen[]) {
  return function api(request: IncomingMessage, response: ServerResponse): void {
    const origin = request.headers.origin ?? '';
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (request.method === 'OPTIONS') {
      // Only /token is preflighted: it reflects the Origin and allows the Authorization header.
      const allow = { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Headers': 'Authorization' };
      return void response.writeHead(204, { ...allow, 'Access-Control-Allow-Credentials': 'true' }).end();
    }
    const { cookie, authorization } = request.headers;
    seen.push({ path, origin: request.headers.origin, cookie, authorization });
    const cors: Record<string, string | string[]> = {
      // Reflects any Origin, with credentials: the classic.
      '/reflect': { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' },
      // Trusts "null" with credentials.
      '/null': origin === 'null' ? { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' }
        : {},
      // startsWith check: trusts anything that begins with the real origins.
      '/prefix': origin.startsWith('http://127.0.0.1') || origin.startsWith('https://app.example.com')
        ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' } : {},
      // Reflects, but twice: a header check reading one line sees the Origin trusted; Chromium sees two values.
      '/reflect-twice': { 'Access-Control-Allow-Origin': [origin, origin], 'Access-Control-Allow-Credentials': 'true' },
      // * with credentials: looks open, the browser refuses it for credentialed requests.
      '/wildcard': { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
      '/token': request.headers.authorization === 'Bearer t0ken-of-the-user'
        ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' } : {},
    }[path] ?? {};
    response.writeHead(200, { 'Content-Type': 'application/json', ...cors });
    response.end(JSON.stringify({ user: 'alice', token: TOKEN, cookieSeen: request.headers.cookie ?? null }));
  };
}

describe('proveFindings in Chromium', () => {
  const seen: Seen[] = [];
  let server: Server;
  let base = '';
  let proofs: Proof[] = [];
  const finding = (id: string, path: string, origin: string): ProvableFinding => ({
    id,
    request: { url: `${base}${path}`, method: 'GET', headers: {}, origin, credentials: true, cookie: COOKIE },
  });

  beforeAll(async () => {
    server = createServer(answer(seen));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const port = new URL(base).port;
    proofs = await proveFindings([
      finding('origin-reflected', '/reflect', 'https://attacker.example'),
      finding('null-trusted', '/null', 'null'),
      finding('prefix-match', '/prefix', `http://127.0.0.1.attacker.example:${port}`),
      finding('prefix-match', '/prefix', 'https://app.example.com.attacker.example'),
      finding('origin-reflected', '/reflect-twice', 'https://attacker.example'),
      finding('wildcard-with-credentials', '/wildcard', 'https://attacker.example'),
      finding('missing-vary-origin', '/reflect', 'https://attacker.example'),
      finding('http-trusted', '/reflect', `http://127.0.0.1:${port}`),
      {
        id: 'origin-reflected',
        request: {
          url: `${base}/token`, method: 'GET', headers: { Authorization: 'Bearer t0ken-of-the-user' },
          origin: 'https://a.example', credentials: false,
        },
      },
    ]);
  }, paced(120_000));

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('proves a reflecting credentialed API: the evil page read the account, token redacted, cookie sent', () => {
    const [proof] = proofs;
    expect(proof).toMatchObject({ verdict: 'proven', status: 200, reason: null });
    expect(proof!.attackerOrigin).toMatch(/^http:\/\/evil\.localhost:\d+$/);
    expect(proof!.read).toContain('"user":"alice"');
    expect(proof!.read).toContain(`"token":"${REDACTED}"`);
    expect(proof!.read).not.toContain(TOKEN);
    expect(proof!.read).not.toContain('c00kie-value-1234');
    expect(seen.find((s) => s.path === '/reflect')).toMatchObject({ origin: proof!.attackerOrigin, cookie: COOKIE });
    expect(proof!.exploitHtml).toContain(`fetch("${base}/reflect"`);
    expect(proof!.exploitHtml).toContain('"credentials":"include"');
  });

  it('proves a null-trusting API from an opaque page, and gives a sandboxed iframe to copy', () => {
    expect(proofs[1]).toMatchObject({ verdict: 'proven', attackerOrigin: 'null', status: 200 });
    expect(seen.find((s) => s.path === '/null')).toMatchObject({ origin: 'null', cookie: COOKIE });
    expect(proofs[1]!.exploitHtml).toContain('<iframe sandbox="allow-scripts" srcdoc="');
  });

  it('proves a prefix check from the look-alike host itself, over http and https, mapped to loopback', () => {
    const port = new URL(base).port;
    expect(proofs[2]).toMatchObject({ verdict: 'proven', attackerOrigin: `http://127.0.0.1.attacker.example:${port}` });
    expect(proofs[3]).toMatchObject({ verdict: 'proven', attackerOrigin: 'https://app.example.com.attacker.example' });
    const origins = seen.filter((s) => s.path === '/prefix').map((s) => s.origin);
    expect(origins).toEqual([`http://127.0.0.1.attacker.example:${port}`, 'https://app.example.com.attacker.example']);
  });

  it('labels what only looks vulnerable "not proven", with Chromium\'s reason', () => {
    expect(proofs[4]).toMatchObject({ verdict: 'not proven', reason: 'MultipleAllowOriginValues', read: null });
    expect(proofs[4]!.why).toContain('Chromium blocked the read: MultipleAllowOriginValues');
    expect(proofs[4]!.console).toMatch(/^Access to fetch at .* has been blocked by CORS policy/);
    expect(proofs[5]).toMatchObject({ verdict: 'not proven', reason: 'WildcardOriginNotAllowed' });
    // The request itself was sent, with the cookie: only the read was stopped.
    expect(seen.find((s) => s.path === '/wildcard')).toMatchObject({ cookie: COOKIE });
  });

  it('does not claim to prove a class that is no cross-origin read', () => {
    expect(proofs[6]).toMatchObject({ verdict: 'not proven', reason: null });
    expect(proofs[6]!.why).toMatch(/not a cross-origin read/);
  });

  it('never maps an API\'s own host and port to the exploit page (it would answer in the API\'s place)', () => {
    expect(proofs[7]).toMatchObject({ verdict: 'not proven', read: null });
    expect(proofs[7]!.why).toContain('is where the API itself answers');
    expect(seen.filter((s) => s.path === '/reflect')).toHaveLength(1);
  });

  it('sends the token header the user gave (preflighted), and proves the read with it', () => {
    expect(proofs[8]).toMatchObject({ verdict: 'proven', status: 200 });
    const sent = seen.find((s) => s.path === '/token');
    expect(sent).toMatchObject({ authorization: 'Bearer t0ken-of-the-user', cookie: undefined });
    expect(proofs[8]!.exploitHtml).toContain('"headers":{"Authorization":"Bearer t0ken-of-the-user"}');
  });

  it('shows the secrets when asked', async () => {
    const reflected = finding('origin-reflected', '/reflect', 'https://attacker.example');
    const [shown] = await proveFindings([reflected], { showSecrets: true });
    expect(shown!.read).toContain(TOKEN);
    expect(shown!.read).toContain('c00kie-value-1234');
  }, paced(60_000));
});
