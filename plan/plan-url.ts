/**
 * The server plan travels in the request URL, so the origins keep no policy
 * state and any number of runs share one lab without cross-talk (the
 * web-platform-tests way). Browser-safe: the client builds the same URLs.
 *
 *   /__cl/{run}/{hop}/{plan}{path}
 *
 * `run` names the run in the journal and makes every run's URL unique (so the
 * preflight cache, HTTP cache and path-scoped cookies of one run never touch
 * another); `hop` is the redirect hop the URL points at; `plan` is the
 * base64url JSON of the page origin and the server plan.
 */
import type { PageOrigin, ServerPlan } from '../format/schema.ts';
import { PLAN_PREFIX } from './routes.ts';
import { unguessableId } from './unguessable-id.ts';

export interface PlanPayload {
  page: PageOrigin;
  server: ServerPlan;
}

export class PlanUrlError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'PlanUrlError';
  }
}

const RUN_ID = /^[a-z0-9-]{1,64}$/;

const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text as unpadded base64url (RFC 4648 §5). */
export function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of UTF8_ENCODER.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The reverse of toBase64Url; throws on anything that is not base64url of UTF-8. */
export function fromBase64Url(token: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(token)) throw new Error('not base64url');
  const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
  // A plain loop: Uint8Array.from(string, fn) iterates the string and was the model's hottest line (bench).
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return UTF8_DECODER.decode(bytes);
}

export function encodePlan(payload: PlanPayload): string {
  return toBase64Url(JSON.stringify({ p: payload.page, s: payload.server }));
}

export function decodePlan(token: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(token)) throw new PlanUrlError('plan', 'plan is not base64url');
  let json: string;
  try {
    json = fromBase64Url(token);
  } catch {
    throw new PlanUrlError('plan', 'plan is not valid base64url UTF-8');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new PlanUrlError('plan', 'plan is not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || !('p' in raw) || !('s' in raw)) throw new PlanUrlError('plan', 'plan must hold "p" (page) and "s" (server)');
  return { page: raw.p, server: raw.s };
}

/** The path part of a planned URL (no origin). */
export function plannedPath(run: string, hop: number, token: string, path: string): string {
  return `${PLAN_PREFIX}${run}/${hop}/${token}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Splits a request path; returns null when it is not a planned URL. Throws PlanUrlError on a malformed one. */
export function parsePlannedPath(pathAndQuery: string): { run: string; hop: number; token: string; path: string } | null {
  if (!pathAndQuery.startsWith(PLAN_PREFIX)) return null;
  const rest = pathAndQuery.slice(PLAN_PREFIX.length);
  const [run = '', hopText = '', token = '', ...tail] = rest.split('/');
  if (!RUN_ID.test(run)) throw new PlanUrlError('run', `run id ${JSON.stringify(run)} must be 1-64 of a-z, 0-9 and "-"`);
  if (!/^\d{1,2}$/.test(hopText)) throw new PlanUrlError('hop', `hop ${JSON.stringify(hopText)} must be a number 0-99`);
  if (token === '') throw new PlanUrlError('plan', 'the plan is missing');
  return { run, hop: Number(hopText), token, path: `/${tail.join('/')}` };
}

/**
 * A fresh run id: unique per run, so nothing cached by another run applies,
 * and unguessable, so nobody else sharing the lab (a class) reads its journal.
 */
export function newRunId(): string {
  return unguessableId();
}
