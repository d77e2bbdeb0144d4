/**
 * What a lesson's experiment shows once run, and not before: the sequence diagram of what
 * happened, the engines' console lines and the "Why" (the catalog's HTML). cors-lab-lesson-experiment.ts downloads it during
 * the learner's first run, so a lesson page's first load does without it (issue 16).
 */
import './cors-lab-sequence.ts';
// The learner's browser's console line beside the other engines' (its models download with it, not before).
import './cors-lab-engine-lines.ts';

export { observedSequence } from '../sequence/from-run.ts';
export { experimentProseView, loadEnglishHtml } from '../lab/prose-view.ts';
