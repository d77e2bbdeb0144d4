/**
 * The server framework a fix is written for, as `probe --framework` takes it, and the guess `auto` makes
 * from the headers the server sent. A guess is only a guess: the result says what it rested on.
 */
import type { HeaderLines } from '../format/headers.ts';
import { DEFAULT_METHODS, type CorsMiddleware } from '../experiments/model/cors-middleware-options.ts';

/** Plain header lines, or the options of a framework's CORS middleware (or nginx's configuration). */
export const FRAMEWORKS = ['headers', 'express', 'fastify', 'hono', 'nginx'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** What `--framework` and `cors.probe({ framework })` take: a framework, or `auto` to guess one. */
export const FRAMEWORK_CHOICES = [...FRAMEWORKS, 'auto'] as const;
export type FrameworkChoice = (typeof FRAMEWORK_CHOICES)[number];

/** The framework a fix is written for, and whether (and from what) it was guessed. */
export interface FrameworkUsed {
  name: Framework;
  guessed: boolean;
  /** What the guess rested on (a header line); null when it was chosen, or when nothing was recognised. */
  basis: string | null;
}

/** The middleware package of each JavaScript framework. */
export const MIDDLEWARE_OF: Record<Exclude<Framework, 'headers' | 'nginx'>, CorsMiddleware> = {
  express: 'cors',
  fastify: '@fastify/cors',
  hono: 'hono/cors',
};

/**
 * The middlewares' default Access-Control-Allow-Methods values, exactly as they write them: a preflight answered
 * with one of these comes from that middleware left at its default.
 */
const DEFAULT_ALLOW_METHODS: ReadonlyArray<[string, Framework]> = Object.entries(MIDDLEWARE_OF).flatMap(
  ([framework, middleware]) =>
    DEFAULT_METHODS[middleware].map((methods): [string, Framework] => [methods.join(','), framework as Framework]),
);

function valuesOf(lines: HeaderLines, name: string): string[] {
  return lines.filter(([n]) => n.toLowerCase() === name).map(([, value]) => value.trim());
}

/** The first framework the headers name, with the line that named it; null when none does. */
export function guessFramework(responses: readonly HeaderLines[]): { name: Framework; basis: string } | null {
  const lines = responses.flat();
  // Express sends X-Powered-By unless the app turns it off (app.disable('x-powered-by')).
  const poweredBy = valuesOf(lines, 'x-powered-by').find((v) => /^express$/i.test(v));
  if (poweredBy !== undefined) return { name: 'express', basis: `X-Powered-By: ${poweredBy}` };
  const server = valuesOf(lines, 'server').find((v) => /^nginx(\/|$)/i.test(v));
  if (server !== undefined) return { name: 'nginx', basis: `Server: ${server}` };
  for (const value of valuesOf(lines, 'access-control-allow-methods')) {
    const found = DEFAULT_ALLOW_METHODS.find(([methods]) => methods === value);
    if (found) return { name: found[1], basis: `Access-Control-Allow-Methods: ${value} (the middleware's default)` };
  }
  return null;
}

/** The framework to write the fix for: the one chosen, or `auto`'s guess (plain headers when nothing is recognised). */
export function resolveFramework(choice: FrameworkChoice, responses: readonly HeaderLines[]): FrameworkUsed {
  if (choice !== 'auto') return { name: choice, guessed: false, basis: null };
  const guess = guessFramework(responses);
  if (guess === null) return { name: 'headers', guessed: true, basis: null };
  return { name: guess.name, guessed: true, basis: guess.basis };
}

/** How the fix's first line says which framework it is written for, and why. */
export function frameworkNote(used: FrameworkUsed): string | null {
  if (!used.guessed) return null;
  if (used.basis === null) return 'Framework: not recognised from the headers (--framework auto), so plain headers.';
  return `Framework: ${used.name}, a guess from ${used.basis} (--framework auto; name it with --framework).`;
}
