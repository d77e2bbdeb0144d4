/**
 * The seam between the one step engine and the browsers that run its steps
 * (format 1.2 "Engines": Chromium, Firefox, WebKit). A driver launches one
 * engine; a session is one cookie jar and cache (a browser context, or a
 * WebDriver session); a tab holds the runner page of one page origin and runs
 * steps in it, returning what page JavaScript saw and what the engine itself
 * said (its reason, in its own vocabulary, and the raw console line).
 * Drivers extend these shapes only with optional members.
 */
import type { PageSeen, StepRequest } from '../runner-page/step.ts';

export { ENGINES, type EngineName } from '../format/engine-names.ts';
import type { EngineName } from '../format/engine-names.ts';

/** What the engine said about one step: a reason id in its own vocabulary (null: it said nothing). */
export interface EngineVerdict {
  reason: string | null;
  /** The engine's own console line for the step, verbatim. */
  console: string | null;
  /** The header value the engine names as the one that failed (Chromium's `corsErrorStatus.failedParameter`). */
  failedParameter?: string | null;
  /** The HTTP version of the response the page got (CDP `Network.Response.protocol`: `h2`, `http/1.1`). */
  protocol?: string | null;
  /**
   * What the engine's events said would come but did not within the bound on a lost event (runner/cdp-watch.ts):
   * those fields are unknown, never "none". Absent when everything came.
   */
  unreported?: UnreportedFact[];
}

/** A fact of a step the engine reports in events of its own, which can be lost. */
export type UnreportedFact = 'reason' | 'console' | 'protocol' | 'wire';

export interface EngineStep {
  seen: PageSeen;
  verdict: EngineVerdict;
  /** `performance.now()` when the page's request settled, before the wait for the engine's words (the step's clock). */
  settled?: number;
}

export interface EngineTab {
  /** The runner page URL this tab has loaded. */
  readonly url: string;
  /** Runs one step; `marker` is a substring of the step's URLs (the run id) that attributes engine events to it. */
  run(request: StepRequest, marker: string): Promise<EngineStep>;
  close(): Promise<void>;
}

/** A page that no server has to serve: `html` as the document of `url` (its origin is the page's origin). */
export interface PageAt {
  url: string;
  html: string;
}

export interface EngineSession {
  openTab(runnerUrl: string): Promise<EngineTab>;
  /**
   * Opens a tab whose document is `page.html` at `page.url`'s origin, nothing running there (the probe's page
   * on any origin, probe/probe-in-engine.ts). The html holds the runner page script; the tab runs steps as
   * openTab's does.
   */
  openPageAt?(page: PageAt): Promise<EngineTab>;
  clearCookies(): Promise<void>;
  close(): Promise<void>;
}

export interface EngineBrowser {
  readonly engine: EngineName;
  /** e.g. "firefox 153.8.0esr", as `run --json` reports it in `browsers`. */
  readonly version: string;
  /** How many sessions may run steps at the same time (WebKit attributes reasons by order: one step at a time per session). */
  readonly sessionsAtOnce: number;
  newSession(): Promise<EngineSession>;
  close(): Promise<void>;
}
