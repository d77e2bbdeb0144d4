/**
 * The CORS check, as Chromium words its failures.
 * https://fetch.spec.whatwg.org/#cors-check
 * Chromium: services/network/public/cpp/cors/cors.cc CheckAccess().
 */
import type { ModelReason } from './model-reasons.ts';
import type { ResponseHeaders } from './response-headers.ts';

export interface CorsFailure {
  reason: ModelReason;
  failedParameter: string;
}

/** Whether a value parses as a URL, as Chromium's GURL validity check approximates it. */
function parsesAsUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * `origin` is the serialized origin the request carries ("null" when the
 * page is opaque or the request is tainted by a redirect).
 */
export function corsCheck(headers: ResponseHeaders, origin: string, credentialsInclude: boolean): CorsFailure | null {
  const allowOrigin = headers.get('access-control-allow-origin');
  if (allowOrigin === '*') {
    // https://fetch.spec.whatwg.org/#cors-protocol-and-credentials
    if (!credentialsInclude) return null;
    return { reason: 'WildcardOriginNotAllowed', failedParameter: '' };
  }
  if (allowOrigin === undefined) return { reason: 'MissingAllowOriginHeader', failedParameter: '' };
  if (allowOrigin !== origin) {
    // Chromium tells these apart only to explain better; the standard just fails.
    if (/[ ,]/.test(allowOrigin)) return { reason: 'MultipleAllowOriginValues', failedParameter: allowOrigin };
    if (allowOrigin === 'null') return { reason: 'AllowOriginMismatch', failedParameter: allowOrigin };
    if (!parsesAsUrl(allowOrigin)) return { reason: 'InvalidAllowOriginValue', failedParameter: allowOrigin };
    return { reason: 'AllowOriginMismatch', failedParameter: allowOrigin };
  }
  if (credentialsInclude) {
    const allowCredentials = headers.get('access-control-allow-credentials');
    // Byte-case-sensitive: only `true`. https://fetch.spec.whatwg.org/#http-access-control-allow-credentials
    if (allowCredentials !== 'true') return { reason: 'InvalidAllowCredentials', failedParameter: allowCredentials ?? '' };
  }
  return null;
}

const PREFLIGHT_NAMES: Partial<Record<ModelReason, ModelReason>> = {
  WildcardOriginNotAllowed: 'PreflightWildcardOriginNotAllowed',
  MissingAllowOriginHeader: 'PreflightMissingAllowOriginHeader',
  MultipleAllowOriginValues: 'PreflightMultipleAllowOriginValues',
  InvalidAllowOriginValue: 'PreflightInvalidAllowOriginValue',
  AllowOriginMismatch: 'PreflightAllowOriginMismatch',
  InvalidAllowCredentials: 'PreflightInvalidAllowCredentials',
};

/** The same check on a preflight answer reports the `Preflight…` names. */
export function preflightCorsCheck(headers: ResponseHeaders, origin: string, credentialsInclude: boolean): CorsFailure | null {
  const failure = corsCheck(headers, origin, credentialsInclude);
  return failure ? { reason: PREFLIGHT_NAMES[failure.reason] ?? failure.reason, failedParameter: failure.failedParameter } : null;
}
