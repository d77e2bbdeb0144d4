/**
 * The current experiment in the page URL (`#x=<base64url JSON>`), so a link
 * reproduces it; read back through the schema like any experiment file.
 */
import type { Experiment } from '../../experiments/schema.ts';
import { ExperimentError, validateExperiments } from '../../experiments/validate.ts';

const KEY = 'x';

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(token: string): string {
  const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

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
