/**
 * The line the learner's Firefox or WebKit prints for an experiment's first blocked step, as that engine's model
 * predicts it (runner/engine-models.ts, held to those browsers), as their console shows it (WebKit's sentence alone):
 * the playground's fix panel quotes it. Imported on demand by cors-lab-fix.ts outside V8 only, so the playground's
 * first load carries none of it, nor a Chromium learner's page ever.
 */
import { experimentUrl } from '../../experiments/model/predict.ts';
import type { Experiment } from '../../format/schema.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { ENGINE_TITLES, detectEngine, pageClues } from './learner-engine.ts';
import { shownConsoleLine } from './shown-console-line.ts';

/** The engine (as people name it) and its line; null in Chromium or an engine the page cannot tell, or no line. */
export async function learnerLine(
  experiment: Experiment, origins: OriginMap, engine = detectEngine(pageClues()),
): Promise<{ engine: string; line: string } | null> {
  if (engine === 'unknown' || engine === 'chromium') return null;
  const { ENGINE_MODELS } = await import('../../runner/engine-models.ts');
  const model = ENGINE_MODELS[engine];
  if (!model) return null;
  const steps = await model(experiment, origins, 'preview', experimentUrl(experiment, origins, 'preview'));
  const blocked = steps.find((step) => step.outcome === 'blocked' && step.console !== null);
  const line = shownConsoleLine(engine, blocked?.console ?? null);
  return line === null ? null : { engine: ENGINE_TITLES[engine], line };
}
