import { APP_ORIGIN } from '../api.ts';
import { test, expect } from './api-fixture.ts';

test.describe('the right CORS configuration', () => {
  test('the app may PUT with a token and cookies', async ({ cors, right }) => {
    const result = await cors.probe({ url: `${right.url}/items/1`, origin: APP_ORIGIN, method: 'PUT', headers: { Authorization: 'Bearer x' }, credentials: 'include' });
    expect(result).toBeAllowed();
    expect(result).toHavePreflight();
  });

  test('the app can read X-Total-Count', async ({ cors, right }) => {
    const result = await cors.probe({ url: `${right.url}/items`, origin: APP_ORIGIN, credentials: 'include' });
    expect(result).toBeAllowed();
    expect(result).toExposeHeader('X-Total-Count');
  });

  test('an attacker origin gets no Access-Control-Allow-Origin', async ({ cors, right }) => {
    const result = await cors.probe({ url: `${right.url}/items`, origin: 'http://evil.localhost:4000', credentials: 'include' });
    expect(result).toBeBlockedBy('MissingAllowOriginHeader');
    expect(result).not.toBeAllowed();
  });
});

test.describe('the wrong CORS configuration, and what Chromium says about it', () => {
  test('credentials with * are refused', async ({ cors, wrong }) => {
    const result = await cors.probe({ url: `${wrong.url}/items`, origin: APP_ORIGIN, credentials: 'include' });
    expect(result).toBeBlockedBy('WildcardOriginNotAllowed');
    expect(result.explanation.fix).toContain(`Access-Control-Allow-Origin: ${APP_ORIGIN}`);
  });

  test('PUT fails at the preflight: OPTIONS answers 404', async ({ cors, wrong }) => {
    const result = await cors.probe({ url: `${wrong.url}/items/1`, origin: APP_ORIGIN, method: 'PUT' });
    expect(result).toHavePreflight();
    expect(result).toBeBlockedBy('PreflightInvalidStatus');
  });
});

test.describe('the reflecting CORS configuration: any origin, with credentials', () => {
  test('a public attacker page may read the response: CORS allows it', async ({ cors, reflect }) => {
    const result = await cors.probe({ url: `${reflect.url}/items`, origin: 'https://evil.example', credentials: 'include' });
    expect(result.decidedBy).toBe('cors');
    expect(result).toBeAllowed();
  });

  test('with local network access denied, Local Network Access blocks first, and CORS still allows', async ({ cors, reflect }) => {
    const options = { url: `${reflect.url}/items`, origin: 'https://evil.example', credentials: 'include' } as const;
    const result = await cors.probe({ ...options, localNetworkAccess: 'denied' });
    expect(result.decidedBy).toBe('local-network-access');
    expect(result).toBeBlockedBy('LocalNetworkAccessPermissionDenied');
    expect(result).toBeAllowed();
  });
});

test('lab experiments from a file', async ({ cors }) => {
  const results = await cors.run('experiments/my-api.json');
  expect(results).toHaveLength(2);
  for (const r of results) expect(r).toPass();
});
