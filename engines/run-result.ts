/** The shapes of a run's result (`cors-lab run --json`, the contract's format), beside the step engine. */
import type { JournalEntry } from '../plan/journal-entry.ts';
import type { LabOrigin } from '../plan/origins.ts';
import type { StepFacts } from '../experiments/step-facts.ts';
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { Explanation } from '../experiments/model/explain.ts';

/** The model's prediction of one step (empty when a run skips the model). */
export type Prediction = Partial<StepPrediction>;

export interface Observation extends StepFacts {
  responseType: string | null;
  /** Response headers page JavaScript could read, lower-case names. */
  readableHeaders: Record<string, string>;
  /** The console line Chromium printed for the block. */
  console: string | null;
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
