/**
 * The matchers and the reporter take either a probe result or a lab run's
 * experiment result; this reads both the same way.
 */
import type { Explanation } from '../experiments/model/explain.ts';
import { causeOf } from '../probe/diagnose.ts';
import { decidedByOf, type DecidedBy, type ProbeResult } from '../probe/probe-result.ts';
import type { ExperimentResult } from '../engines/run-result.ts';
import { ENGINE_WORDS, type EngineProbeResult } from '../probe/engine-probe-result.ts';

export type CorsResult = ProbeResult | ExperimentResult | EngineProbeResult;

export interface CorsFacts {
  /** What was requested, in one line. */
  what: string;
  outcome: string;
  reason: string | null;
  console: string | null;
  /** Null: the engine cannot tell (only Chromium's DevTools Protocol shows the preflight). */
  preflight: boolean | null;
  /** The engine whose verdict and words these are: "Chromium", "Firefox", "WebKit". */
  engine: string;
  readableHeaders: string[];
  explanation: Explanation | undefined;
  /** A lab run's verdict (null for a probe). */
  run: { pass: boolean; mismatches: string[] } | null;
  /** The layer that decided the outcome. */
  decidedBy: DecidedBy;
  /**
   * CORS's verdict on the request: these facts when CORS decided, the request once the user allowed local network
   * access when Local Network Access blocked it first, null when no layer let CORS judge it.
   */
  cors: CorsFacts | null;
}

/** The names the layers go by in messages. */
export const LAYER_WORDS: Record<DecidedBy, string> = {
  cors: 'CORS',
  'local-network-access': 'Local Network Access',
  'mixed-content': 'mixed content blocking',
  network: 'a network failure',
  tls: 'a TLS failure',
};

export function isCorsResult(value: unknown): value is CorsResult {
  if (typeof value !== 'object' || value === null) return false;
  return ('request' in value && 'outcome' in value) || ('observed' in value && 'mismatches' in value);
}

/** Results written before `decidedBy` existed (or by hand) say it through their reason. */
function layerOf(outcome: string, reason: string | null, decidedBy: DecidedBy | undefined): DecidedBy {
  return decidedBy ?? decidedByOf(causeOf(outcome, reason));
}

export function corsFacts(result: CorsResult): CorsFacts {
  if ('request' in result && 'cannotTell' in result) {
    const r = result.request;
    const facts: CorsFacts = {
      what: `${r.method} ${r.url} from ${r.origin}`,
      outcome: result.outcome,
      reason: result.reason,
      console: result.console,
      preflight: null,
      engine: ENGINE_WORDS[result.engine],
      readableHeaders: Object.keys(result.readableHeaders),
      explanation: undefined,
      run: null,
      decidedBy: result.decidedBy,
      cors: null,
    };
    return { ...facts, cors: facts.decidedBy === 'cors' ? facts : null };
  }
  if ('request' in result) {
    const r = result.request;
    const decidedBy = layerOf(result.outcome, result.reason, result.decidedBy);
    const facts: CorsFacts = {
      what: `${r.method} ${r.url} from ${r.origin}`,
      outcome: result.outcome,
      reason: result.reason,
      console: result.console,
      preflight: result.preflight,
      engine: ENGINE_WORDS.chromium,
      readableHeaders: Object.keys(result.readableHeaders),
      explanation: result.explanation,
      run: null,
      decidedBy,
      cors: null,
    };
    const behind = result.withPermission ? corsFacts(result.withPermission) : null;
    return { ...facts, cors: decidedBy === 'cors' ? facts : (behind?.cors ?? null) };
  }
  const o = result.observed;
  const facts: CorsFacts = {
    what: `experiment ${result.id} (${result.title})`,
    outcome: o.outcome,
    reason: o.reason,
    console: o.console,
    preflight: o.preflight,
    engine: ENGINE_WORDS.chromium,
    readableHeaders: Object.keys(o.readableHeaders),
    explanation: result.explanation,
    run: { pass: result.pass, mismatches: result.mismatches },
    decidedBy: layerOf(o.outcome, o.reason, undefined),
    cors: null,
  };
  return { ...facts, cors: facts.decidedBy === 'cors' ? facts : null };
}

/** The engine's reason, its console line and the fix, as the matchers and the reporter print them. */
export function corsStory(facts: CorsFacts): string {
  const e = facts.explanation;
  const reason = facts.reason ? ` (${facts.engine}'s reason: ${facts.reason})` : '';
  const lines = [`Request:  ${facts.what}`, `Outcome:  ${facts.outcome}${reason}`];
  if (facts.console) lines.push(`Console:  ${facts.console}`);
  if (e) lines.push(`Verdict:  ${e.verdict}`);
  if (e?.fix) lines.push(`Fix:      ${e.fix.split('\n').join('\n          ')}`);
  if (e?.mdn) lines.push(`See:      ${e.mdn}`);
  return lines.join('\n');
}
