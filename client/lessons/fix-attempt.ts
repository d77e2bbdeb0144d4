/**
 * Fix it: the learner's header text for the preflight and the actual answer,
 * turned into the experiment they will run, and what "fixed" means: every
 * step allowed by the browser (a real run, not the model), and the headers
 * the lesson promises readable by the page.
 */
import { msg } from '@lit/localize';
import type { Outcome } from '../../format/reasons.ts';
import type { Experiment } from '../../format/schema.ts';
import { ExperimentError } from '../../format/experiment-error.ts';
import type { FixIt, HeaderEdits } from '../../lessons/schema.ts';
import { textToHeaders } from '../lab/header-text.ts';
import type { BrowserRun } from '../lab/run-in-browser.ts';
import { shownConsoleLine } from '../lab/shown-console-line.ts';

export type Attempt = { experiment: Experiment; problems: [] } | { experiment: null; problems: string[] };

/** Every header of `before` removed, then the learner's set: the text replaces the answer's headers. */
function replacing(before: Record<string, unknown> | undefined, text: string, field: string, problems: string[]): HeaderEdits {
  const parsed = textToHeaders(text);
  problems.push(...parsed.problems.map((p) => `${field}: ${p}`));
  return { ...Object.fromEntries(Object.keys(before ?? {}).map((name) => [name, null])), ...parsed.headers };
}

/**
 * The experiment with the learner's headers; problems name the field and line (or the JSON path the schema refused).
 * The check (zod, with the schema) downloads with the first attempt, not with the lesson page.
 */
export async function fixAttempt(experiment: Experiment, preflightText: string, actualText: string): Promise<Attempt> {
  const problems: string[] = [];
  const solution = {
    // A problem starts with the field it is in, named as the learner reads it (the JSON field in English).
    preflight: replacing(experiment.server?.preflight?.headers, preflightText, msg('preflight', { id: 'lesson.fix.field.preflight' }), problems),
    actual: replacing(experiment.server?.actual?.headers, actualText, msg('actual', { id: 'lesson.fix.field.actual' }), problems),
  };
  if (problems.length > 0) return { experiment: null, problems };
  const { applySolution } = await import('../../lessons/catalog-check.ts');
  try {
    return { experiment: applySolution(experiment, solution), problems: [] };
  } catch (error) {
    if (error instanceof ExperimentError) return { experiment: null, problems: error.problems };
    throw error;
  }
}

export type FixVerdict =
  | { fixed: true }
  /**
   * `reason`: the model's of the engine that judged the run (BrowserRun.engine), in its words; `check`: the same
   * block in Chromium's names, which the hints read (fix-hint.ts); `line`: what Firefox or WebKit prints for it, as
   * the learner's console shows it (WebKit's sentence), null in Chromium (whose reason is its name) or where none.
   */
  | {
    fixed: false; step: number; outcome: Outcome; reason: string | null; check: string | null; line: string | null;
    unreadable: string[];
  }
  /** No verdict: the runner page did not answer, or (`cannotRun`) this browser cannot run it at all. */
  | { fixed: false; failure: string; cannotRun?: true };

/** Fixed only when the browser allowed every step and the page could read what the lesson asks for. */
export function fixVerdict(run: BrowserRun, fixIt: Pick<FixIt, 'readable'>): FixVerdict {
  // A browser that does not trust the lab's https origin ran no step: that is no verdict, never "fixed".
  if (run.cannotRun) return { fixed: false, failure: run.cannotRun, cannotRun: true };
  if (run.failure) return { fixed: false, failure: run.failure };
  for (const [i, step] of run.steps.entries()) {
    const unreadable = (fixIt.readable ?? []).filter((h) => !(h in step.seen.readableHeaders));
    if (step.seen.outcome !== 'allowed' || unreadable.length > 0) {
      const blocked = step.seen.outcome === 'blocked';
      const [reason, check] = blocked ? [step.judged.reason, step.predicted.reason] : [null, null];
      const printed = blocked && run.engine !== 'chromium' ? step.judged.console ?? null : null;
      const line = shownConsoleLine(run.engine, printed);
      return { fixed: false, step: i, outcome: step.seen.outcome, reason, check, line, unreadable };
    }
  }
  return { fixed: true };
}
