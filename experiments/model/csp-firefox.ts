/**
 * Firefox's words for a request the page's own Content-Security-Policy refused (page-csp.ts), measured in Firefox 153
 * ESR on the catalog's `csp` group: its console line names the API's own directive (img-src or connect-src even when
 * default-src decided), the full URL, and the directive as the policy wrote it (firefox-frame-lines.ts,
 * `CSPGenericViolation`). The lab reads it as the reason of a fetch, an XHR, an element and a frame; a form's and a
 * beacon's page sees no failure, so their reason stays null though the line is printed; a refused script prints no
 * line the lab reads.
 */
import type { ResolvedRequest } from '../../format/format-defaults.ts';
import { firefoxFrameLine } from '../../format/firefox-frame-lines.ts';
import type { CspRefusal } from './page-csp.ts';

export function firefoxCspReason(api: ResolvedRequest['api'], refusal: CspRefusal): 'CSPGenericViolation' | null {
  if (api === 'form' || api === 'beacon' || refusal.effective === 'script-src-elem') return null;
  return 'CSPGenericViolation';
}

export function firefoxCspLine(refusal: CspRefusal & { url: string }): string | null {
  if (refusal.effective === 'script-src-elem') return null;
  const values = { kind: refusal.effective, url: refusal.url, directive: refusal.written };
  return firefoxFrameLine('CSPGenericViolation', values);
}
