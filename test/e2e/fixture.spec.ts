/**
 * cors-lab/playwright from the sources: the `cors` fixture and the matchers,
 * and deliberately wrong expectations whose messages must carry Chromium's
 * reason, its console line and the fix.
 */
import { test, expect } from '../../api/playwright.ts';
import type { ExperimentInput } from '../../experiments/schema.ts';
import { startApi, type ApiServer } from './probe-servers.ts';

const ORIGIN = 'http://localhost:3000';
let api: ApiServer;

test.beforeAll(async () => {
  api = await startApi({
    '/wildcard': { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    '/exact': { actual: { headers: { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Expose-Headers': 'X-Total', 'X-Total': '1', 'X-Hidden': '1' } } },
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
  expect(message).toContain('Expected: allowed');
  expect(message).toContain('Received: blocked (WildcardOriginNotAllowed)');
  expect(message).toContain(`Console:  Access to fetch at '${api.url}/wildcard' from origin '${ORIGIN}' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*'`);
  // The complete fix: every header the answer needs, not only the one that failed first.
  expect(message).toContain(`Fix:      actual answer: Access-Control-Allow-Origin: ${ORIGIN}`);
  expect(message).toContain('actual answer: Access-Control-Allow-Credentials: true');
  expect(message).toContain('Access-Control-Allow-Credentials: true');
  expect(result).toBeBlockedBy('WildcardOriginNotAllowed');
});

test('a wrong reason in toBeBlockedBy names both reasons', async ({ cors }) => {
  const result = await cors.probe({ url: `${api.url}/exact`, origin: 'http://evil.localhost:4000' });
  expect(result).toBeBlockedBy('AllowOriginMismatch');
  const message = failure(() => expect(result).toBeBlockedBy('MissingAllowOriginHeader'));
  expect(message).toContain('Expected: blocked (MissingAllowOriginHeader)');
  expect(message).toContain('Received: blocked (AllowOriginMismatch)');
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
