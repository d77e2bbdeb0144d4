/** The shapes of a run's result (`cors-lab run --json`, the contract's format), beside the step engine. */
import type { JournalEntry } from '../plan/journal-entry.ts';
import type { LabOrigin } from '../plan/origins.ts';
import type { StepFacts } from '../format/step-facts.ts';
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { Explanation } from '../experiments/model/explain.ts';
import type { EngineName, UnreportedFact } from './engine.ts';

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
  /**
   * Facts the engine's events said would come but that did not within the bound on a lost event
   * (runner/cdp-watch.ts): unknown, not "none". Absent when every event came.
   */
  unreported?: UnreportedFact[];
}

export interface StepResult {
  title?: string;
  predicted: Prediction;
  observed: Observation;
  /** The model's words for the prediction (absent when the run skips the model). */
  explanation?: Explanation;
}

/** What one engine made of an experiment (format 1.2 `engines.<engine>`). */
export interface EngineResult {
  predicted: Prediction;
  observed: Observation;
  explanation?: Explanation;
  steps: StepResult[];
  pass: boolean;
  mismatches: string[];
  seconds: number;
}

export interface ExperimentResult {
  id: string;
  title: string;
  group: string;
  predicted: Prediction;
  observed: Observation;
  explanation?: Explanation;
  steps: StepResult[];
  /** Passed in every engine that ran it. */
  pass: boolean;
  /** The first engine's, then each other engine's with its name before it (`firefox: ...`). */
  mismatches: string[];
  seconds: number;
  /**
   * Format 1.2, a run in engines other than Chromium alone: each engine that ran the experiment
   * (`experiment.engines`); the top-level `predicted`/`observed`/`steps` are the first one's.
   */
  engines?: Partial<Record<EngineName, EngineResult>>;
}

export interface EngineSummary {
  total: number;
  passed: number;
  failed: number;
  seconds: number;
}

/** An engine the run was asked for and could not run: named, with what to install. */
export interface SkippedEngine {
  engine: EngineName;
  why: string;
}

export interface RunReport {
  /** The first engine's version, e.g. "chromium 156.0..." */
  browser: string;
  /** Format 1.2, a run in engines other than Chromium alone: every engine that ran, in the run's order. */
  browsers?: string[];
  origins: LabOrigin[];
  results: ExperimentResult[];
  summary: {
    total: number;
    passed: number;
    failed: number;
    seconds: number;
    /** Format 1.2: the counts per engine that ran. */
    engines?: Partial<Record<EngineName, EngineSummary>>;
  };
  /** Engines asked for but not installed (`--browser all`). */
  skipped?: SkippedEngine[];
}
