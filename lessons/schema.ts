/**
 * The lesson format: one Markdown file per lesson and language,
 * `lessons/<lang>/NN-slug.md`, with JSON front matter checked here.
 * The fields that are not words (`id`, `minutes`, `experiments`, `predict`,
 * `fixIt` but its goal) must be the same in every language; load.ts checks.
 */
import { z } from 'zod';
import { OUTCOMES, isReason } from '../format/reasons.ts';
import { isToken } from '../format/headers.ts';
import type { Language } from '../format/i18n/languages.ts';
import type { Claim } from './claims.ts';
import { QUESTIONS } from './questions.ts';

/** Languages every lesson exists in; `en` is the reference the others are compared with. */
export { LANGUAGES as LESSON_LANGUAGES } from '../format/i18n/languages.ts';
export type LessonLanguage = Language;

/**
 * The least narrative a lesson has, per language. English counts words;
 * Chinese has no spaces between words, so it counts Han characters (one
 * English word reads as about 1.5 to 2 of them: 400 words is about 600-800
 * characters). Header names, reason names and code are not counted in
 * Chinese, and fenced code blocks in neither language.
 */
export const NARRATIVE_MINIMUM: Record<LessonLanguage, { count: number; unit: string }> = {
  en: { count: 400, unit: 'words' },
  'zh-CN': { count: 600, unit: 'Han characters' },
};

export { QUESTIONS } from './questions.ts';

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const experimentId = z.string().regex(kebab, 'an experiment id is kebab-case');
const text = (what: string) => z.string({ error: `${what} is text` }).trim().min(1, `${what} is required`);

const reason = z.string().refine(isReason, {
  error: (issue) => `unknown reason ${JSON.stringify(issue.input)}: use a Chromium Network.CorsError name, a Network.BlockedReason, or a net:: error text`,
});

function unique<T>(what: string) {
  return (list: readonly T[], ctx: z.RefinementCtx) => {
    list.forEach((item, i) => {
      if (list.indexOf(item) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `${JSON.stringify(item)} is listed twice in ${what}` });
    });
  };
}

/** What the learner predicts for one experiment before running it. */
const predictionSchema = z.strictObject({
  /** Which step: 0 is the request itself, 1 the first `then` step. Default 0. */
  step: z.number().int('step is a whole number').min(0, 'step is 0 or more').optional(),
  /** The outcomes offered; the model's must be among them (checked against the catalog). */
  outcomes: z.array(z.enum(OUTCOMES)).min(2, 'offer at least two outcomes to choose from').superRefine(unique('outcomes')),
  /** The reasons offered when the learner says "blocked" (later lessons). */
  reasons: z.array(reason).min(2, 'offer at least two reasons to choose from').superRefine(unique('reasons')).optional(),
  /** Yes/no questions about the same step. */
  ask: z.array(z.enum(QUESTIONS)).min(1, 'ask lists at least one question').superRefine(unique('ask')).optional(),
  /** "Can the page's JavaScript read this response header?" */
  readable: z.string().refine(isToken, 'readable is a header name').optional(),
});

/** Header edits: a value sets the header (replacing any of that name, in any case); null removes it. */
const headerEdits = z.record(z.string().refine(isToken, 'a header name is a token'), z.union([z.string(), z.array(z.string()), z.null()]));

const fixItSchema = z.strictObject({
  /** A blocked experiment of this lesson. */
  experiment: experimentId,
  /** What "fixed" means, in the learner's words. */
  goal: text('fixIt.goal'),
  /** The one line a learner takes away once their fix works, shown on a solve. */
  learned: text('fixIt.learned'),
  /** One answer that works, as header edits on the experiment's plan; the tests run it through the model. */
  solution: z
    .strictObject({ preflight: headerEdits.optional(), actual: headerEdits.optional() })
    .refine((s) => s.preflight !== undefined || s.actual !== undefined, 'a solution edits preflight or actual headers'),
  /** Response headers the page must be able to read once fixed, lower-case. */
  readable: z.array(z.string().regex(/^[a-z0-9!#$%&'*+.^_`|~-]+$/, 'a readable header is a lower-case header name')).optional(),
});

export const lessonFrontMatterSchema = z
  .strictObject({
    id: z.string().regex(kebab, 'id is kebab-case: lower-case letters, digits and single hyphens'),
    title: text('title'),
    /** Time the lesson takes in a workshop, talk and exercises included. */
    minutes: z.number().int('minutes is a whole number').min(5, 'minutes is 5 to 60').max(60, 'minutes is 5 to 60'),
    experiments: z.array(experimentId).min(2, 'a lesson has 2 to 6 experiments').max(6, 'a lesson has 2 to 6 experiments').superRefine(unique('experiments')),
    predict: z.record(experimentId, predictionSchema),
    /**
     * The question each experiment is shown under on the lesson page and the
     * projected screen: it names the setup, never the result (the catalog's
     * titles often say the result; they stay in the playground).
     */
    questions: z.record(experimentId, text('a question')),
    fixIt: fixItSchema,
    /** For the presenter window, one note a line; never shown to learners on the projected screen. */
    speakerNotes: z.array(text('a speaker note')).min(1, 'speakerNotes has at least one note'),
  })
  .superRefine((lesson, ctx) => {
    for (const id of lesson.experiments) {
      if (!(id in lesson.predict)) ctx.addIssue({ code: 'custom', path: ['predict'], message: `no prediction for experiment "${id}": every experiment is predicted first` });
    }
    for (const id of lesson.experiments) {
      if (!(id in lesson.questions)) ctx.addIssue({ code: 'custom', path: ['questions'], message: `no question for experiment "${id}": every experiment is shown under a neutral question` });
    }
    for (const id of Object.keys(lesson.questions)) {
      if (!lesson.experiments.includes(id)) ctx.addIssue({ code: 'custom', path: ['questions', id], message: `"${id}" is not in experiments` });
    }
    for (const id of Object.keys(lesson.predict)) {
      if (!lesson.experiments.includes(id)) ctx.addIssue({ code: 'custom', path: ['predict', id], message: `"${id}" is not in experiments` });
    }
    if (!lesson.experiments.includes(lesson.fixIt.experiment)) {
      ctx.addIssue({ code: 'custom', path: ['fixIt', 'experiment'], message: `"${lesson.fixIt.experiment}" is not in experiments: the fix-it is one of the lesson's experiments` });
    }
  });

export type LessonFrontMatter = z.output<typeof lessonFrontMatterSchema>;
export type Prediction = LessonFrontMatter['predict'][string];
export type FixIt = LessonFrontMatter['fixIt'];
export type HeaderEdits = NonNullable<FixIt['solution']['actual']>;

export interface Lesson extends LessonFrontMatter {
  lang: LessonLanguage;
  /** Position in the course, from the file name's NN. */
  order: number;
  /** `lessons/en/04-the-preflight.md` */
  file: string;
  /** The Markdown narrative, claim markers included (claims.ts). */
  narrative: string;
  /** File line of the narrative's first line (claim lines count from it). */
  narrativeLine: number;
  /** What the narrative says browsers do, each citing the experiment that shows it. */
  claims: Claim[];
  /** File line of each front-matter value, for messages (see front-matter.ts lineOfPath). */
  lines: Record<string, number>;
}
