/**
 * Yes/no questions a learner may be asked beside the outcome, answered by the run's facts. Apart from
 * the lesson schema (zod) so the playground's grading needs no zod on its first load.
 */
export const QUESTIONS = ['preflight', 'reachedServer', 'cookieSent'] as const;
