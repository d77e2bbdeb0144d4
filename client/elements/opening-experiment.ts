/**
 * What the playground shows first, here before the app is defined (it imports this module), so its first
 * paint shows the experiment: the first catalog experiment, which comes with the first load
 * (experiments/catalog/first-experiment.ts), or none while the experiment the address links to (`#x=`) is
 * checked, that one's group downloaded meanwhile (client/share/opening-group.ts). Never another experiment
 * first, no round-trip after it. A lesson page (`?lesson=`) or a presenter window (`?presenter=`), which show
 * a lesson's experiments, download none here.
 */
import { firstExperiment } from '../../experiments/catalog/first-experiment.ts';
import type { Experiment } from '../../format/schema.ts';
import { keepCatalogExperiment, loadCatalogGroup } from '../lab/catalog-plans.ts';
import { lessonIdFrom } from '../lessons/lesson-link.ts';
import { presenterLessonOf } from '../presenter/presenter-urls.ts';
import { linkedExperimentId } from '../share/experiment-link.ts';
import { linkedCatalogGroup } from '../share/opening-group.ts';

/** Whether this page is the playground (not a lesson page, not a presenter window). */
const isPlaygroundPage = lessonIdFrom(location.search) === null && presenterLessonOf(location.search) === null;

/** The first catalog experiment, or none (a link to check, another page); or the failed download of its group. */
export type Opening = { experiment: Experiment | undefined } | { failed: unknown };

async function opening(): Promise<Opening> {
  if (!isPlaygroundPage) return { experiment: undefined };
  // The first experiment came with the first load, plan and all: no group to download for it, shown at once
  // on a page without a link, or when the link proves broken.
  const first = firstExperiment && keepCatalogExperiment(firstExperiment);
  if (linkedExperimentId(location.hash) === null) return { experiment: first };
  // A link that names no catalog experiment (the learner's own) has no group to download: it is checked as it is.
  const group = linkedCatalogGroup(location.hash);
  if (group === undefined) return { experiment: undefined };
  try {
    await loadCatalogGroup(group);
    return { experiment: undefined };
  } catch (failed) {
    return { failed };
  }
}

export const openingExperiment: Opening = await opening();
