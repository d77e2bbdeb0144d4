/**
 * Format 1.2, frames: the schema of `request.targetOrigin` and `server.actual.page`, and the rules that tie
 * them and `via` and `noopener` to their APIs (format/frames.ts). A problem names its field, as every other
 * rule of schema.ts.
 */
import { z } from 'zod';
import { isOriginName } from './origin-names.ts';
import { problemText, type Problem } from './problems/index.ts';
import { FRAME_APIS, isFrameApi, opensPopup } from './frames.ts';
import { MAX_ACCEPTED_ORIGINS, MAX_HEADER_VALUE } from './limits.ts';
import { lengthProblem } from './limit-checks.ts';

/** An origin as a message's `event.origin` shows it, or a lab token for one. */
function isOriginOrToken(value: string): boolean {
  if (value === '{page}') return true;
  const token = /^\{origin:([^}]*)\}$/.exec(value);
  if (token) return isOriginName(token[1] ?? '');
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
}

const issue = (ctx: z.RefinementCtx, problem: Problem, path?: PropertyKey[]): void =>
  ctx.addIssue({ code: 'custom', message: problemText(problem), params: { problem }, ...(path ? { path } : {}) });

/** An origin over the bound of a header value (limits.ts: `event.origin` is one), or null; checked first. */
const tooLong = (value: string): Problem | null => lengthProblem(value, MAX_HEADER_VALUE);

/**
 * postMessage's targetOrigin: "*" (any), "/" (the sender's own origin) or an origin; the browser throws a
 * SyntaxError for anything else. https://html.spec.whatwg.org/multipage/web-messaging.html#window-post-message-steps
 */
export const targetOriginSchema = z.string().superRefine((value, ctx) => {
  const long = tooLong(value);
  if (long) issue(ctx, long);
  else if (value !== '*' && value !== '/' && !isOriginOrToken(value)) issue(ctx, { code: 'targetOrigin', value });
});

export const targetPageSchema = z.strictObject({
  acceptMessagesFrom: z
    .union([z.literal('*'), z.array(z.string())], { error: 'acceptMessagesFrom is "*" or a list of origins' })
    .superRefine((value, ctx) => {
      if (value === '*') return;
      const listProblem: Problem = { code: 'acceptedOrigins', max: MAX_ACCEPTED_ORIGINS };
      if (value.length > MAX_ACCEPTED_ORIGINS) return issue(ctx, listProblem);
      // Each origin's length first, named by its index: the origin check parses a URL.
      const long = value.flatMap((origin, i) => {
        const problem = tooLong(origin);
        return problem ? [{ problem, i }] : [];
      });
      for (const { problem, i } of long) issue(ctx, problem, [i]);
      if (long.length === 0 && !value.every(isOriginOrToken)) issue(ctx, listProblem);
    })
    .optional(),
});

interface FrameRequestFields {
  api?: string | undefined;
  targetOrigin?: string | undefined;
  noopener?: boolean | undefined;
  via?: string | undefined;
}

interface FrameFields {
  request: FrameRequestFields;
  server?: { actual?: { page?: unknown; body?: string | undefined; bodyBase64?: string | undefined } | undefined } | undefined;
  then?: Array<{ request?: FrameRequestFields | undefined }> | undefined;
}

/** The frame fields used where they mean nothing, and a planned body for a page the lab serves itself. */
export function frameProblems(exp: FrameFields): Array<{ problem: Problem; path: PropertyKey[] }> {
  const out: Array<{ problem: Problem; path: PropertyKey[] }> = [];
  const firstApi = exp.request.api ?? 'fetch';
  const firstVia = exp.request.via;
  const first = { api: firstApi, via: firstVia, request: exp.request, path: ['request'] as PropertyKey[] };
  const steps = [first, ...(exp.then ?? []).map((step, i) => ({
    api: step.request?.api ?? firstApi,
    via: step.request?.via ?? firstVia,
    request: step.request ?? {},
    path: ['then', i, 'request'] as PropertyKey[],
  }))];
  for (const step of steps) {
    if (step.request.targetOrigin !== undefined && step.api !== 'postMessage') {
      out.push({ problem: { code: 'fieldApi', field: 'targetOrigin', apis: ['postMessage'], api: step.api }, path: [...step.path, 'targetOrigin'] });
    }
    if (step.request.via !== undefined && step.api !== 'postMessage') {
      const problem: Problem = { code: 'fieldApi', field: 'via', apis: ['postMessage'], api: step.api };
      out.push({ problem, path: [...step.path, 'via'] });
    }
    // noopener is a feature of window.open: a postMessage step takes it only when it opens a popup.
    if (step.request.noopener !== undefined && !opensPopup(step)) {
      const problem: Problem = step.api === 'postMessage'
        ? { code: 'noopenerFramed' }
        : { code: 'fieldApi', field: 'noopener', apis: ['window-open', 'postMessage'], api: step.api };
      out.push({ problem, path: [...step.path, 'noopener'] });
    }
  }
  const actual = exp.server?.actual;
  const framing = steps.some((s) => isFrameApi(s.api));
  if (actual?.page !== undefined && !framing) {
    out.push({ problem: { code: 'fieldApi', field: 'server.actual.page', apis: FRAME_APIS, api: firstApi }, path: ['server', 'actual', 'page'] });
  }
  if (framing && (actual?.body !== undefined || actual?.bodyBase64 !== undefined)) {
    out.push({ problem: { code: 'frameBody' }, path: ['server', 'actual', actual.body !== undefined ? 'body' : 'bodyBase64'] });
  }
  return out;
}
