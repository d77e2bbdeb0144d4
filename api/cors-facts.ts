/**
 * The matchers and the reporter take either a probe result or a lab run's
 * experiment result; this reads both the same way.
 */
import type { Explanation } from '../experiments/model/explain.ts';
import type { ProbeResult } from '../probe/probe-result.ts';
import type { ExperimentResult } from '../runner/observed.ts';

export type CorsResult = ProbeResult | ExperimentResult;

export interface CorsFacts {
  /** What was requested, in one line. */
  what: string;
  outcome: string;
  reason: string | null;
  console: string | null;
  preflight: boolean;
  readableHeaders: string[];
  explanation: Explanation | undefined;
  /** A lab run's verdict (null for a probe). */
  run: { pass: boolean; mismatches: string[] } | null;
}

export function isCorsResult(value: unknown): value is CorsResult {
  if (typeof value !== 'object' || value === null) return false;
  return ('request' in value && 'outcome' in value) || ('observed' in value && 'mismatches' in value);
}

export function corsFacts(result: CorsResult): CorsFacts {
  if ('request' in result) {
    const r = result.request;
    return {
      what: `${r.method} ${r.url} from ${r.origin}`,
      outcome: result.outcome,
      reason: result.reason,
      console: result.console,
      preflight: result.preflight,
      readableHeaders: Object.keys(result.readableHeaders),
      explanation: result.explanation,
      run: null,
    };
  }
  const o = result.observed;
  return {
    what: `experiment ${result.id} (${result.title})`,
    outcome: o.outcome,
    reason: o.reason,
    console: o.console,
    preflight: o.preflight,
    readableHeaders: Object.keys(o.readableHeaders),
    explanation: result.explanation,
    run: { pass: result.pass, mismatches: result.mismatches },
  };
}

/** Chromium's reason, its console line and the fix, as the matchers and the reporter print them. */
export function corsStory(facts: CorsFacts): string {
  const e = facts.explanation;
  const lines = [`Request:  ${facts.what}`, `Outcome:  ${facts.outcome}${facts.reason ? ` (Chromium's reason: ${facts.reason})` : ''}`];
  if (facts.console) lines.push(`Console:  ${facts.console}`);
  if (e) lines.push(`Verdict:  ${e.verdict}`);
  if (e?.fix) lines.push(`Fix:      ${e.fix.split('\n').join('\n          ')}`);
  if (e?.mdn) lines.push(`See:      ${e.mdn}`);
  return lines.join('\n');
}
