/**
 * The page's origin of an experiment: which lab origin serves the runner page
 * for `page` (default `app`). The opaque-origin page `null` is a runner page of
 * SANDBOX_HOST made opaque by a sandbox: the CSP sandbox of `?sandbox` headless,
 * the iframe's `sandbox` attribute in the playground.
 * https://html.spec.whatwg.org/multipage/browsers.html#sandboxing
 */
import { SANDBOX_HOST } from '../experiments/format-defaults.ts';
import type { PageOrigin } from '../experiments/schema.ts';
import type { OriginMap } from './origins.ts';
import { RUNNER_PATH, SANDBOX_QUERY } from './routes.ts';

/** The origin (URL) that serves the runner page of `page`. */
export function runnerOrigin(page: PageOrigin | undefined, origins: OriginMap): string {
  return origins[page === 'null' ? SANDBOX_HOST : (page ?? 'app')];
}

/** The runner page URL of `page`, sandboxed by the server's CSP for `null`. */
export function runnerUrl(page: PageOrigin | undefined, origins: OriginMap): string {
  return `${runnerOrigin(page, origins)}${RUNNER_PATH}${page === 'null' ? `?${SANDBOX_QUERY}` : ''}`;
}

/** The page's serialized origin, as the page itself reports it (`self.origin`): "null" for the opaque page. */
export function serializedPageOrigin(page: PageOrigin | undefined, origins: OriginMap): string {
  return page === 'null' ? 'null' : origins[page ?? 'app'];
}
