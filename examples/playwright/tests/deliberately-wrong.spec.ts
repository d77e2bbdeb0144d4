/**
 * A deliberately wrong expectation: CI runs this file on its own and checks
 * that it fails with Chromium's reason, the console line and the fix.
 * The default config leaves it out (testIgnore).
 */
import { APP_ORIGIN } from '../api.ts';
import { test, expect } from './api-fixture.ts';

test('the wrong configuration is expected to allow credentials (it does not)', async ({ cors, wrong }) => {
  const result = await cors.probe({ url: `${wrong.url}/items`, origin: APP_ORIGIN, credentials: 'include' });
  expect(result).toBeAllowed();
});
