/**
 * Running experiments in this browser, with the code that runs them downloaded on the first run
 * instead of the first load (issue 16: a page is usable before the learner runs anything). The
 * runner (run-in-browser.ts and the steps' drivers) and the hidden runner frames come together,
 * made once per lab; a download that fails is tried again by the next run.
 */
import type { Experiment } from '../../format/schema.ts';
import type { OriginMap } from '../../plan/origins.ts';
import type { BrowserRun } from './run-in-browser.ts';

/** Runs one experiment on the lab's origins, in this browser. */
export type RunExperiment = (experiment: Experiment) => Promise<BrowserRun>;

export function runOnDemand(origins: OriginMap): RunExperiment {
  let runner: Promise<RunExperiment> | undefined;
  return async (experiment) => {
    runner ??= Promise.all([import('./run-in-browser.ts'), import('./runner-frames.ts')]).then(
      ([{ runInBrowser }, { RunnerFrames }]) => {
        const frames = new RunnerFrames(origins);
        return (next: Experiment) => runInBrowser(next, origins, frames);
      },
    );
    runner.catch(() => (runner = undefined));
    return (await runner)(experiment);
  };
}
