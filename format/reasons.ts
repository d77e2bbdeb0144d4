/**
 * The vocabulary of reasons, in Chromium's own words (the contract's rule):
 * the DevTools Protocol `Network.CorsError` name when Chromium reports one,
 * else its `Network.BlockedReason`, else the `net::` error text.
 * https://chromedevtools.github.io/devtools-protocol/tot/Network/#type-CorsError
 */
export const CORS_ERRORS = [
  'DisallowedByMode',
  'InvalidResponse',
  'WildcardOriginNotAllowed',
  'MissingAllowOriginHeader',
  'MultipleAllowOriginValues',
  'InvalidAllowOriginValue',
  'AllowOriginMismatch',
  'InvalidAllowCredentials',
  'CorsDisabledScheme',
  'PreflightInvalidStatus',
  'PreflightDisallowedRedirect',
  'PreflightWildcardOriginNotAllowed',
  'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues',
  'PreflightInvalidAllowOriginValue',
  'PreflightAllowOriginMismatch',
  'PreflightInvalidAllowCredentials',
  'PreflightMissingAllowExternal',
  'PreflightInvalidAllowExternal',
  'InvalidAllowMethodsPreflightResponse',
  'InvalidAllowHeadersPreflightResponse',
  'MethodDisallowedByPreflightResponse',
  'HeaderDisallowedByPreflightResponse',
  'RedirectContainsCredentials',
  'InsecureLocalNetwork',
  'InvalidLocalNetworkAccess',
  'NoCorsRedirectModeNotFollow',
  'LocalNetworkAccessPermissionDenied',
] as const;
export type CorsErrorName = (typeof CORS_ERRORS)[number];

/** https://chromedevtools.github.io/devtools-protocol/tot/Network/#type-BlockedReason */
export const BLOCKED_REASONS = [
  'other',
  'csp',
  'mixed-content',
  'origin',
  'inspector',
  'integrity',
  'subresource-filter',
  'content-type',
  'coep-frame-resource-needs-coep-header',
  'coop-sandboxed-iframe-cannot-navigate-to-coop-page',
  'corp-not-same-origin',
  'corp-not-same-origin-after-defaulted-to-same-origin-by-coep',
  'corp-not-same-origin-after-defaulted-to-same-origin-by-dip',
  'corp-not-same-origin-after-defaulted-to-same-origin-by-coep-and-dip',
  'corp-not-same-site',
  'sri-message-signature-mismatch',
] as const;
export type BlockedReasonName = (typeof BLOCKED_REASONS)[number];

/** `net::ERR_FAILED`, `net::ERR_CONNECTION_REFUSED`, ... */
export type NetErrorText = `net::ERR_${string}`;
const NET_ERROR = /^net::ERR_[A-Z0-9_]+$/;

export type Reason = CorsErrorName | BlockedReasonName | NetErrorText;

export function isReason(value: string): value is Reason {
  return (CORS_ERRORS as readonly string[]).includes(value) || (BLOCKED_REASONS as readonly string[]).includes(value) || NET_ERROR.test(value);
}

/** Picks the reason the contract names from what Chromium reported for one request. */
export function reasonFromChromium(failure: { corsError?: string | undefined; blockedReason?: string | undefined; errorText?: string | undefined }): string | null {
  return failure.corsError ?? failure.blockedReason ?? (failure.errorText || null);
}

/** The outcome a page experiences. */
export const OUTCOMES = ['allowed', 'blocked', 'opaque'] as const;
export type Outcome = (typeof OUTCOMES)[number];
