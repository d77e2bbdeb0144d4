/**
 * The current experiment in the page URL (`#x=<base64url JSON>`), so a link
 * reproduces it; read back through the schema like any experiment file.
 */
import type { Experiment } from '../../format/schema.ts';
import type { Language } from '../../format/i18n/languages.ts';
import { problemText } from '../../format/problems/index.ts';
import { ExperimentError } from '../../format/experiment-error.ts';
import { MAX_STEPS } from '../../format/limits.ts';
import { fromBase64Url, toBase64Url } from '../../plan/plan-url.ts';

const KEY = 'x';

/**
 * A link's experiment is anyone's: the page checks it, predicts every step and draws it while it opens, so a link
 * of thousands of `then` steps held the playground for minutes (1,000 steps: 33 s, measured in Chromium on a busy
 * 2-core machine), and one of 20,000 never showed. The catalog's longest link is about 2,300 characters, its
 * longest `then` one step; these bounds leave room for any experiment written by hand. The bound on `then` is the
 * format's own (format/limits.ts), checked here before the schema downloads (a link over it never downloads the
 * schema), in the schema's words (format/problems/limit-words.ts, a small module of its own).
 */
export const MAX_LINK_CHARACTERS = 32_768;

export function experimentHash(experiment: Experiment): string {
  return `#${KEY}=${toBase64Url(JSON.stringify(experiment))}`;
}

/**
 * The experiment in a location hash; null when there is none; rejects with ExperimentError when it is broken.
 * The schema (zod) downloads only for a link that carries an experiment: every shared experiment is checked.
 */
export async function experimentFromHash(hash: string): Promise<Experiment | null> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get(KEY);
  if (!token) return null;
  if (token.length > MAX_LINK_CHARACTERS) {
    const size = `${token.length} characters long; a link carries at most ${MAX_LINK_CHARACTERS}`;
    throw new ExperimentError([`link: the experiment in this link is ${size}`]);
  }
  let data: unknown;
  try {
    data = JSON.parse(fromBase64Url(token));
  } catch {
    throw new ExperimentError(['link: the experiment in this link is not readable']);
  }
  const steps = (data as { then?: unknown } | null)?.then;
  if (Array.isArray(steps) && steps.length > MAX_STEPS) {
    // The limits' words are not in the page's first load: only they are fetched here, not the schema (zod).
    await import('../../format/problems/limit-words.ts');
    const problem = { code: 'tooMany', count: steps.length, max: MAX_STEPS, unit: 'steps' } as const;
    const text = problemText(problem);
    throw new ExperimentError([`link: then: ${text}`], [{ path: 'then', problem, text }]);
  }
  const { validateExperiments } = await import('../../format/validate.ts');
  return validateExperiments(data, 'link')[0] ?? null;
}

/**
 * The id a link's experiment gives itself, unchecked, or null (no experiment, unreadable, too long): only to
 * download that catalog group's plans while the schema checks the link (experimentFromHash), never to show.
 */
export function linkedExperimentId(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get(KEY);
  if (!token || token.length > MAX_LINK_CHARACTERS) return null;
  try {
    const id = (JSON.parse(fromBase64Url(token)) as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/**
 * What a broken link says: each problem with its field (as written), in the
 * reader's language where the check gave the problem as data, else as the CLI says it.
 */
export function linkProblemText(error: ExperimentError, lang: Language): string {
  if (!error.found.length) return error.problems.join('; ');
  return error.found
    .map(({ path, problem, text }) => `link: ${path}: ${problem ? problemText(problem, lang) : text}`)
    .join('; ');
}
