/**
 * Format 1.2 extension `server.acceptOrigins`: the final origin checks the request's `Origin` header as a
 * server defending against cross-site request forgery does, and answers 403 to any other, before its
 * handler runs (no planned header, no planned body). An absent Origin is refused too: every POST a browser
 * sends, a form's included, carries one. Preflights are not checked (CORS answers them).
 * https://owasp.org/www-community/attacks/csrf (Verifying origin with standard headers)
 */
import type { RawReply } from './answer.ts';

export const REFUSED_ORIGIN_BODY = 'cors-lab: this origin may not change anything here';

/** The 403 for a request whose Origin is not accepted; null when it is (`accepted`: tokens already expanded). */
export function originRefusal(accepted: readonly string[] | undefined, origin: string | undefined): RawReply | null {
  if (accepted === undefined || (origin !== undefined && accepted.includes(origin))) return null;
  return { status: 403, headers: [], body: REFUSED_ORIGIN_BODY };
}
