/**
 * What a probe in Firefox or WebKit tells (probe-in-engine.ts): what page JavaScript saw, and the engine's own
 * reason and console line. Those engines show no wire to a driver (no DevTools Protocol): the preflight, the
 * headers the server sent, the redirect hops, Local Network Access and the cookies' fate are Chromium's facts
 * (probe.ts), and each result says so in `cannotTell`.
 */
import type { EngineName } from '../engines/engine.ts';
import type { Outcome } from '../format/reasons.ts';
import type { DecidedBy } from './probe-result.ts';
import type { ProbeRequest } from './probe-options.ts';

export type OtherEngine = Exclude<EngineName, 'chromium'>;

/** `then` in another engine: its outcome and reason; whether a preflight went out again is Chromium's to tell. */
export interface EngineThenResult {
  method: string;
  outcome: Outcome;
  reason: string | null;
  status: number | null;
}

export interface EngineProbeResult {
  engine: OtherEngine;
  /** e.g. "firefox 153.8.0esr", "webkit 2.50.6". */
  browser: string;
  request: ProbeRequest;
  outcome: Outcome;
  /** The engine's reason in its own vocabulary: Firefox's by MDN's names, WebKit's by the ids cors-lab defines. */
  reason: string | null;
  /** The engine's console line, verbatim. */
  console: string | null;
  status: number | null;
  responseType: string | null;
  /** Response headers page JavaScript could read, lower-case names. */
  readableHeaders: Record<string, string>;
  /** What page JavaScript got, e.g. "TypeError: Load failed". */
  pageError: string | null;
  /** `cors` when the engine named a CORS reason (or let the request through); else `network` (see decidedInEngine). */
  decidedBy: DecidedBy;
  thenResults?: EngineThenResult[];
  /** What this engine cannot tell, in words: ask Chromium (`browser: 'chromium'`) for those. */
  cannotTell: string[];
}

/** The names the engines go by in reports. */
export const ENGINE_WORDS: Record<EngineName, string> = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/** What no engine but Chromium tells a driver: only the DevTools Protocol shows the wire. */
export function cannotTell(engine: OtherEngine): string[] {
  return [
    'whether a preflight was sent, and the headers the server sent ' +
      `(${ENGINE_WORDS[engine]} shows a driver no network events)`,
    'whether the preflight or the request itself failed',
    'the hops of a redirect chain',
    "Local Network Access and why a cookie was not sent (Chromium's policies)",
  ];
}

/**
 * The layer that decided: an allowed request, or one the engine named a CORS reason for, is CORS's verdict.
 * Firefox's "CORS request did not succeed" alone is said of a request that got no answer (a refused connection, a
 * TLS error), and a block with no reason at all (WebKit's mixed content, a network error) is no CORS verdict either:
 * both are counted as the network's, so a matcher never takes them for CORS's.
 */
export function decidedInEngine(outcome: Outcome, reason: string | null): DecidedBy {
  if (outcome !== 'blocked') return 'cors';
  return reason === null || reason === 'CORSDidNotSucceed' ? 'network' : 'cors';
}

/** One line when the engines' outcomes differ (their reasons always differ: each has its own vocabulary). */
export function enginesDisagree(
  results: ReadonlyArray<{ engine: EngineName; outcome: Outcome; reason: string | null }>,
): string | null {
  if (new Set(results.map((r) => r.outcome)).size < 2) return null;
  const each = results.map((r) => `${ENGINE_WORDS[r.engine]} ${r.outcome}${r.reason ? ` (${r.reason})` : ''}`);
  return `engines disagree: ${each.join(', ')}`;
}
