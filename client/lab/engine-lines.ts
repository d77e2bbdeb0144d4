/**
 * What each engine's model says one step of a run in the learner's browser comes to: its outcome, its reason in
 * its own vocabulary (Chromium's names, Firefox's by MDN's names, WebKit's sentence ids) and the console line it
 * prints. Chromium's is the run's own prediction, and so is the judging engine's (BrowserStep.judged: the run asked
 * its model once); the other engines' come from the models that `cors-lab run --browser firefox|webkit` holds to
 * those browsers (runner/engine-models.ts). The playground
 * downloads this module with the first result it shows (cors-lab-engine-lines.ts), never on its first load.
 */
import { ENGINES, type EngineName } from '../../format/engine-names.ts';
import { appliesTo } from '../../format/format-defaults.ts';
import type { Outcome } from '../../format/reasons.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { ENGINE_MODELS } from '../../runner/engine-models.ts';
import { shownConsoleLine } from './shown-console-line.ts';
import type { BrowserRun } from './run-in-browser.ts';

/** One engine's prediction for one step; `applies` false: the experiment names other engines only (format 1.2). */
export interface EngineLine {
  engine: EngineName;
  applies: boolean;
  outcome: Outcome | null;
  reason: string | null;
  console: string | null;
}

/** Each step of the run, each engine in ENGINES' order. */
export async function engineLines(run: BrowserRun, origins: OriginMap): Promise<EngineLine[][]> {
  const { experiment } = run;
  const predicted = await Promise.all(
    ENGINES.map((engine) => {
      // The judging engine's prediction is in the run's steps already.
      if (engine === run.engine) return null;
      const model = ENGINE_MODELS[engine];
      return model && appliesTo(experiment, engine) ? model(experiment, origins, run.run, run.url) : null;
    }),
  );
  return run.steps.map((step, i) =>
    ENGINES.map((engine, e): EngineLine => {
      const applies = appliesTo(experiment, engine);
      if (!applies) return { engine, applies, outcome: null, reason: null, console: null };
      if (engine === 'chromium') {
        const { outcome, reason } = step.predicted;
        return { engine, applies, outcome, reason, console: step.explanation.console };
      }
      const own = engine === run.engine ? step.judged : predicted[e]?.[i];
      const outcome = own?.outcome ?? null;
      const console = shownConsoleLine(engine, own?.console ?? null);
      return { engine, applies, outcome, reason: own?.reason ?? null, console };
    }),
  );
}
