/**
 * What an experiment assumes of the browser (format 1.1 `browser`, the
 * `public` page), said in words for the playground. A page cannot change its
 * own browser's settings, and in the user's browser the lab's `public` origin
 * is loopback like the others, so where the user's browser cannot apply an
 * assumption the playground says so instead of reporting a disagreement.
 */
import { browserOf, pageOf, type Experiment } from '../../experiments/schema.ts';

export interface Assumptions {
  /** One sentence per setting the experiment states. */
  notes: string[];
  /** Why this browser cannot reproduce the experiment; null when it can. */
  unverifiable: string | null;
}

const RUN_HEADLESS = 'Run it with `cors-lab run` to see what Chromium does with that setting.';

export function browserAssumptions(experiment: Pick<Experiment, 'browser' | 'page'>): Assumptions {
  const settings = browserOf(experiment);
  const notes: string[] = [];
  if (experiment.browser?.thirdPartyCookies !== undefined) {
    notes.push(
      `Assumes third-party cookies ${settings.thirdPartyCookies}. Your browser keeps its own cookie setting, so whether a cookie is sent can differ here. ${RUN_HEADLESS}`,
    );
  }
  if (experiment.browser?.localNetworkAccess !== undefined) {
    notes.push(`Assumes the Local Network Access permission ${settings.localNetworkAccess}. A page cannot grant or withdraw it for itself.`);
  }
  const unverifiable =
    pageOf(experiment as Experiment) === 'public'
      ? `In your browser the lab's "public" origin is on loopback like the others, so Local Network Access does not apply and the outcome here can differ from the prediction, as expected. ${RUN_HEADLESS}`
      : null;
  return { notes, unverifiable };
}
