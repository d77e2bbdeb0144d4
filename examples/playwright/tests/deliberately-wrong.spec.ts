/**
 * Deliberately wrong expectations: CI runs this file on its own and checks
 * that each fails with Chromium's reason, the console line and the fix.
 * The default config leaves it out (testIgnore).
 */
import { APP_ORIGIN } from '../api.ts';
import { test, expect } from './api-fixture.ts';

test('the wrong configuration is expected to allow credentials (it does not)', async ({ cors, wrong }) => {
  const result = await cors.probe({ url: `${wrong.url}/items`, origin: APP_ORIGIN, credentials: 'include' });
  expect(result).toBeAllowed();
});

// The negative test a reflecting API must fail: from a public attacker's page, CORS lets it read the response.
// (Local Network Access would block this page on its own; the fixture grants it, so the test judges CORS.)
test('the reflecting configuration is expected to refuse an attacker (it does not)', async ({ cors, reflect }) => {
  const result = await cors.probe({ url: `${reflect.url}/items`, origin: 'https://evil.example', credentials: 'include' });
  expect(result).not.toBeAllowed();
});
