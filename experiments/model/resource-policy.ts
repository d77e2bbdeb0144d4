/**
 * The Cross-Origin-Resource-Policy check: a server's way to refuse being
 * embedded by other origins or sites. It applies only to no-cors requests
 * (a CORS request is protected by the CORS check instead).
 * https://fetch.spec.whatwg.org/#cross-origin-resource-policy-internal-check
 */
import type { ModelReason } from './model-reasons.ts';
import type { ResponseHeaders } from './response-headers.ts';
import type { EmbedderPolicy } from './page-policies.ts';

export interface ResourcePolicyContext {
  /** The page's serialized origin ("null" for an opaque page). */
  pageOrigin: string;
  /**
   * The site same-site is judged against. Chromium: for an opaque (sandboxed)
   * page, the site of the origin that served it (its precursor), not "no site" (measured).
   */
  pageSite: string;
  /** The origin and site of the URL that answered. */
  responseOrigin: string;
  responseSite: string;
  /** Format 1.2: the page's embedder policy (page-policies.ts). */
  embedder?: EmbedderPolicy;
  /** The request carried credentials (its credentials mode include, not dropped by COEP credentialless). */
  includesCredentials?: boolean;
}

/** Chromium's blocked reason when the policy refuses the response, else null. */
export function resourcePolicyBlock(headers: ResponseHeaders, context: ResourcePolicyContext): ModelReason | null {
  if (context.pageOrigin !== 'null' && context.pageOrigin === context.responseOrigin) return null;
  // Values other than these three are ignored (allowed), unless the page's embedder policy sets a default.
  const policy = headers.get('cross-origin-resource-policy');
  if (policy !== 'same-origin' && policy !== 'same-site' && policy !== 'cross-origin') {
    // Step 5: COEP require-corp (or credentialless, for a request that carried credentials) makes it same-origin.
    const defaulted = context.embedder === 'require-corp' || (context.embedder === 'credentialless' && context.includesCredentials === true);
    return defaulted ? 'corp-not-same-origin-after-defaulted-to-same-origin-by-coep' : null;
  }
  if (policy === 'same-origin') return 'corp-not-same-origin';
  // Every lab origin is http, so the scheme rule of same-site never bites here.
  if (policy === 'same-site' && context.pageSite !== context.responseSite) return 'corp-not-same-site';
  return null;
}
