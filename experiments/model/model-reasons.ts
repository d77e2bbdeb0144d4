/**
 * Every reason the model can return. The model's `blocked()` accepts only
 * these, so the list cannot fall behind; a test checks that each one is
 * reproduced by a catalog experiment or listed in UNREPRODUCIBLE with why.
 */
export const MODEL_REASONS = [
  'MissingAllowOriginHeader',
  'MultipleAllowOriginValues',
  'InvalidAllowOriginValue',
  'AllowOriginMismatch',
  'WildcardOriginNotAllowed',
  'InvalidAllowCredentials',
  'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues',
  'PreflightInvalidAllowOriginValue',
  'PreflightAllowOriginMismatch',
  'PreflightWildcardOriginNotAllowed',
  'PreflightInvalidAllowCredentials',
  'PreflightInvalidStatus',
  'PreflightDisallowedRedirect',
  'InvalidAllowMethodsPreflightResponse',
  'InvalidAllowHeadersPreflightResponse',
  'MethodDisallowedByPreflightResponse',
  'HeaderDisallowedByPreflightResponse',
  'RedirectContainsCredentials',
  'CorsDisabledScheme',
  'DisallowedByMode',
  'NoCorsRedirectModeNotFollow',
  'origin',
  'corp-not-same-origin',
  'corp-not-same-site',
  'corp-not-same-origin-after-defaulted-to-same-origin-by-coep',
  'LocalNetworkAccessPermissionDenied',
  'InvalidLocalNetworkAccess',
  'net::ERR_FAILED',
  'net::ERR_TOO_MANY_REDIRECTS',
  'net::ERR_INVALID_REDIRECT',
  'net::ERR_UNSAFE_REDIRECT',
  'net::ERR_UNKNOWN_URL_SCHEME',
  'net::ERR_CONNECTION_REFUSED',
  'net::ERR_ABORTED',
  // Format 1.2 frames (frame-load.ts): X-Frame-Options or frame-ancestors; COEP of a framed document.
  'other',
  'coep-frame-resource-needs-coep-header',
  // Format 1.2: the page's own Content-Security-Policy refused an XHR, an element or an EventSource (page-csp.ts).
  'csp',
] as const;
export type ModelReason = (typeof MODEL_REASONS)[number];

export function isModelReason(reason: string): reason is ModelReason {
  return (MODEL_REASONS as readonly string[]).includes(reason);
}

/** Reasons the model knows that no experiment can show on the lab's loopback origins, and why. */
export const UNREPRODUCIBLE: Partial<Record<ModelReason, string>> = {
  'net::ERR_UNKNOWN_URL_SCHEME': 'Reproduced in Chromium by the agreement probes (test/probes/wpt-more-cases.ts: a no-cors request redirected to ftp:), but kept out of the catalog: its row did not show in the playground\'s whole-catalog run (test/e2e/playground.spec.ts), not yet understood.',
  'net::ERR_CONNECTION_REFUSED': 'Redirect hops always lead to lab origins; only a Location header written by hand can point outside the lab, and what answers there (if anything) is not the lab\'s to know, so no experiment relies on it.',
};
