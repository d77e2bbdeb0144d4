/**
 * Format 1.2 `pageHeaders`: the header lines one run's runner page is served with (COOP, COEP, CSP, CORP).
 * Any page can point a window at a lab URL, so the query decides nothing by itself: the run id must be one
 * this lab issued (run-ids.ts: a MAC only this process can make), the names must be the four the format
 * allows, and the values pass the wire rules (no CR or LF: no smuggled line) and the size bound. Anything
 * else is answered 400 with JSON naming the query field, and the page is not served.
 *
 * A policy's `report-uri` has the browser POST a report of each violation to the URLs it names: the page's URL
 * (with its run id), the policy (with the runner's nonce) and the URL refused. An experiment from someone else (a
 * shared file) would so make the learner's browser call any host on the web; the lab's origins are the only
 * report targets it allows. (`report-to` names an endpoint group only a `Reporting-Endpoints` line defines, which
 * no page header may be.) https://w3c.github.io/webappsec-csp/#directive-report-uri
 */
import { issueMessage, jsonPath } from '../format/experiment-error.ts';
import { pageHeadersSchema } from '../format/schema.ts';
import type { HeaderLines } from '../format/headers.ts';
import { fromBase64Url } from '../plan/plan-url.ts';
import { PAGE_HEADERS_QUERY, RUN_QUERY } from '../plan/routes.ts';
import type { RunIds } from './run-ids.ts';
import type { OriginMap } from '../plan/origins.ts';

export type PageHeadersAnswer = { lines: HeaderLines } | { error: string; field: string };

/**
 * Why a Content-Security-Policy value's `report-uri` is refused (a URL outside the lab's origins), or null. `base`:
 * the page's own origin, against which a relative report URL resolves.
 */
export function reportTargetProblem(value: string, base: string, origins: OriginMap): string | null {
  const allowed = new Set(Object.values(origins).map((origin) => new URL(origin).origin));
  for (const directive of value.split(/[,;]/)) {
    const [name = '', ...urls] = directive.trim().split(/\s+/);
    if (name.toLowerCase() !== 'report-uri') continue;
    for (const url of urls) {
      const target = URL.canParse(url, base) ? new URL(url, base).origin : null;
      if (target === null || !allowed.has(target)) {
        return `report-uri ${JSON.stringify(url)} is not on one of the lab's origins: a page's violation reports ` +
          '(its URL with the run id, its policy) go to the lab only';
      }
    }
  }
  return null;
}

/**
 * The query's page header lines, or why they are refused. No `page-headers`: none, the page as always. `self`: the
 * origin serving the page; `origins`: the lab's, the only targets of a policy's reports.
 */
export function runnerPageHeaders(
  query: Readonly<Record<string, string | undefined>>,
  runIds: RunIds,
  self: string,
  origins: OriginMap,
): PageHeadersAnswer {
  const token = query[PAGE_HEADERS_QUERY];
  if (token === undefined) return { lines: [] };
  const run = query[RUN_QUERY] ?? '';
  if (!runIds.issued(run)) {
    return { field: RUN_QUERY, error: `run id ${JSON.stringify(run)} was not issued by this lab: page headers go only on a run's own runner page` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fromBase64Url(token));
  } catch {
    return { field: PAGE_HEADERS_QUERY, error: `${PAGE_HEADERS_QUERY} is not base64url JSON` };
  }
  const parsed = pageHeadersSchema.safeParse(raw);
  const issue = parsed.error?.issues[0];
  if (issue || !parsed.success) {
    const where = jsonPath(['pageHeaders', ...(issue?.path ?? [])]);
    return { field: PAGE_HEADERS_QUERY, error: `${where}: ${issue ? issueMessage(issue) : 'invalid'}` };
  }
  for (const [name, value] of Object.entries(parsed.data)) {
    const problem = name.toLowerCase() === 'content-security-policy' ? reportTargetProblem(value, self, origins) : null;
    if (problem) return { field: PAGE_HEADERS_QUERY, error: `${jsonPath(['pageHeaders', name])}: ${problem}` };
  }
  return { lines: Object.entries(parsed.data) };
}
