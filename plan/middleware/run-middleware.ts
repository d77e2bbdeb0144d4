/**
 * Runs the real CORS middleware a plan names, the way a user's server mounts
 * it, and returns what goes on the wire. Browser-safe on purpose: the model
 * runs the very same code in the playground, so a prediction never rests on
 * a re-implementation of the middleware (hono/cors is Web-standard code; the
 * Express `cors` package only needs `req.method`, `req.headers`,
 * `res.getHeader`/`setHeader`/`end`, which the small adapter below gives it).
 */
import { Hono } from 'hono';
import { cors as honoCors } from 'hono/cors';
import expressCors from 'cors';
import { NULL_BODY_STATUSES, framingHeaderProblem, headerNameProblem, headerValueProblem, type HeaderLines } from '../../format/headers.ts';
import { PlanError, planErrorReply, withServerLines, type MiddlewareCall, type PlannedAnswer, type RawReply } from '../answer.ts';
import { jsonPath } from '../../format/experiment-error.ts';
import { LinearRegExp } from './linear-regexp.ts';
import type { ExpressCorsOptions, HonoCorsOptions } from '../../format/middleware-options.ts';
import { linearPattern, patternParts } from '../../format/origin-pattern.ts';
import { problemText } from '../../format/problems/index.ts';

/** hono/cors on a Hono app whose one route answers as the plan's handler does. */
async function throughHono(options: HonoCorsOptions, call: MiddlewareCall): Promise<{ status: number; headers: HeaderLines; body: string }> {
  const app = new Hono();
  app.use(honoCors(options));
  app.all('*', () => {
    const headers = new Headers();
    for (const [name, value] of call.handler.headers) headers.append(name, value);
    const nullBody = NULL_BODY_STATUSES.includes(call.handler.status);
    return new Response(nullBody ? null : call.handler.body, { status: call.handler.status, headers });
  });
  // A browser drops Origin and Access-Control-Request-* from a Request built with them (forbidden
  // request headers), and refuses some methods; hono/cors must see them as the server does. A
  // standalone Headers object keeps every name, so the Request gets that one, and the method, as its own.
  // https://fetch.spec.whatwg.org/#forbidden-request-header
  const raw = new Request('http://origin.invalid/');
  Object.defineProperties(raw, { method: { value: call.method }, headers: { value: new Headers(call.headers) } });
  const response = await app.fetch(raw);
  const headers: HeaderLines = [];
  response.headers.forEach((value, name) => {
    // Headers joins repeated lines except Set-Cookie; keep each cookie its own line.
    if (name !== 'set-cookie') headers.push([name, value]);
  });
  for (const cookie of response.headers.getSetCookie()) headers.push(['set-cookie', cookie]);
  return { status: response.status, headers, body: await response.text() };
}

/**
 * JSON can not hold a RegExp: `/pattern/flags` strings become one here, a
 * LinearRegExp, so no Origin a page sends can hold the event loop (one rule for
 * servers and model: origin-pattern.ts). The schema refused other patterns;
 * one that `{page}` or `{origin:NAME}` made unsupported gets a PlanError here.
 */
function expressOrigin(origin: ExpressCorsOptions['origin']): boolean | string | RegExp | Array<string | RegExp> | undefined {
  const one = (value: string, index: number | null): string | RegExp => {
    if (!patternParts(value)) return value;
    const pattern = linearPattern(value);
    if ('code' in pattern) {
      const field = jsonPath(['server', 'middleware', 'options', 'origin', ...(index === null ? [] : [index])]);
      throw new PlanError(field, problemText(pattern));
    }
    return new LinearRegExp(pattern);
  };
  if (Array.isArray(origin)) return origin.map(one);
  if (typeof origin === 'string') return one(origin, null);
  return origin;
}

/** The Express `cors` middleware on a bare handler: `next()` hands over to the plan's handler. */
function throughExpress(options: ExpressCorsOptions, call: MiddlewareCall): { status: number; headers: HeaderLines; body: string } {
  const set = new Map<string, [string, string]>();
  let status = 200;
  let ended = false;
  const res = {
    get statusCode() {
      return status;
    },
    set statusCode(value: number) {
      status = value;
    },
    getHeader: (name: string) => set.get(name.toLowerCase())?.[1],
    setHeader: (name: string, value: string | number) => void set.set(name.toLowerCase(), [name, String(value)]),
    end: () => void (ended = true),
  };
  let passed = false;
  // An explicit `origin: undefined` would override the package's default '*'.
  const origin = expressOrigin(options.origin);
  expressCors({ ...options, ...(origin === undefined ? {} : { origin }) })({ method: call.method, headers: call.headers }, res, () => void (passed = true));
  // The package ends a preflight with its own `Content-Length: 0`; framing is the server's (withServerLines), never sent twice.
  const lines: HeaderLines = [...set.values()].filter(([name]) => framingHeaderProblem(name) === null);
  if (passed) {
    for (const [name, value] of call.handler.headers) lines.push([name, value]);
    return { status: call.handler.status, headers: lines, body: call.handler.body };
  }
  // Neither answered nor passed on: never happens with static options, but say so rather than hang.
  if (!ended) return { status: 500, headers: [['Content-Type', 'text/plain; charset=utf-8']], body: 'cors middleware neither answered nor called next()' };
  return { status, headers: lines, body: '' };
}

/** The option each CORS response header comes from, to name it when its value can not go on the wire. */
const OPTION_OF: Record<string, { 'hono/cors': string; cors: string }> = {
  'access-control-allow-origin': { 'hono/cors': 'origin', cors: 'origin' },
  'access-control-allow-methods': { 'hono/cors': 'allowMethods', cors: 'methods' },
  'access-control-allow-headers': { 'hono/cors': 'allowHeaders', cors: 'allowedHeaders' },
  'access-control-expose-headers': { 'hono/cors': 'exposeHeaders', cors: 'exposedHeaders' },
};

/**
 * The middleware writes what its options and the request make (`{reflect}`,
 * an echoed Access-Control-Request-Headers): every line passes the one wire
 * check of headers.ts before anything is written, as a plan's own lines do.
 */
function checkLines(call: MiddlewareCall, lines: HeaderLines): void {
  for (const [name, value] of lines) {
    const problem = headerNameProblem(name) ?? headerValueProblem(value);
    if (!problem) continue;
    const option = OPTION_OF[name.toLowerCase()]?.[call.middleware.name];
    throw new PlanError(jsonPath(['server', 'middleware', 'options', ...(option ? [option] : [])]), `the middleware would send ${name}: ${problem}`);
  }
}

/** What the final origin sends for one middleware call, framing included. */
export async function runMiddleware(call: MiddlewareCall): Promise<RawReply> {
  const { middleware } = call;
  const out = middleware.name === 'hono/cors' ? await throughHono(middleware.options ?? {}, call) : throughExpress(middleware.options ?? {}, call);
  checkLines(call, out.headers);
  return { status: out.status, headers: withServerLines(out.headers, out.body, call.closesConnection), body: out.body };
}

/**
 * A planned answer with its middleware run: the reply and the journal entry
 * then show what really went out, or the 400 naming the option that could not.
 */
export async function completeAnswer(answer: PlannedAnswer): Promise<PlannedAnswer> {
  if (!answer.middleware) return answer;
  let reply: RawReply;
  try {
    reply = await runMiddleware(answer.middleware);
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    reply = planErrorReply(error);
  }
  return { ...answer, reply, entry: answer.entry ? { ...answer.entry, status: reply.status, responseHeaders: reply.headers } : null };
}
