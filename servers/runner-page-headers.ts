/**
 * Format 1.2 `pageHeaders`: the header lines one run's runner page is served with (COOP, COEP, CSP, CORP).
 * Any page can point a window at a lab URL, so the query decides nothing by itself: the run id must be one
 * this lab issued (run-ids.ts: a MAC only this process can make), the names must be the four the format
 * allows, and the values pass the wire rules (no CR or LF: no smuggled line) and the size bound. Anything
 * else is answered 400 with JSON naming the query field, and the page is not served.
 */
import { issueMessage, jsonPath } from '../experiments/experiment-error.ts';
import { pageHeadersSchema } from '../experiments/schema.ts';
import type { HeaderLines } from '../experiments/headers.ts';
import { fromBase64Url } from '../plan/plan-url.ts';
import { PAGE_HEADERS_QUERY, RUN_QUERY } from '../plan/routes.ts';
import type { RunIds } from './run-ids.ts';

export type PageHeadersAnswer = { lines: HeaderLines } | { error: string; field: string };

/** The query's page header lines, or why they are refused. No `page-headers`: none, the page as always. */
export function runnerPageHeaders(query: Readonly<Record<string, string | undefined>>, runIds: RunIds): PageHeadersAnswer {
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
  return { lines: Object.entries(parsed.data) };
}
