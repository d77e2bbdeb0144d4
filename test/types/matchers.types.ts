/**
 * Compiled by `tsc --noEmit -p .` (never run): toBeBlockedBy takes the reason union, so a typo is a type error.
 * Each `@ts-expect-error` line fails the type check if the error it expects disappears.
 */
import { expect, type ProbeResult } from '../../api/playwright.ts';

export function reasonsAreTyped(result: ProbeResult): void {
  expect(result).toBeBlockedBy('AllowOriginMismatch');
  expect(result).toBeBlockedBy('LocalNetworkAccessPermissionDenied');
  expect(result).toBeBlockedBy('net::ERR_CONNECTION_REFUSED');
  // @ts-expect-error: a typo of AllowOriginMismatch
  expect(result).toBeBlockedBy('AllowOriginMissmatch');
  // @ts-expect-error: Firefox's words are not Chromium's reason
  expect(result).toBeBlockedBy('CORSMissingAllowOrigin');
}
