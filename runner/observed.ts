/** The shapes of a run's result: the contract's `cors-lab run --json` format. */
import type { JournalEntry } from '../servers/journal.ts';
import type { LabOrigin } from '../servers/origins.ts';
import type { Outcome } from '../experiments/reasons.ts';
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { Explanation } from '../experiments/model/explain.ts';

/** The model's prediction of one step (empty when a run skips the model). */
export type Prediction = Partial<StepPrediction>;

export interface Observation {
  outcome: Outcome;
  reason: string | null;
  /** Chromium's `corsErrorStatus.failedParameter`, when it gave one. */
  failedParameter: string | null;
  preflight: boolean;
  reachedServer: boolean;
  status: number | null;
  responseType: string | null;
  readableHeaders: Record<string, string>;
  originSeen: string | null;
  requestHeadersSeen: string | null;
  cookieSent: boolean;
  console: string | null;
  /** What the page itself got, e.g. "TypeError: Failed to fetch". */
  pageError: string | null;
  /** Every request the origins received for this step, in order (the journal). */
  serverSaw: JournalEntry[];
}

export interface StepResult {
  title?: string;
  predicted: Prediction;
  observed: Observation;
  /** The model's words for the prediction (absent when the run skips the model). */
  explanation?: Explanation;
}

export interface ExperimentResult {
  id: string;
  title: string;
  group: string;
  predicted: Prediction;
  observed: Observation;
  explanation?: Explanation;
  steps: StepResult[];
  pass: boolean;
  mismatches: string[];
  seconds: number;
}

export interface RunReport {
  browser: string;
  origins: LabOrigin[];
  results: ExperimentResult[];
  summary: { total: number; passed: number; failed: number; seconds: number };
}
