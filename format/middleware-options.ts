/**
 * `server.middleware` (format 1.1): the real CORS middleware a user runs,
 * with the options they would pass it, as JSON. Checked here so a wrong
 * option is named by its JSON path before any server sees it.
 *   - `hono/cors`: https://hono.dev/docs/middleware/builtin/cors
 *   - `cors` (the Express package): https://github.com/expressjs/cors#configuration-options
 */
import { z } from 'zod';
import { headerValueProblem, isToken } from './headers.ts';
import { REGEX_LITERAL } from './origin-pattern.ts';
import { MAX_HEADER_VALUE, MAX_MIDDLEWARE_ORIGINS, MAX_NAME_LIST } from './limits.ts';
import { listWithin, withinLength } from './limit-checks.ts';

export const MIDDLEWARE_NAMES = ['hono/cors', 'cors'] as const;
export type MiddlewareName = (typeof MIDDLEWARE_NAMES)[number];

const tokenList = (what: string) =>
  z.array(
    z.string().refine(isToken, `each ${what} is an HTTP token, e.g. X-Custom or PUT`),
    { error: `${what}s are an array of strings` },
  );
/** A string the middleware writes as a header value (an origin, a list): headers.ts's wire check, and its bound. */
const wireString = (what: string) =>
  z.string({ error: `${what} is a string` })
    .refine((v) => headerValueProblem(v) === null, { error: (issue) => headerValueProblem(String(issue.input)) ?? '' })
    .superRefine(withinLength(MAX_HEADER_VALUE));
/**
 * The entries of a method or header list as the browser reads them: the Express package joins an array with
 * commas and sends a string as written (`methods.join(',')`, node_modules/cors/lib/index.js), hono/cors joins its
 * arrays, and the browser splits the header's value on commas (Fetch's "get, decode, and split"), so
 * `"GET,PUT"` is two entries, as `["GET", "PUT"]` is.
 * https://fetch.spec.whatwg.org/#header-value-get-decode-and-split
 */
const listEntries = (value: unknown): readonly unknown[] | null =>
  Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
/** An origin option's entries: a string is one origin (both packages compare it whole), an array lists them. */
const originEntries = (value: unknown): readonly unknown[] | null => (Array.isArray(value) ? value : null);
/** A list's bound checked after the union took it, so the message names the bound, not the union. */
const boundedTo = (max: number, entries: (value: unknown) => readonly unknown[] | null) =>
  (value: unknown, ctx: z.RefinementCtx): void => {
    const list = entries(value);
    if (list) listWithin(max, 'entries')(list, ctx);
  };
const boundedList = boundedTo(MAX_NAME_LIST, listEntries);
const boundedOrigins = boundedTo(MAX_MIDDLEWARE_ORIGINS, originEntries);
const maxAge = z.number({ error: 'maxAge is a number of seconds' })
  .int('maxAge is a whole number of seconds')
  .min(0, 'maxAge is at least 0');

const honoOptions = z.strictObject({
  origin: z
    .union([wireString('origin'), z.array(wireString('origin'))], {
      error: 'origin is a string ("*" or one origin) or an array of origins',
    })
    .superRefine(boundedOrigins)
    .optional(),
  allowMethods: tokenList('method').superRefine(boundedList).optional(),
  allowHeaders: tokenList('header name').superRefine(boundedList).optional(),
  exposeHeaders: tokenList('header name').superRefine(boundedList).optional(),
  maxAge: maxAge.optional(),
  credentials: z.boolean({ error: 'credentials is true or false' }).optional(),
});

/**
 * A "/regex/" is only matched, never sent (schema.ts checks it with the linear engine's rule, origin-pattern.ts);
 * any other origin string is sent as it is, so it passes the wire check.
 */
const originProblem = (v: string): string | null => (REGEX_LITERAL.test(v) ? null : headerValueProblem(v));
const expressOrigin = z.string()
  .refine((v) => originProblem(v) === null, { error: (issue) => originProblem(String(issue.input)) ?? '' })
  .superRefine(withinLength(MAX_HEADER_VALUE));
const listOrString = (what: string) =>
  z.union([wireString(`a ${what} list`), tokenList(what)], {
    error: `a comma-separated string or an array of ${what}s`,
  })
    .superRefine(boundedList);

const expressOptions = z.strictObject({
  origin: z
    .union([z.boolean(), expressOrigin, z.array(expressOrigin)], {
      error: 'origin is true, false, "*", an origin, a "/regular expression/", '
        + 'or an array of origins and regular expressions',
    })
    .superRefine(boundedOrigins)
    .optional(),
  methods: listOrString('method').optional(),
  allowedHeaders: listOrString('header name').optional(),
  exposedHeaders: listOrString('header name').optional(),
  credentials: z.boolean({ error: 'credentials is true or false' }).optional(),
  maxAge: maxAge.optional(),
  preflightContinue: z.boolean({ error: 'preflightContinue is true or false' }).optional(),
  optionsSuccessStatus: z.number({ error: 'optionsSuccessStatus is a status number' })
    .int('optionsSuccessStatus is a whole number')
    .min(200, 'optionsSuccessStatus must be 200-599')
    .max(599, 'optionsSuccessStatus must be 200-599')
    .optional(),
});

export const middlewareSchema = z.discriminatedUnion(
  'name',
  [
    z.strictObject({ name: z.literal('hono/cors'), options: honoOptions.optional() }),
    z.strictObject({ name: z.literal('cors'), options: expressOptions.optional() }),
  ],
  {
    error: (issue) => (issue.code === 'invalid_union'
      ? `name must be one of ${MIDDLEWARE_NAMES.map((n) => JSON.stringify(n)).join(', ')}`
      : undefined),
  },
);

export type MiddlewarePlan = z.output<typeof middlewareSchema>;
export type HonoCorsOptions = NonNullable<Extract<MiddlewarePlan, { name: 'hono/cors' }>['options']>;
export type ExpressCorsOptions = NonNullable<Extract<MiddlewarePlan, { name: 'cors' }>['options']>;
