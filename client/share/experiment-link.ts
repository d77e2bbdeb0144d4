/**
 * The current experiment in the page URL (`#x=<base64url JSON>`), so a link
 * reproduces it; read back through the schema like any experiment file.
 */
import type { Experiment } from '../../experiments/schema.ts';
import { ExperimentError, validateExperiments } from '../../experiments/validate.ts';
import { fromBase64Url, toBase64Url } from '../../servers/plan-url.ts';

const KEY = 'x';

export function experimentHash(experiment: Experiment): string {
  return `#${KEY}=${toBase64Url(JSON.stringify(experiment))}`;
}

/** The experiment in a location hash; null when there is none; throws ExperimentError when it is broken. */
export function experimentFromHash(hash: string): Experiment | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get(KEY);
  if (!token) return null;
  let data: unknown;
  try {
    data = JSON.parse(fromBase64Url(token));
  } catch {
    throw new ExperimentError(['link: the experiment in this link is not readable']);
  }
  return validateExperiments(data, 'link')[0] ?? null;
}
