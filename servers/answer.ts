/**
 * Answers a planned request exactly as its plan says: preflights get
 * `preflight`, a hop before the last gets its redirect, the last hop gets
 * `actual`. Pure: takes the request, returns the raw reply and the journal
 * entry; the transports (Hono, the unknown-method fallback) write it.
 */
import { headerLines, headerNameProblem, headerValueProblem, urlPathProblem, type HeaderLines, type HeaderMap } from '../experiments/headers.ts';
import { serverSchema, type PageOrigin, type ServerPlan } from '../experiments/schema.ts';
import { issueMessage, jsonPath } from '../experiments/validate.ts';
import type { JournalEntry } from './journal.ts';
import { isOriginName, unknownOriginMessage, type OriginMap, type OriginName } from './origins.ts';
import { PlanUrlError, decodePlan, parsePlannedPath, plannedPath } from './plan-url.ts';

export interface IncomingRequest {
  method: string;
  /** Path and query as on the request line. */
  target: string;
  /** Lower-case names. */
  headers: Record<string, string | undefined>;
  /** The transport closes the connection after this reply (the raw-packet path), so the reply says `Connection: close`. */
  closesConnection?: boolean;
}

export interface RawReply {
  status: number;
  headers: HeaderLines;
  body: string;
}

export interface PlannedAnswer {
  reply: RawReply;
  run: string | null;
  entry: Omit<JournalEntry, 'seq' | 'time'> | null;
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

function validPlan(raw: unknown): { page: PageOrigin; server: ServerPlan } {
  const { page, server } = raw as { page: unknown; server: unknown };
  if (page !== 'null' && !(typeof page === 'string' && isOriginName(page))) throw new PlanError('page', `${unknownOriginMessage(page)}, or "null"`);
  const parsed = serverSchema.safeParse(server);
  const issue = parsed.error?.issues[0];
  if (issue) throw new PlanError(jsonPath(['server', ...issue.path]), issueMessage(issue));
  if (!parsed.success) throw new PlanError('server', 'invalid');
  return { page, server: parsed.data };
}

const TOKEN = /\{(page|reflect|origin:([^}]*))\}/g;

/** Expands `{page}`, `{reflect}` and `{origin:NAME}` in one header value. */
export function expandTokens(value: string, field: string, context: { page: PageOrigin; origins: OriginMap; requestOrigin: string | undefined }): string {
  return value.replace(TOKEN, (_match, token: string, name: string | undefined) => {
    if (token === 'page') return context.page === 'null' ? 'null' : context.origins[context.page];
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
function withServerLines(lines: HeaderLines, body: string, request: IncomingRequest): HeaderLines {
  const out: HeaderLines = [...lines, [...PLANNED_RESPONSE_CSP]];
  if (body !== '' && !hasHeader(out, 'content-type')) out.push(['Content-Type', 'text/plain; charset=utf-8']);
  out.push(['Content-Length', String(body.length)]);
  if (request.closesConnection || request.headers.connection?.toLowerCase() === 'close') out.push(['Connection', 'close']);
  else out.push(['Connection', 'keep-alive'], ['Keep-Alive', `timeout=${KEEP_ALIVE_SECONDS}`]);
  return out;
}

export interface AnswerContext {
  self: OriginName;
  origins: OriginMap;
}

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
  try {
    const plan = validPlan(decodePlan(parts.token));
    reply = planReply(request, parts, plan, context);
  } catch (error) {
    if (error instanceof PlanError || error instanceof PlanUrlError) reply = planErrorReply(error);
    else throw error;
  }
  const h = request.headers;
  return {
    reply,
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
    },
  };
}

function planReply(
  request: IncomingRequest,
  parts: { run: string; hop: number; token: string; path: string },
  plan: { page: PageOrigin; server: ServerPlan },
  context: AnswerContext,
): RawReply {
  const tokens = { page: plan.page, origins: context.origins, requestOrigin: request.headers.origin };
  const redirects = plan.server.redirects ?? [];
  if (isPreflight(request)) {
    const answer = plan.server.preflight ?? {};
    const body = answer.body ?? '';
    return { status: answer.status ?? 204, headers: withServerLines(emitHeaders(answer.headers, ['server', 'preflight', 'headers'], tokens), body, request), body };
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
    const headers = emitHeaders(redirect.headers, ['server', 'redirects', parts.hop, 'headers'], tokens);
    if (!hasHeader(headers, 'location')) headers.push(['Location', location]);
    return { status: redirect.status ?? 302, headers: withServerLines(headers, '', request), body: '' };
  }
  const answer = plan.server.actual ?? {};
  const body = answer.body ?? `cors-lab: ${context.self} answered`;
  return { status: answer.status ?? 200, headers: withServerLines(emitHeaders(answer.headers, ['server', 'actual', 'headers'], tokens), body, request), body };
}
