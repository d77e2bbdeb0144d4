/**
 * Which engine's model judges a run in the learner's own browser. Engines differ where the Fetch standard leaves
 * room or one of them departs from it (experiments/model/DEVIATIONS.md: an empty `Location`, the preflight cache,
 * cookies without `SameSite`...), so a Firefox or Safari learner's run is held to the model that
 * `cors-lab run --browser firefox|webkit` holds to those browsers (runner/engine-models.ts), not to Chromium's.
 * An engine the page cannot tell is held to Chromium's, the model's default. An experiment that declares the
 * engines it holds for (format 1.2 `engines`) does not run in another: there is nothing to hold that run to.
 */
import { msg, str } from '@lit/localize';
import type { EngineName } from '../../format/engine-names.ts';
import { appliesTo } from '../../format/format-defaults.ts';
import type { Language } from '../../format/i18n/languages.ts';
import { predictExperimentAsync } from '../../experiments/model/predict.ts';
import type { StepPrediction } from '../../experiments/model/prediction.ts';
import type { Experiment } from '../../format/schema.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { ENGINE_TITLES, type LearnerEngine } from './learner-engine.ts';

/** A step as the judging model predicts it; Firefox's and WebKit's with the console line they print (null: none). */
export type JudgedPrediction = StepPrediction & {
  console?: string | null;
  /** WebKit's: Chromium's names of the checks WebKit says with this step's sentence (webkit-judged.ts). */
  sameSentence?: string[];
};

/** The engine whose model judges, and its prediction of the run on a given step clock (step-clock.ts). */
export interface Judge {
  engine: EngineName;
  predict(clock?: readonly number[]): Promise<JudgedPrediction[]>;
}

/** What the run is held to in `learner`'s browser; `lang`: the words of Chromium's model (the others name reasons). */
export async function judgeFor(
  learner: LearnerEngine,
  run: { experiment: Experiment; origins: OriginMap; run: string; url: string },
  lang: Language,
): Promise<Judge> {
  const { experiment, origins, url } = run;
  const chromium: Judge = {
    engine: 'chromium',
    predict: (clock) => predictExperimentAsync(experiment, origins, run.run, lang, clock),
  };
  if (learner === 'unknown' || learner === 'chromium') return chromium;
  // The other engines' models download only in their browsers.
  const { ENGINE_MODELS } = await import('../../runner/engine-models.ts');
  const model = ENGINE_MODELS[learner];
  if (!model) return chromium;
  if (learner !== 'webkit') {
    return { engine: learner, predict: (clock) => model(experiment, origins, run.run, url, clock) };
  }
  // WebKit's sentence table comes with its model, never in another browser's first load.
  const { withSentenceChecks } = await import('./webkit-judged.ts');
  return {
    engine: learner,
    predict: async (clock) => {
      const [judged, chromiumSteps] = await Promise.all([
        model(experiment, origins, run.run, url, clock),
        chromium.predict(clock),
      ]);
      return withSentenceChecks(judged, chromiumSteps);
    },
  };
}

/**
 * Why the experiment does not run in `learner`'s browser (its `engines` leave that engine out), or null when it
 * runs. An engine the page cannot tell runs everything, held to Chromium's model as before.
 */
export function elsewhereOnly(experiment: Experiment, learner: LearnerEngine): string | null {
  if (learner === 'unknown' || appliesTo(experiment, learner)) return null;
  const only = (experiment.engines ?? []).map((engine) => ENGINE_TITLES[engine]).join(', ');
  const yours = ENGINE_TITLES[learner];
  return msg(str`This experiment applies to ${only} only: what ${yours} does here is not modelled, so no verdict.`, {
    id: 'runner.elsewhere-only',
  });
}
