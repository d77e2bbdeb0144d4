/**
 * What a sequence diagram shows of one step, whether it happened (the
 * journal) or is predicted (the model): the page's call, each exchange
 * between the browser and an origin, where the browser stopped, and what
 * JavaScript could read at the end. Built by from-run.ts, laid out by layout.ts.
 */
import type { HeaderLines } from '../../format/headers.ts';
import type { Outcome } from '../../format/reasons.ts';

export interface SequenceExchange {
  kind: 'preflight' | 'actual';
  /** The origin's name (a lane). */
  origin: string;
  hop: number;
  method: string;
  path: string;
  originHeader: string | null;
  accessControlRequestMethod: string | null;
  accessControlRequestHeaders: string | null;
  cookie: boolean;
  status: number;
  responseHeaders: HeaderLines;
}

export interface SequenceInput {
  /** "Predicted" or "Observed", and what it is of. */
  title: string;
  /** The page's origin name, or "null" for a sandboxed page. */
  page: string;
  /** Origin name to URL, for the lane headings (optional). */
  urls?: Readonly<Record<string, string>>;
  /** What the page called, one line each: e.g. `fetch PUT api/anything`, then the options. */
  call: string[];
  exchanges: SequenceExchange[];
  outcome: Outcome;
  /** Why the browser stopped, when it did; `headers` are the lower-case names that decided it. */
  stop: { reason: string; text: string; headers: string[] } | null;
  /** What page JavaScript got: a status and headers it could read, or the error. */
  result: string[];
}
