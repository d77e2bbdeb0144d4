/**
 * Turns schema problems into the contract's messages:
 * `experiments.json: [3].server.redirects[0].to: unknown origin "apii"; known: ...`
 */
import type { z } from 'zod';
import { problemText, type Problem } from './problems/index.ts';
import { ExperimentError, issueMessage, jsonPath, type FoundProblem } from './experiment-error.ts';
import { experimentSchema, type Experiment } from './schema.ts';

export { ExperimentError, issueMessage, jsonPath, type FoundProblem } from './experiment-error.ts';

/** The problem a schema issue carries as data (schema.ts's `addProblem`), or zod's own check as data; undefined for the rest. */
function issueProblem(issue: z.core.$ZodIssue): Problem | undefined {
  if (issue.code === 'unrecognized_keys') return { code: 'unknownFields', keys: issue.keys };
  if (issue.code === 'invalid_type') return { code: 'wrongType', expected: issue.expected };
  if (issue.code === 'invalid_value') return { code: 'oneOf', values: issue.values.map(String) };
  const carried: unknown = issue.code === 'custom' ? issue.params?.['problem'] : undefined;
  return carried && typeof carried === 'object' && 'code' in carried ? (carried as Problem) : undefined;
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
