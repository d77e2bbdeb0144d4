/**
 * Answers a planned request exactly as its plan says: preflights get
 * `preflight`, a hop before the last gets its redirect, the last hop gets
 * `actual`. Pure: takes the request, returns the raw reply and the journal
 * entry; the transports (Hono, the unknown-method fallback) write it.
 */
import { NULL_BODY_STATUSES, headerLines, headerNameProblem, headerValueProblem, urlPathProblem, type HeaderLines, type HeaderMap } from '../format/headers.ts';
import type { MiddlewarePlan } from '../format/middleware-options.ts';
import type { PageOrigin, ServerPlan } from '../format/schema.ts';
import { jsonPath } from '../format/experiment-error.ts';
import { cookieBoundsProblem } from './cookie-scope.ts';
import type { JournalEntry } from './journal-entry.ts';
import { destinationOf, elementBody, withContentType } from './element-bodies.ts';
import { TARGET_PAGE_CSP, acceptedOrigins, isNavigation, targetPage } from './target-page.ts';
import { limitLastingHeaders, type WithheldLine } from './lasting-headers.ts';
import { isOriginName, unknownOriginMessage, type OriginMap, type OriginName } from './origins.ts';
import { serializedPageOrigin } from './page-origin.ts';
import { PlanUrlError, decodePlan, parsePlannedPath, plannedPath } from './plan-url.ts';
import { originRefusal } from './origin-check.ts';
import { handshakeReply, handshakeVerdict, isWebSocketHandshake } from './websocket-handshake.ts';

export interface IncomingRequest {
  method: string;
  /** Path and query as on the request line. */
  target: string;
  /** Lower-case names. */
  headers: Record<string, string | undefined>;
  /** The transport closes the connection after this reply (the raw-packet path), so the reply says `Connection: close`. */
  closesConnection?: boolean;
  /** The model asks (predict.ts): a browser's WebSocket handshake, whose key it does not make up. */
  predicted?: boolean;
}

export interface RawReply {
  status: number;
  headers: HeaderLines;
  body: string;
}

/**
 * The final origin of a plan with `server.middleware` answers through that
 * real middleware. The middleware is asynchronous (hono/cors awaits), so this
 * pure, synchronous module only says what to call it with; the server
 * (origin-app.ts) and the model (predict.ts) run it with
 * plan/middleware/run-middleware.ts.
 */
export interface MiddlewareCall {
  /** Options with `{page}` and `{origin:NAME}` expanded. */
  middleware: MiddlewarePlan;
  method: string;
  /** Lower-case names: what the middleware reads (Origin, Access-Control-Request-*). */
  headers: Record<string, string>;
  /** What the route handler behind the middleware answers: the plan's answer without its CORS lines. */
  handler: RawReply;
  /** The reply ends the connection (see withServerLines). */
  closesConnection: boolean;
}

export interface PlannedAnswer {
  reply: RawReply;
  run: string | null;
  entry: Omit<JournalEntry, 'seq' | 'time'> | null;
  /** Set when the reply must come from a middleware: `reply` is then only a stand-in. */
  middleware?: MiddlewareCall;
}

export class PlanError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

/**
 * The lab's own JSON answers (errors, journal). ASCII only, non-ASCII escaped,
 * so the latin1 write keeps every character and Content-Length is the byte
 * count; framed by length, never chunked, like every reply of the lab.
 */
export function jsonReply(status: number, value: unknown): RawReply {
  const body = JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return {
    status,
    headers: [
      ['Content-Type', 'application/json; charset=utf-8'],
      ['Access-Control-Allow-Origin', '*'],
      ['Content-Length', String(body.length)],
    ],
    body,
  };
}

/** 400 JSON naming the field, for any plan the server cannot follow. */
export function planErrorReply(error: PlanError | PlanUrlError): RawReply {
  return jsonReply(400, { error: `${error.field}: ${error.message}`, field: error.field });
}

/**
 * A preflight is an OPTIONS request carrying Access-Control-Request-Method.
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
export function isPreflight(request: IncomingRequest): boolean {
  return request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
}

function validPlan(raw: unknown, serverPlan: AnswerContext['serverPlan']): { page: PageOrigin; server: ServerPlan } {
  const { page, server } = raw as { page: unknown; server: unknown };
  if (page !== 'null' && !(typeof page === 'string' && isOriginName(page))) throw new PlanError('page', `${unknownOriginMessage(page)}, or "null"`);
  return { page, server: serverPlan(server) };
}

const TOKEN = /\{(page|reflect|origin:([^}]*))\}/g;

/** Expands `{page}`, `{reflect}` and `{origin:NAME}` in one header value. */
export function expandTokens(value: string, field: string, context: { page: PageOrigin; origins: OriginMap; requestOrigin: string | undefined }): string {
  return value.replace(TOKEN, (_match, token: string, name: string | undefined) => {
    if (token === 'page') return serializedPageOrigin(context.page, context.origins);
    if (token === 'reflect') return context.requestOrigin ?? '';
    if (name !== undefined && isOriginName(name)) return context.origins[name];
    throw new PlanError(field, `{origin:${name}}: ${unknownOriginMessage(name ?? '')}`);
  });
}

/** The header lines to send, tokens expanded, each checked again after expansion. */
export function emitHeaders(headers: HeaderMap | undefined, field: readonly PropertyKey[], context: Parameters<typeof expandTokens>[2]): HeaderLines {
  return headerLines(headers).map(([name, value]) => {
    const where = jsonPath([...field, name]);
    const nameProblem = headerNameProblem(name);
    if (nameProblem) throw new PlanError(where, nameProblem);
    const expanded = expandTokens(value, where, context);
    const valueProblem = headerValueProblem(expanded);
    if (valueProblem) throw new PlanError(where, valueProblem);
    return [name, expanded];
  });
}

function hasHeader(lines: HeaderLines, name: string): boolean {
  return lines.some(([n]) => n.toLowerCase() === name);
}

/** The keep-alive time the servers announce (and enforce: lab.ts). */
export const KEEP_ALIVE_SECONDS = 5;

/**
 * Sent on every planned response: a planned URL opened as a document (any
 * site can navigate to one) runs no script and gets an opaque origin, so a
 * plan serving `text/html` cannot act with a lab origin (drive the runner
 * pages, read the journal, set the lab's cookies). Fetch and XHR ignore it,
 * so no CORS result changes. https://www.w3.org/TR/CSP3/#directive-sandbox
 */
export const PLANNED_RESPONSE_CSP: readonly [name: string, value: string] = ['Content-Security-Policy', 'sandbox'];

/**
 * Adds the lines the server owns: the sandbox policy, a Content-Type the plan
 * left out, and the framing (plans may not send framing: headers.ts). These
 * are all the lines that go on the wire (Node adds none: no Date), so the
 * journal and the model know every header a page could read.
 * Bodies go out as latin1: one byte a character.
 */
/** Whether the reply ends the connection: the transport says so, or the client asked. */
function closes(request: IncomingRequest): boolean {
  return request.closesConnection === true || request.headers.connection?.toLowerCase() === 'close';
}

export function withServerLines(
  lines: HeaderLines,
  body: string,
  closesConnection: boolean,
  policy: readonly [string, string] = PLANNED_RESPONSE_CSP,
): HeaderLines {
  const out: HeaderLines = [...lines, [...policy]];
  if (body !== '' && !hasHeader(out, 'content-type')) out.push(['Content-Type', 'text/plain; charset=utf-8']);
  out.push(['Content-Length', String(body.length)]);
  if (closesConnection) out.push(['Connection', 'close']);
  else out.push(['Connection', 'keep-alive'], ['Keep-Alive', `timeout=${KEEP_ALIVE_SECONDS}`]);
  return out;
}

export interface AnswerContext {
  self: OriginName;
  origins: OriginMap;
  /**
   * Why this request of `run` may not receive the plan's lasting headers (cookies and the like,
   * lasting-headers.ts), or null when it may: the servers ask run-ids.ts (an id this lab issued,
   * and a fetch() or XHR); the model predicts the run's own fetch, so it answers null. Absent:
   * no request may (default deny).
   */
  notRunFetch?: (run: string, request: IncomingRequest) => string | null;
  /**
   * The plan's `server` part, checked: the servers check every plan from the network with the schema
   * (plan-check.ts, a PlanError naming the field); the model answers the plan of an experiment already
   * checked, in the playground without downloading the schema (zod) for it.
   */
  serverPlan: (server: unknown) => ServerPlan;
}

/** Why a request gets no lasting header when the transport did not say. */
const UNCHECKED = 'the lab did not check that the request is a run\'s own fetch';

/** Returns null when the target is not a planned URL (another route serves it). */
export function answerPlanned(request: IncomingRequest, context: AnswerContext): PlannedAnswer | null {
  let parts: ReturnType<typeof parsePlannedPath>;
  try {
    parts = parsePlannedPath(request.target);
  } catch (error) {
    if (error instanceof PlanUrlError) return { reply: planErrorReply(error), run: null, entry: null };
    throw error;
  }
  if (!parts) return null;
  let reply: RawReply;
  let middleware: MiddlewareCall | undefined;
  const withheld: WithheldLine[] = [];
  try {
    const plan = validPlan(decodePlan(parts.token), context.serverPlan);
    const notRunFetch = context.notRunFetch ? context.notRunFetch(parts.run, request) : UNCHECKED;
    const lasting = (lines: HeaderLines, field: readonly PropertyKey[]): HeaderLines => {
      const cookies = lines.filter(([name]) => name.toLowerCase() === 'set-cookie');
      const bounds = cookieBoundsProblem(cookies.map(([, value]) => value));
      if (bounds) throw new PlanError(jsonPath([...field, cookies[0]![0]]), bounds);
      const limited = limitLastingHeaders(lines, parts.run, notRunFetch, Date.now());
      withheld.push(...limited.withheld);
      return limited.lines;
    };
    const planned = planReply(request, parts, plan, context, lasting);
    if ('middleware' in planned) {
      middleware = planned;
      reply = jsonReply(501, { error: `the middleware ${planned.middleware.name} did not answer ${request.method}` });
    } else reply = planned;
  } catch (error) {
    if (error instanceof PlanError || error instanceof PlanUrlError) reply = planErrorReply(error);
    else throw error;
  }
  const h = request.headers;
  return {
    reply,
    ...(middleware ? { middleware } : {}),
    run: parts.run,
    entry: {
      origin: context.self,
      kind: isPreflight(request) ? 'preflight' : 'actual',
      method: request.method,
      path: parts.path,
      hop: parts.hop,
      requestHeaders: Object.fromEntries(Object.entries(h).filter((e): e is [string, string] => e[1] !== undefined)),
      originHeader: h.origin ?? null,
      accessControlRequestMethod: h['access-control-request-method'] ?? null,
      accessControlRequestHeaders: h['access-control-request-headers'] ?? null,
      referer: h.referer ?? null,
      cookie: h.cookie ?? null,
      status: reply.status,
      responseHeaders: reply.headers,
      ...(withheld.length ? { withheld } : {}),
    },
  };
}

/**
 * Destinations whose answer the browser runs as code with the origin of the page that asked (or of a worker it
 * starts): a script, a module, a worker, a worklet. https://fetch.spec.whatwg.org/#request-destination-script-like
 */
export const SCRIPT_LIKE_DESTINATIONS: ReadonlySet<string> = new Set([
  'script', 'worker', 'sharedworker', 'serviceworker', 'audioworklet', 'paintworklet', 'xslt',
]);

/**
 * A planned body is never served as code. The page that runs it is the runner page of a lab origin, and `app`'s
 * is a frame of the playground, on the playground's own origin: a shared link's `body` would run its author's code
 * there (every run's journal, with the `Cookie` lines of localhost; the page itself). A script without a planned
 * body gets the lab's own (element-bodies.ts), which only throws. The model asks with the same destination
 * (predict.ts), so it predicts the same 400, and the load fails as a script answered with 400 does.
 */
function refuseScriptBody(request: IncomingRequest, answer: { body?: string; bodyBase64?: string }): void {
  const destination = destinationOf(request.headers);
  if (destination === undefined || !SCRIPT_LIKE_DESTINATIONS.has(destination)) return;
  const field = answer.body !== undefined ? 'body' : answer.bodyBase64 !== undefined ? 'bodyBase64' : null;
  if (field === null) return;
  const why = `a planned body is never served as a script (Sec-Fetch-Dest: ${destination}): it would run with a lab ` +
    'origin, the playground\'s own for app; leave it out and the lab answers with its own script, which only throws';
  throw new PlanError(jsonPath(['server', 'actual', field]), why);
}

/** Applies lasting-headers.ts to the planned lines of one reply; throws PlanError for too many or too large cookies. */
type LastingFilter = (lines: HeaderLines, field: readonly PropertyKey[]) => HeaderLines;

function planReply(
  request: IncomingRequest,
  parts: { run: string; hop: number; token: string; path: string },
  plan: { page: PageOrigin; server: ServerPlan },
  context: AnswerContext,
  lasting: LastingFilter,
): RawReply | MiddlewareCall {
  const tokens = { page: plan.page, origins: context.origins, requestOrigin: request.headers.origin };
  const redirects = plan.server.redirects ?? [];
  const emit = (headers: HeaderMap | undefined, field: readonly PropertyKey[]): HeaderLines => lasting(emitHeaders(headers, field, tokens), field);
  if (!isPreflight(request) && parts.hop >= redirects.length) {
    // Format 1.2 `acceptOrigins`: the final origin's own Origin check, before any handler (origin-check.ts).
    const accepted = plan.server.acceptOrigins?.map((o, i) => expandTokens(o, jsonPath(['server', 'acceptOrigins', i]), tokens));
    const refused = originRefusal(accepted, request.headers.origin);
    if (refused) return { ...refused, headers: withServerLines(refused.headers, refused.body, closes(request)) };
  }
  // Format 1.2: the final hop answers a WebSocket handshake from `server.websocket` (websocket-handshake.ts).
  if (isWebSocketHandshake(request.headers) && parts.hop >= redirects.length) {
    const expand = (value: string): string => expandTokens(value, 'server.websocket.acceptOrigins', tokens);
    return handshakeReply(handshakeVerdict(request.headers, plan.server.websocket, expand, !request.predicted), jsonReply);
  }
  if (plan.server.middleware && parts.hop >= redirects.length) return middlewareCall(request, plan, tokens, emit);
  if (isPreflight(request)) {
    const answer = plan.server.preflight ?? {};
    const body = answer.body ?? '';
    return { status: answer.status ?? 204, headers: withServerLines(emit(answer.headers, ['server', 'preflight', 'headers']), body, closes(request)), body };
  }
  const redirect = redirects[parts.hop];
  if (redirect) {
    const next = new URL(context.origins[redirect.to]);
    if (redirect.userinfo) {
      const colon = redirect.userinfo.indexOf(':');
      next.username = colon < 0 ? redirect.userinfo : redirect.userinfo.slice(0, colon);
      if (colon >= 0) next.password = redirect.userinfo.slice(colon + 1);
    }
    next.pathname = '/';
    // The request's own path is checked like a planned one: it goes into the Location too.
    const pathField = redirect.path === undefined ? 'path' : jsonPath(['server', 'redirects', parts.hop, 'path']);
    const pathProblem = urlPathProblem(redirect.path ?? parts.path);
    if (pathProblem) throw new PlanError(pathField, pathProblem);
    const location = `${next.href.replace(/\/$/, '')}${plannedPath(parts.run, parts.hop + 1, parts.token, redirect.path ?? parts.path)}`;
    const locationProblem = headerValueProblem(location);
    if (locationProblem) throw new PlanError(pathField, `the Location built from it: ${locationProblem}`);
    const headers = emit(redirect.headers, ['server', 'redirects', parts.hop, 'headers']);
    if (!hasHeader(headers, 'location')) headers.push(['Location', location]);
    return { status: redirect.status ?? 302, headers: withServerLines(headers, '', closes(request)), body: '' };
  }
  const answer = plan.server.actual ?? {};
  refuseScriptBody(request, answer);
  const status = answer.status ?? 200;
  const lines = emit(answer.headers, ['server', 'actual', 'headers']);
  // Format 1.2: bytes as latin1 (one byte a character); an element load without a planned body gets its default.
  const planned = answer.body ?? (answer.bodyBase64 === undefined ? undefined : atob(answer.bodyBase64));
  const element = planned === undefined && !NULL_BODY_STATUSES.includes(status) ? elementBody(destinationOf(request.headers)) : null;
  if (element) return { status, headers: withServerLines(withContentType(lines, element.contentType), element.body, closes(request)), body: element.body };
  // Format 1.2, frames: a navigation (a frame, a popup) without a planned body gets the lab's own target page.
  if (planned === undefined && !NULL_BODY_STATUSES.includes(status) && isNavigation(destinationOf(request.headers))) {
    const page = targetPage(acceptedOrigins(answer.page, plan.page, context.origins));
    return { status, headers: withServerLines(withContentType(lines, 'text/html; charset=utf-8'), page, closes(request), TARGET_PAGE_CSP), body: page };
  }
  const body = planned ?? (NULL_BODY_STATUSES.includes(status) ? '' : `cors-lab: ${context.self} answered`);
  return { status, headers: withServerLines(lines, body, closes(request)), body };
}

/** The route behind the middleware answers as the plan says, minus the CORS headers the middleware now owns. */
function middlewareCall(
  request: IncomingRequest,
  plan: { page: PageOrigin; server: ServerPlan },
  tokens: Parameters<typeof expandTokens>[2],
  emit: (headers: HeaderMap | undefined, field: readonly PropertyKey[]) => HeaderLines,
): MiddlewareCall {
  const middleware = plan.server.middleware as MiddlewarePlan;
  const answer = (isPreflight(request) ? plan.server.preflight : plan.server.actual) ?? {};
  if (!isPreflight(request)) refuseScriptBody(request, answer);
  const where = ['server', isPreflight(request) ? 'preflight' : 'actual', 'headers'];
  const lines = emit(answer.headers, where).filter(([name]) => !name.toLowerCase().startsWith('access-control-'));
  const status = answer.status ?? (isPreflight(request) ? 204 : 200);
  const body = answer.body ?? (isPreflight(request) || NULL_BODY_STATUSES.includes(status) ? '' : 'cors-lab: answered behind the middleware');
  const expand = (value: string, field: string): string => expandTokens(value, jsonPath(['server', 'middleware', 'options', field]), tokens);
  const options = middleware.options ?? {};
  const origin = options.origin;
  const expandedOrigin = typeof origin === 'string' ? expand(origin, 'origin') : Array.isArray(origin) ? origin.map((o) => expand(o, 'origin')) : origin;
  const headers = Object.fromEntries(Object.entries(request.headers).filter((e): e is [string, string] => e[1] !== undefined));
  return {
    middleware: { ...middleware, options: { ...options, ...(expandedOrigin === undefined ? {} : { origin: expandedOrigin }) } } as MiddlewarePlan,
    method: request.method,
    headers,
    handler: { status, headers: lines, body },
    closesConnection: closes(request),
  };
}
