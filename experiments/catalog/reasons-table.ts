/**
 * Which experiments reproduce which Chromium reason: the table behind
 * `cors-lab list --reasons`. A reason counts when an experiment (or one of
 * its `then` steps) expects it, since the browser tests hold every
 * expectation to what Chromium reports.
 */
import type { Experiment } from '../../format/schema.ts';

export interface ReasonRow {
  reason: string;
  experiments: string[];
}

/** Rows sorted by reason; each experiment id once per reason, in catalog order. */
export function reasonsTable(experiments: readonly Experiment[]): ReasonRow[] {
  const rows = new Map<string, string[]>();
  for (const e of experiments) {
    for (const expectation of [e.expect, ...(e.then ?? []).map((s) => s.expect)]) {
      const reason = expectation?.reason;
      if (!reason) continue;
      const ids = rows.get(reason) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      rows.set(reason, ids);
    }
  }
  return [...rows].map(([reason, ids]) => ({ reason, experiments: ids })).sort((a, b) => a.reason.localeCompare(b.reason));
}
