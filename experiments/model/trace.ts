/**
 * The model's own steps: every check it made for one step, in order, with
 * the header values it looked at. The explanation of an edited experiment,
 * the fix and the sequence diagram read this trace instead of guessing from
 * the outcome. Recording it is a push of a small object per check.
 */
import type { OriginName } from '../../plan/origins.ts';
import type { ResponseHeaders } from './response-headers.ts';

/** Where a check happened: before sending, on the preflight, on the actual request's answer, or on a redirect. */
export type CheckStage = 'page' | 'preflight' | 'actual' | 'redirect';

export interface Check {
  stage: CheckStage;
  /** Redirect hop the check belongs to (0 for the first URL). */
  hop: number;
  /** The origin answering at that hop; null before anything is sent. */
  origin: OriginName | null;
  /** False for the check that stopped the request. */
  ok: boolean;
  /** What was checked and what it found, in words (in the language the prediction was asked in). */
  text: string;
  /** The header values involved, as the browser saw them (null: absent). */
  headers: Array<[name: string, value: string | null]>;
}

/** The CORS-relevant response headers a check looked at. */
export function corsHeaderValues(answer: ResponseHeaders, names: readonly string[]): Check['headers'] {
  return names.map((name) => [name, answer.get(name) ?? null]);
}

/** The check that stopped the request, if one did. */
export function failedCheck(checks: readonly Check[]): Check | undefined {
  return checks.find((c) => !c.ok);
}
