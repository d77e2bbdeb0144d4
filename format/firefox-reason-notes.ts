/**
 * When Firefox gives each reason, as measured (the README's table, checked by firefox-reasons.test.ts);
 * apart from firefox-reasons.ts, which the playground loads, so these words cost its first load nothing.
 */
import type { FirefoxReason } from './firefox-reasons.ts';

export const FIREFOX_REASON_WHEN: Record<FirefoxReason, string> = {
  CORSDisabled: 'the pref content.cors.disable is set',
  CORSDidNotSucceed:
    'no response to check: a redirect it cannot follow (credentials in the URL, another scheme, a Location' +
    ' that does not parse, the 20th redirect), a refused connection; also the second line after a failed preflight',
  CORSOriginHeaderNotAdded: 'the browser could not add Origin',
  CORSExternalRedirectNotAllowed:
    'the preflight was answered with a redirect (measured; MDN also names an extension' +
    ' redirecting)',
  CORSRequestNotHttp: 'the URL is not http(s), e.g. file:',
  CORSMissingAllowOrigin: 'no Access-Control-Allow-Origin, or an empty one, on the answer or the preflight',
  CORSAllowOriginNotMatchingOrigin: 'another origin, a list in one line, or a value that is no origin',
  CORSNotSupportingCredentials: 'credentials with `*`',
  CORSMethodNotFound: 'the method is not allowed by the preflight',
  CORSMIssingAllowCredentials: 'credentials without `Access-Control-Allow-Credentials: true`',
  CORSPreflightDidNotSucceed:
    'the preflight passed its Access-Control-Allow-Origin check but answered a status outside' +
    ' 200-299',
  CORSInvalidAllowMethod: 'a value that is not a method token',
  CORSInvalidAllowHeader: 'a value that is not a header-name token',
  CORSMissingAllowHeaderFromPreflight: 'a request header the preflight did not allow',
  CORSMultipleAllowOriginNotAllowed: 'two Access-Control-Allow-Origin lines',
};
