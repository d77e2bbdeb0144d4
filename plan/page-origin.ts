/**
 * The page's origin of an experiment: which lab origin serves the runner page
 * for `page` (default `app`). The opaque-origin page `null` is a runner page of
 * SANDBOX_HOST made opaque by a sandbox: the CSP sandbox of `?sandbox` headless,
 * the iframe's `sandbox` attribute in the playground.
 * https://html.spec.whatwg.org/multipage/browsers.html#sandboxing
 */
import { SANDBOX_HOST } from '../format/format-defaults.ts';
import type { PageOrigin } from '../format/schema.ts';
import type { OriginMap } from './origins.ts';
import { PAGE_HEADERS_QUERY, RUNNER_PATH, RUN_QUERY, SANDBOX_QUERY } from './routes.ts';
import { toBase64Url } from './plan-url.ts';

/** Format 1.2: a run's own page header lines; the runner page of that run alone is served with them. */
export interface PageHeadersOfRun {
  run: string;
  pageHeaders: Readonly<Record<string, string>>;
}

/** The origin (URL) that serves the runner page of `page`. */
export function runnerOrigin(page: PageOrigin | undefined, origins: OriginMap): string {
  return origins[page === 'null' ? SANDBOX_HOST : (page ?? 'app')];
}

/** The runner page URL of `page`, sandboxed by the server's CSP for `null`, with the run's page headers when it has any. */
export function runnerUrl(page: PageOrigin | undefined, origins: OriginMap, headers?: PageHeadersOfRun): string {
  const query = new URLSearchParams();
  if (page === 'null') query.set(SANDBOX_QUERY, '');
  if (headers && Object.keys(headers.pageHeaders).length > 0) {
    query.set(RUN_QUERY, headers.run);
    query.set(PAGE_HEADERS_QUERY, toBase64Url(JSON.stringify(headers.pageHeaders)));
  }
  const search = query.toString().replace(/^sandbox=(&|$)/, 'sandbox$1');
  return `${runnerOrigin(page, origins)}${RUNNER_PATH}${search ? `?${search}` : ''}`;
}

/** The page's serialized origin, as the page itself reports it (`self.origin`): "null" for the opaque page. */
export function serializedPageOrigin(page: PageOrigin | undefined, origins: OriginMap): string {
  return page === 'null' ? 'null' : origins[page ?? 'app'];
}
