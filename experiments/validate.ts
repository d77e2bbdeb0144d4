/**
 * Turns schema problems into the contract's messages:
 * `experiments.json: [3].server.redirects[0].to: unknown origin "apii"; known: ...`
 */
import type { z } from 'zod';
import { experimentSchema, type Experiment } from './schema.ts';

export class ExperimentError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ExperimentError';
  }
}

/** `[3].server.redirects[0].to`, `request.headers["X Bad"]` */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(top level)';
}

/** One schema problem in words (the field is said apart, by jsonPath). */
export function issueMessage(issue: z.core.$ZodIssue): string {
  return issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` : issue.message;
}

function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): string[] {
  return issues.map((issue) => `${jsonPath([...prefix, ...issue.path])}: ${issueMessage(issue)}`);
}

/**
 * Validates parsed JSON (one experiment or an array of them). `source` names
 * the file in messages. Ids must be unique within `seen` (shared across files
 * of one run).
 */
export function validateExperiments(data: unknown, source: string, seen: Map<string, string> = new Map()): Experiment[] {
  const list = Array.isArray(data) ? data : [data];
  const prefix = (i: number): PropertyKey[] => (Array.isArray(data) ? [i] : []);
  const problems: string[] = [];
  const experiments: Experiment[] = [];
  if (list.length === 0) problems.push('(top level): no experiments: the file holds an empty array');
  list.forEach((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${jsonPath(prefix(i))}: an experiment is a JSON object`);
      return;
    }
    const result = experimentSchema.safeParse(item);
    if (!result.success) {
      problems.push(...describeIssues(result.error.issues, prefix(i)));
      return;
    }
    const earlier = seen.get(result.data.id);
    if (earlier) problems.push(`${jsonPath([...prefix(i), 'id'])}: duplicate id ${JSON.stringify(result.data.id)} (also in ${earlier})`);
    seen.set(result.data.id, source);
    experiments.push(result.data);
  });
  if (problems.length) throw new ExperimentError(problems.map((p) => `${source}: ${p}`));
  return experiments;
}
