/**
 * A run in several engines (format 1.2 `engines`) seen one engine at a time: each experiment's result
 * in each engine that ran it, as a result of its own named `id [engine]`, for the reporters that list
 * test cases (JUnit, GitHub annotations). A run in Chromium alone is its results as they are.
 */
import type { EngineName } from '../engines/engine.ts';
import type { ExperimentResult, RunReport } from '../engines/run-result.ts';

/** The engines that ran, in the run's order (none: a run in Chromium alone, format 1.1). */
export function enginesOf(report: RunReport): EngineName[] {
  return Object.keys(report.summary.engines ?? {}) as EngineName[];
}

export function perEngineResults(report: RunReport): ExperimentResult[] {
  const engines = enginesOf(report);
  if (engines.length === 0) return report.results;
  return report.results.flatMap(({ engines: ran, ...result }) =>
    engines.flatMap((engine) => {
      const run = ran?.[engine];
      return run ? [{ ...result, ...run, id: `${result.id} [${engine}]` }] : [];
    }),
  );
}
