/**
 * Firefox's names for the checks Chromium names (experiments/model/engine-firefox.ts words a step with them): apart
 * from the model, so a lesson page can tell which of its choices Firefox names as it names a block without
 * downloading the model (client/lessons/lesson-reasons.ts).
 */
import { FIREFOX_CORP_REASON, isChromiumCorpReason, type FirefoxCorpReason } from './firefox-corp.ts';
import type { FirefoxReason } from './firefox-reasons.ts';

/** Chromium's names for a failed check of Access-Control-Allow-Origin; Firefox words these by what it saw. */
export const ALLOW_ORIGIN_FAILURES = new Set([
  'MissingAllowOriginHeader', 'AllowOriginMismatch', 'InvalidAllowOriginValue', 'MultipleAllowOriginValues',
  'PreflightMissingAllowOriginHeader', 'PreflightAllowOriginMismatch', 'PreflightInvalidAllowOriginValue',
  'PreflightMultipleAllowOriginValues',
]);

/** Chromium's name for the other checks -> Firefox's; a preflight's failure and a response's share a name. */
export const OTHER_FAILURES: Readonly<Record<string, FirefoxReason>> = {
  WildcardOriginNotAllowed: 'CORSNotSupportingCredentials',
  PreflightWildcardOriginNotAllowed: 'CORSNotSupportingCredentials',
  InvalidAllowCredentials: 'CORSMIssingAllowCredentials',
  PreflightInvalidAllowCredentials: 'CORSMIssingAllowCredentials',
  MethodDisallowedByPreflightResponse: 'CORSMethodNotFound',
  HeaderDisallowedByPreflightResponse: 'CORSMissingAllowHeaderFromPreflight',
  InvalidAllowMethodsPreflightResponse: 'CORSInvalidAllowMethod',
  InvalidAllowHeadersPreflightResponse: 'CORSInvalidAllowHeader',
  PreflightInvalidStatus: 'CORSPreflightDidNotSucceed',
  // A redirected preflight: Firefox names it as a redirect it may not follow.
  PreflightDisallowedRedirect: 'CORSExternalRedirectNotAllowed',
};

/**
 * A CORS request that gets no response to check (a redirect it cannot follow: credentials in the URL,
 * a Location that does not parse or leads to another scheme, the 20-redirect limit): Firefox says
 * "CORS request did not succeed", with status "(null)".
 */
export const NO_RESPONSE = new Set([
  'RedirectContainsCredentials', 'CorsDisabledScheme', 'net::ERR_INVALID_REDIRECT', 'net::ERR_UNSAFE_REDIRECT',
  'net::ERR_TOO_MANY_REDIRECTS',
]);

/**
 * The name Firefox gives the check Chromium names `reason`, by the names alone (a lesson's choices, which are
 * Chromium's): null where Firefox names none (a block that is no CORS failure) or its name depends on the values
 * seen (a refused frame). An Access-Control-Allow-Origin failure is named as Firefox names the value it describes.
 */
export function firefoxNameOf(reason: string): FirefoxReason | FirefoxCorpReason | null {
  if (ALLOW_ORIGIN_FAILURES.has(reason)) {
    if (reason.includes('Missing')) return 'CORSMissingAllowOrigin';
    return reason.includes('Multiple') ? 'CORSMultipleAllowOriginNotAllowed' : 'CORSAllowOriginNotMatchingOrigin';
  }
  if (NO_RESPONSE.has(reason)) return 'CORSDidNotSucceed';
  if (isChromiumCorpReason(reason)) return FIREFOX_CORP_REASON;
  return OTHER_FAILURES[reason] ?? null;
}
