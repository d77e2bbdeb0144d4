/**
 * cors-lab/playwright from the sources: the `cors` fixture and the matchers,
 * and deliberately wrong expectations whose messages must carry Chromium's
 * reason, its console line and the fix.
 */
import { test, expect } from '../../api/playwright.ts';
import type { ExperimentInput } from '../../format/schema.ts';
import { startApi, type ApiServer } from './probe-servers.ts';

const ORIGIN = 'http://localhost:3000';
let api: ApiServer;

test.beforeAll(async () => {
  api = await startApi({
    '/wildcard': { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    '/exact': { actual: { headers: { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Expose-Headers': 'X-Total', 'X-Total': '1', 'X-Hidden': '1' } } },
    '/count': { actual: { headers: { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Expose-Headers': 'X-Page', 'X-Page': '2', 'X-Total-Count': '40' } } },
    // /count with the fix its failing toExposeHeader gives.
    '/count-fixed': {
      actual: { headers: { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Expose-Headers': 'X-Page, X-Total-Count', 'X-Page': '2', 'X-Total-Count': '40' } },
    },
    '/moved': { actual: { status: 301, headers: { 'Access-Control-Allow-Origin': ORIGIN, Location: '/exact' } } },
    // The misconfiguration a negative test exists for: any origin, with credentials.
    '/reflect': {
      actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}', 'Access-Control-Allow-Credentials': 'true' } },
    },
  });
});
test.afterAll(() => api.close());

/** The message of a matcher that must fail. */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed; it should have failed');
}

test('a deliberately wrong toBeAllowed fails with the reason, the console line and the fix', async ({ cors }) => {
  const result = await cors.probe({ url: `${api.url}/wildcard`, origin: ORIGIN, credentials: 'include' });
  const message = failure(() => expect(result).toBeAllowed());
  expect(message).toContain('Expected: allowed by CORS');
  expect(message).toContain('Received: blocked by CORS (WildcardOriginNotAllowed)');
  expect(message).toContain(`Console:  Access to fetch at '${api.url}/wildcard' from origin '${ORIGIN}' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*'`);
  // The complete fix: every header the answer needs, not only the one that failed first.
  expect(message).toContain(`Fix:      actual answer: Access-Control-Allow-Origin: ${ORIGIN} (instead of *)`);
  expect(message).toContain('actual answer: Access-Control-Allow-Credentials: true');
  expect(message).toContain('Access-Control-Allow-Credentials: true');
  expect(result).toBeBlockedBy('WildcardOriginNotAllowed');
});

test('cors.probe({ framework }) writes the fix in that framework\'s terms; the matcher quotes it', async ({ cors }) => {
  const url = `${api.url}/wildcard`;
  const result = await cors.probe({ url, origin: ORIGIN, credentials: 'include', framework: 'express' });
  expect(result.framework).toEqual({ name: 'express', guessed: false, basis: null });
  const message = failure(() => expect(result).toBeAllowed());
  expect(message).toContain("import cors from 'cors';");
  expect(message).toContain(`origin: ['${ORIGIN}'],`);
  expect(message).toContain('credentials: true,');
  await expect(cors.probe({ url, origin: ORIGIN, framework: 'rails' as 'express' })).rejects.toThrow(
    'expected one of headers, express, fastify, hono, nginx, auto, got "rails"',
  );
});

test('a wrong reason in toBeBlockedBy names both reasons', async ({ cors }) => {
  const result = await cors.probe({ url: `${api.url}/exact`, origin: 'http://evil.localhost:4000' });
  expect(result).toBeBlockedBy('AllowOriginMismatch');
  const message = failure(() => expect(result).toBeBlockedBy('MissingAllowOriginHeader'));
  expect(message).toContain('Expected: blocked by CORS (MissingAllowOriginHeader)');
  expect(message).toContain('Received: blocked by CORS (AllowOriginMismatch)');
  expect(message).toContain("has a value 'http://localhost:3000' that is not equal to the supplied origin");
});

test('toExposeHeader, toHavePreflight and .not', async ({ cors }) => {
  const result = await cors.probe({ url: `${api.url}/exact`, origin: ORIGIN, method: 'GET' });
  expect(result).toBeAllowed();
  expect(result).toExposeHeader('X-Total');
  expect(result).not.toExposeHeader('X-Hidden');
  expect(result).not.toHavePreflight();
  expect(failure(() => expect(result).toExposeHeader('X-Hidden'))).toContain('Received: readable: ');
  expect(failure(() => expect(result).toHavePreflight())).toContain('Received: no preflight');
});

test('readable and hidden header names; a failing toExposeHeader carries the Expose-Headers fix, which works', async ({ cors }) => {
  const result = await cors.probe({ url: `${api.url}/count`, origin: ORIGIN });
  expect(result.exposure?.readable).toEqual(['x-page']);
  expect(result.exposure?.hidden).toEqual(['X-Total-Count']);
  expect(result.explanation.verdict).toContain('Readable: x-page. Hidden (not in Access-Control-Expose-Headers): X-Total-Count.');
  const message = failure(() => expect(result).toExposeHeader('x-total-count'));
  expect(message).toContain('Received: readable: x-page; sent but hidden: X-Total-Count');
  expect(message).toContain('Fix:      actual answer: Access-Control-Expose-Headers: X-Page, X-Total-Count');
  expect(failure(() => expect(result).toExposeHeader('X-Request-Id'))).toContain('The server did not send X-Request-Id at all');
  const fixed = await cors.probe({ url: `${api.url}/count-fixed`, origin: ORIGIN });
  expect(fixed).toExposeHeader('x-total-count');
  expect(fixed.exposure).toEqual({ readable: ['x-page', 'x-total-count'], hidden: [], fix: null });
});

test('a POST that a 301 turned into a GET is not allowed as a POST', async ({ cors }) => {
  const result = await cors.probe({ url: `${api.url}/moved`, origin: ORIGIN, method: 'POST', body: 'x' });
  expect(result.outcome).toBe('allowed');
  expect(result).not.toBeAllowed();
  const message = failure(() => expect(result).toBeAllowed());
  expect(message).toContain('Received: allowed by CORS as GET, not as POST: a 301 redirect changed the method');
  expect(message).toContain('answer 307 or 308 instead');
});

test('the fixture passes the probe options through: a null-origin attacker, and a then step', async ({ cors }) => {
  const fromNull = await cors.probe({ url: `${api.url}/reflect`, origin: 'null', credentials: 'include', then: [{}] });
  // The negative test of an API that trusts Origin: null fails, as it should, and says why.
  const message = failure(() => expect(fromNull).not.toBeAllowed());
  expect(message).toContain('Unsafe: the API allows Origin: null');
  expect(fromNull.thenResults).toEqual([{ method: 'GET', outcome: 'allowed', reason: null, preflight: false, status: 200 }]);
});

const ATTACKER = 'https://evil.example';

test('a reflect-with-credentials API fails not.toBeAllowed() from a public attacker, naming CORS', async ({ cors }) => {
  const result = await cors.probe({ url: `${api.url}/reflect`, origin: ATTACKER, credentials: 'include' });
  // By default the attacker's page keeps the API's address space: CORS alone decides.
  expect([result.outcome, result.decidedBy, result.withPermission]).toEqual(['allowed', 'cors', undefined]);
  expect(result).toBeAllowed();
  const message = failure(() => expect(result).not.toBeAllowed());
  expect(message).toContain('Expected: not allowed by CORS');
  expect(message).toContain('Received: allowed by CORS');
  expect(message).not.toMatch(/Local Network Access|Note:/i);
  // The README's attacker example against a local API: CORS's reason, not Local Network Access's.
  expect(await cors.probe({ url: `${api.url}/exact`, origin: ATTACKER })).toBeBlockedBy('AllowOriginMismatch');
});

test('with local network access denied, the matchers judge CORS and say which layer blocked', async ({ cors }) => {
  const options = { url: `${api.url}/reflect`, origin: ATTACKER, credentials: 'include' } as const;
  const result = await cors.probe({ ...options, localNetworkAccess: 'denied' });
  expect([result.outcome, result.reason, result.decidedBy]).toEqual([
    'blocked',
    'LocalNetworkAccessPermissionDenied',
    'local-network-access',
  ]);
  expect([result.withPermission?.outcome, result.withPermission?.decidedBy]).toEqual(['allowed', 'cors']);
  // The wrong reason no longer passes: CORS would let the attacker read the response.
  const message = failure(() => expect(result).not.toBeAllowed());
  expect(message).toContain('Expected: not allowed by CORS');
  expect(message).toContain('Received: allowed by CORS');
  expect(message).toContain(
    'Note:     Local Network Access blocked this request before CORS could judge it (LocalNetworkAccessPermissionDenied)',
  );
  expect(result).toBeAllowed();
  // The block itself is asserted by naming its reason.
  expect(result).toBeBlockedBy('LocalNetworkAccessPermissionDenied');
  const negated = failure(() => expect(result).not.toBeBlockedBy('LocalNetworkAccessPermissionDenied'));
  expect(negated).toContain('Expected: not blocked by Local Network Access');
});

test('a CORS block behind Local Network Access is judged as CORS; a loopback page is not denied', async ({ cors }) => {
  const fromPublic = await cors.probe({ url: `${api.url}/exact`, origin: ATTACKER, localNetworkAccess: 'denied' });
  expect(fromPublic.decidedBy).toBe('local-network-access');
  expect(fromPublic).toBeBlockedBy('AllowOriginMismatch');
  expect(fromPublic).not.toBeAllowed();
  expect(fromPublic).not.toExposeHeader('X-Total');
  const fromLoopback = await cors.probe({ url: `${api.url}/exact`, origin: ORIGIN, localNetworkAccess: 'denied' });
  expect([fromLoopback.outcome, fromLoopback.decidedBy]).toEqual(['allowed', 'cors']);
});

test('a request CORS never judged fails toBeAllowed and not.toBeAllowed, naming the layer', async ({ cors }) => {
  const result = await cors.probe({ url: `${api.url.replace('http:', 'https:')}/exact`, origin: ORIGIN });
  expect([result.decidedBy, result.reason]).toEqual(['tls', 'net::ERR_SSL_PROTOCOL_ERROR']);
  const messages = [failure(() => expect(result).toBeAllowed()), failure(() => expect(result).not.toBeAllowed())];
  for (const message of messages) {
    expect(message).toContain('Received: blocked by a TLS failure (net::ERR_SSL_PROTOCOL_ERROR)');
    expect(message).toContain('CORS never judged it: a TLS failure blocked this request before CORS could judge it');
  }
  expect(result).toBeBlockedBy('net::ERR_SSL_PROTOCOL_ERROR');
});

test('a bad localNetworkAccess is refused with the field named', async ({ cors }) => {
  // @ts-expect-error: not one of the values, as a JavaScript caller could pass it
  const probing = cors.probe({ url: `${api.url}/exact`, origin: ORIGIN, localNetworkAccess: 'yes' });
  await expect(probing).rejects.toThrow('cors.probe(): localNetworkAccess: expected one of denied, granted, got "yes"');
});

const EXPERIMENTS: ExperimentInput[] = [
  { id: 'ok', title: 'exact origin', group: 'mine', request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '{page}' } } }, expect: { outcome: 'allowed' } },
  { id: 'wrong-expectation', title: 'expects allowed, is not', group: 'mine', request: { target: 'api' }, expect: { outcome: 'allowed' } },
];

test('cors.run runs experiments on the lab in this browser; toPass fails with the mismatches and the fix', async ({ cors }) => {
  const [ok, wrong] = await cors.run(EXPERIMENTS);
  expect(ok).toPass();
  const message = failure(() => expect(wrong).toPass());
  expect(message).toContain('observed.outcome: expected allowed, got blocked');
  expect(message).toContain("Outcome:  blocked (Chromium's reason: MissingAllowOriginHeader)");
  expect(message).toContain('Fix:      actual answer: Access-Control-Allow-Origin: http://localhost:');
});

test('a matcher given something else says what it takes', async () => {
  expect(failure(() => expect({ status: 200 }).toBeAllowed())).toContain('Expected a result of cors.probe() or cors.run()');
});
