/**
 * Whether the learner's browser trusts the lab's `secure` origin (https with the lab's own CA), and which
 * experiments need it. A page cannot ask its browser about certificates; it can only try: a no-cors fetch
 * to the origin resolves (opaque) when the TLS handshake succeeds and rejects with a TypeError when the
 * certificate is not trusted. An experiment that needs the origin then says it cannot run here, rather
 * than reporting a blocked request that the browser's certificate check, not CORS, refused.
 */
import type { Experiment } from '../../format/schema.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { ORIGINS_PATH } from '../../plan/routes.ts';

/** The page, the target and the redirect hops on the `secure` origin, and the pages of `then` steps. */
export function usesSecureOrigin(experiment: Experiment): boolean {
  const names = [
    experiment.page,
    experiment.request.target,
    ...(experiment.server?.redirects ?? []).map((r) => r.to),
    // A `then` step keeps the URL (its target), but may run on another page.
    ...(experiment.then ?? []).map((step) => step.page),
  ];
  return names.includes('secure');
}

const trusted = new Map<string, Promise<boolean>>();

/** One attempt per secure origin and page load; `fetchImpl` for tests. */
export function secureOriginTrusted(origins: OriginMap, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  const url = origins.secure;
  let known = trusted.get(url);
  if (!known) {
    known = fetchImpl(`${url}${ORIGINS_PATH}`, { mode: 'no-cors', cache: 'no-store' }).then(() => true, () => false);
    trusted.set(url, known);
  }
  return known;
}
