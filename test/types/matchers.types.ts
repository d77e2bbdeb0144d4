/**
 * Compiled by `tsc --noEmit -p .` (never run): toBeBlockedBy takes the reason union of the three engines (a probe
 * may run in Firefox or WebKit: `cors.probe({ browser })`), so a typo is a type error.
 * Each `@ts-expect-error` line fails the type check if the error it expects disappears.
 */
import { expect, type ProbeResult } from '../../api/playwright.ts';

export function reasonsAreTyped(result: ProbeResult): void {
  expect(result).toBeBlockedBy('AllowOriginMismatch');
  expect(result).toBeBlockedBy('LocalNetworkAccessPermissionDenied');
  expect(result).toBeBlockedBy('net::ERR_CONNECTION_REFUSED');
  // @ts-expect-error: a typo of AllowOriginMismatch
  expect(result).toBeBlockedBy('AllowOriginMissmatch');
  expect(result).toBeBlockedBy('CORSMissingAllowOrigin');
  expect(result).toBeBlockedBy('WebKitAllowOriginNotAllowed');
  // @ts-expect-error: a typo of Firefox's CORSMissingAllowOrigin
  expect(result).toBeBlockedBy('CORSMissingAllowOrigins');
  // @ts-expect-error: WebKit's sentence, not its id
  expect(result).toBeBlockedBy('Method PUT is not allowed by Access-Control-Allow-Methods.');
}
