/**
 * The bounds of limits.ts as zod refinements: a list or a string over its bound is one problem (data and its
 * English, as schema.ts's other checks), named by its JSON path. Used by schema.ts and middleware-options.ts.
 */
import type { z } from 'zod';
import { problemText, type Problem } from './problems/index.ts';
import type { LimitUnit } from './limits.ts';
// Registers the words these problems are said in (not in the playground's first load).
import './problems/limit-words.ts';

const add = (ctx: z.RefinementCtx, problem: Problem): void =>
  ctx.addIssue({ code: 'custom', message: problemText(problem), params: { problem } });

/** The problem of a string over `max` characters, or null. */
export const lengthProblem = (value: string, max: number): Problem | null =>
  value.length > max ? { code: 'tooLong', length: value.length, max } : null;

/** A string of at most `max` characters. */
export const withinLength = (max: number) => (value: string, ctx: z.RefinementCtx): void => {
  const problem = lengthProblem(value, max);
  if (problem) add(ctx, problem);
};

/** A list of at most `max` entries, counted in `unit`. */
export const listWithin = (max: number, unit: LimitUnit) => (list: readonly unknown[], ctx: z.RefinementCtx): void => {
  if (list.length > max) add(ctx, { code: 'tooMany', count: list.length, max, unit });
};
