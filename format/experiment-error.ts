/**
 * A file's problems as an error, and how a problem's field is written (`[3].server.redirects[0].to`):
 * plain code without zod (types only), so the playground can catch and show them before it loads
 * the schema (validate.ts) for the first experiment it has to check.
 */
import type { z } from 'zod';
import { problemText, type Problem } from './problems/index.ts';

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

/** One schema problem in words (the field is said apart, by jsonPath): the check's own English. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  return issue.code === 'unrecognized_keys' ? problemText({ code: 'unknownFields', keys: issue.keys }) : issue.message;
}
