/**
 * Turns schema problems into the contract's messages:
 * `experiments.json: [3].server.redirects[0].to: unknown origin "apii"; known: ...`
 */
import type { z } from 'zod';
import { problemText, type Problem } from './problems/index.ts';
import { experimentSchema, type Experiment } from './schema.ts';

/** One problem of a validated file: the field's path, and the problem as data when a check gave one (else only its English). */
export interface FoundProblem {
  path: string;
  problem?: Problem;
  text: string;
}

export class ExperimentError extends Error {
  /** `problems` is what the CLI prints; `found` the same problems by field, for a reader in another language (the playground). */
  constructor(
    readonly problems: string[],
    readonly found: FoundProblem[] = [],
  ) {
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

/** The problem a schema issue carries as data (schema.ts's `addProblem`), or zod's own check as data; undefined for the rest. */
function issueProblem(issue: z.core.$ZodIssue): Problem | undefined {
  if (issue.code === 'unrecognized_keys') return { code: 'unknownFields', keys: issue.keys };
  if (issue.code === 'invalid_type') return { code: 'wrongType', expected: issue.expected };
  if (issue.code === 'invalid_value') return { code: 'oneOf', values: issue.values.map(String) };
  const carried: unknown = issue.code === 'custom' ? issue.params?.['problem'] : undefined;
  return carried && typeof carried === 'object' && 'code' in carried ? (carried as Problem) : undefined;
}

/** One schema problem in words (the field is said apart, by jsonPath): the check's own English. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  return issue.code === 'unrecognized_keys' ? problemText({ code: 'unknownFields', keys: issue.keys }) : issue.message;
}

function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): FoundProblem[] {
  return issues.map((issue) => {
    const problem = issueProblem(issue);
    return { path: jsonPath([...prefix, ...issue.path]), text: issueMessage(issue), ...(problem ? { problem } : {}) };
  });
}

const found = (path: string, problem: Problem): FoundProblem => ({ path, problem, text: problemText(problem) });

/**
 * Validates parsed JSON (one experiment or an array of them). `source` names
 * the file in messages. Ids must be unique within `seen` (shared across files
 * of one run).
 */
export function validateExperiments(data: unknown, source: string, seen: Map<string, string> = new Map()): Experiment[] {
  const list = Array.isArray(data) ? data : [data];
  const prefix = (i: number): PropertyKey[] => (Array.isArray(data) ? [i] : []);
  const problems: FoundProblem[] = [];
  const experiments: Experiment[] = [];
  if (list.length === 0) problems.push(found('(top level)', { code: 'emptyFile' }));
  list.forEach((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(found(jsonPath(prefix(i)), { code: 'notAnObject' }));
      return;
    }
    const result = experimentSchema.safeParse(item);
    if (!result.success) {
      problems.push(...describeIssues(result.error.issues, prefix(i)));
      return;
    }
    const earlier = seen.get(result.data.id);
    if (earlier) problems.push(found(jsonPath([...prefix(i), 'id']), { code: 'duplicateId', id: result.data.id, source: earlier }));
    seen.set(result.data.id, source);
    experiments.push(result.data);
  });
  if (problems.length) throw new ExperimentError(problems.map((p) => `${source}: ${p.path}: ${p.text}`), problems);
  return experiments;
}
