/**
 * The CORS middlewares a fix can be written for: which option sets which response header, and the methods each
 * allows when `methods`/`allowMethods` is left unset, as each package writes them. One table for the lab's
 * middleware plans (middleware-fix.ts) and for probe's fixes in the user's framework (probe/framework-fix.ts).
 *   - cors (Express): https://github.com/expressjs/cors#configuration-options
 *   - @fastify/cors: https://github.com/fastify/fastify-cors#options
 *   - hono/cors: https://hono.dev/docs/middleware/builtin/cors#options
 */
export const CORS_MIDDLEWARES = ['cors', '@fastify/cors', 'hono/cors'] as const;
export type CorsMiddleware = (typeof CORS_MIDDLEWARES)[number];

/** The response headers a middleware's options set (Vary each middleware sets by itself). */
export type OptionHeader =
  | 'access-control-allow-origin'
  | 'access-control-allow-credentials'
  | 'access-control-allow-methods'
  | 'access-control-allow-headers'
  | 'access-control-expose-headers'
  | 'access-control-max-age';

/** cors and @fastify/cors share the names. */
const EXPRESS_NAMES: Record<OptionHeader, string> = {
  'access-control-allow-origin': 'origin',
  'access-control-allow-credentials': 'credentials',
  'access-control-allow-methods': 'methods',
  'access-control-allow-headers': 'allowedHeaders',
  'access-control-expose-headers': 'exposedHeaders',
  'access-control-max-age': 'maxAge',
};

export const OPTION_NAMES: Record<CorsMiddleware, Record<OptionHeader, string>> = {
  cors: EXPRESS_NAMES,
  '@fastify/cors': EXPRESS_NAMES,
  'hono/cors': {
    'access-control-allow-origin': 'origin',
    'access-control-allow-credentials': 'credentials',
    'access-control-allow-methods': 'allowMethods',
    'access-control-allow-headers': 'allowHeaders',
    'access-control-expose-headers': 'exposeHeaders',
    'access-control-max-age': 'maxAge',
  },
};

/**
 * The methods each middleware allows by default, in its order (it writes them joined with ","). Recent hono/cors
 * versions (the installed one among them) add QUERY; the older default follows the current one.
 */
export const DEFAULT_METHODS: Record<CorsMiddleware, ReadonlyArray<readonly string[]>> = {
  cors: [['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE']],
  '@fastify/cors': [['GET', 'HEAD', 'POST']],
  'hono/cors': [
    ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH', 'QUERY'],
    ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH'],
  ],
};

/** The option that sets `header` in `middleware`, if one does. */
export function optionFor(middleware: CorsMiddleware, header: string): string | undefined {
  const names: Record<string, string> = OPTION_NAMES[middleware];
  return names[header.toLowerCase()];
}
