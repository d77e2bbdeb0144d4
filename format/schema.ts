/**
 * The experiment format, version 1: the public contract
 * (`shared/experiment-format.md`) as a zod schema. Every other part of the
 * lab takes its types from here.
 */
import { PROTOCOLS } from './protocol.ts';
import { z } from 'zod';
import { ORIGIN_NAMES, isOriginName, type OriginName } from './origin-names.ts';
import { NULL_BODY_STATUSES, framingHeaderIssue, headerNameIssue, headerValueIssue, isToken, urlPathIssue, userinfoIssue } from './headers.ts';
import { middlewareSchema } from './middleware-options.ts';
import { originPatternIssues } from './origin-pattern.ts';
import { problemText, type Problem } from './problems/index.ts';
import { OUTCOMES, isReason, type Reason } from './reasons.ts';
import { ENGINES, type EngineName } from './engine-names.ts';
import { isFirefoxReason } from './firefox-reasons.ts';
import { isFirefoxCorpReason } from './firefox-corp.ts';
import { isFirefoxFrameReason } from './firefox-frame-lines.ts';
import { isWebKitReason } from './webkit-sentences.ts';
import { isSocketApi } from './sockets.ts';
import { CROSSORIGIN, PAGE_HEADER_NAMES, isElementApi, isPageHeaderName } from './embedding.ts';
import { sendingStepProblems } from './form-and-beacon-checks.ts';
import { frameProblems, targetOriginSchema, targetPageSchema } from './frame-schema.ts';
import { requestFieldProblems, takesBody } from './request-fields.ts';
import { POST_MESSAGE_VIA } from './frames.ts';
import { scriptBodyProblems } from './script-body.ts';
import { lengthProblem, listWithin, withinLength } from './limit-checks.ts';
import { isFrameApi, opensWindow } from './frames.ts';
import {
  MAX_ACCEPT_ORIGINS, MAX_ANSWER_BODY, MAX_BODY_BASE64_BYTES, MAX_COOKIES_PER_RESPONSE, MAX_EXPLAIN,
  MAX_FRAME_STEPS, MAX_HEADER_LINES, MAX_HEADER_NAME, MAX_HEADER_VALUE, MAX_ID, MAX_METHOD, MAX_NAME_LIST,
  MAX_PAGE_HEADER_LINES, MAX_PAGE_HEADER_VALUE, MAX_PATH, MAX_POPUP_STEPS, MAX_REDIRECTS, MAX_REQUEST_BODY,
  MAX_SOCKET_ACCEPT_ORIGINS, MAX_SOCKET_STEPS, MAX_STEP_DELAY_MS, MAX_STEPS, MAX_TITLE, MAX_TOTAL_DELAY_MS,
  type LimitUnit,
} from './limits.ts';
import { API, CREDENTIALS, LOCAL_NETWORK_ACCESS, MODES, REDIRECT_MODES, REDIRECT_STATUSES, REFERRER_POLICIES,
  TARGET_ADDRESS_SPACES, THIRD_PARTY_COOKIES } from './format-defaults.ts';

/**
 * A custom issue with its English text and, in `params.problem`, the problem
 * as data, so the playground can say it in the reader's language (validate.ts).
 */
function addProblem(ctx: z.RefinementCtx, problem: Problem, path?: PropertyKey[]): void {
  ctx.addIssue({ code: 'custom', message: problemText(problem), params: { problem }, ...(path ? { path } : {}) });
}

const originName = z
  .string()
  .superRefine((v, ctx) => {
    if (!isOriginName(v)) addProblem(ctx, { code: 'unknownOrigin', origin: v, known: ORIGIN_NAMES, orNull: false });
  })
  .transform((v) => v as OriginName);

/** An origin name, or "null" for a sandboxed (opaque-origin) page. */
const pageOrigin = z
  .string()
  .superRefine((v, ctx) => {
    if (v !== 'null' && !isOriginName(v)) addProblem(ctx, { code: 'unknownOrigin', origin: v, known: ORIGIN_NAMES, orNull: true });
  })
  .transform((v) => v as OriginName | 'null');

const headerValue = z.union([z.string(), z.array(z.string())], {
  error: 'a header value is a string, or an array of strings for repeated lines',
});

/** `{origin:NAME}` tokens must name a lab origin. */
function tokenIssue(value: string): Problem | null {
  for (const [, name = ''] of value.matchAll(/\{origin:([^}]*)\}/g)) {
    if (!isOriginName(name)) return { code: 'unknownOriginToken', name, known: ORIGIN_NAMES };
  }
  return null;
}

/** Bodies go on the wire as latin1 (one byte a character), bounded (limits.ts): the page's, or a planned answer's. */
const bodyOf = (max: number) => z.string().superRefine((v, ctx) => {
  if (!/^[\x00-\xff]*$/.test(v)) addProblem(ctx, { code: 'latin1Body' });
  else withinLength(max)(v, ctx);
});
const body = bodyOf(MAX_REQUEST_BODY);
const answerBody = bodyOf(MAX_ANSWER_BODY);

/**
 * Names and values are checked here so a bad one is named by its JSON path.
 * A server plan's headers may not hold framing (headers.ts); a request's may,
 * since the browser decides what it sends (forbidden request headers).
 */
/** A header value over its bound (limits.ts), or null. */
const valueLengthIssue = (value: string): Problem | null => lengthProblem(value, MAX_HEADER_VALUE);

/** The lines a header value is written as: one, or one for each element of an array. */
const lineCount = (value: string | string[]): number => (Array.isArray(value) ? value.length : 1);

const headerMapOf = (kind: 'request' | 'response') =>
  z.record(z.string(), headerValue).superRefine((headers, ctx) => {
    // Bounded first (limits.ts): a map of a million lines is refused in one problem, not checked line by line.
    const lines = Object.values(headers).reduce<number>((sum, value) => sum + lineCount(value), 0);
    if (lines > MAX_HEADER_LINES) {
      return addProblem(ctx, { code: 'tooMany', count: lines, max: MAX_HEADER_LINES, unit: 'lines' });
    }
    const cookieLines = Object.entries(headers).filter(([name]) => name.toLowerCase() === 'set-cookie');
    const cookies = cookieLines.reduce((sum, [, value]) => sum + lineCount(value), 0);
    if (kind === 'response' && cookies > MAX_COOKIES_PER_RESPONSE) {
      const problem = { code: 'tooMany', count: cookies, max: MAX_COOKIES_PER_RESPONSE, unit: 'cookies' } as const;
      addProblem(ctx, problem, [cookieLines[0]![0]]);
    }
    for (const [name, value] of Object.entries(headers)) {
      const nameProblem = name.length > MAX_HEADER_NAME
        ? { code: 'tooLong', length: name.length, max: MAX_HEADER_NAME } as const
        : headerNameIssue(name) ?? (kind === 'response' ? framingHeaderIssue(name) : null);
      if (nameProblem) addProblem(ctx, nameProblem, [name]);
      const values = Array.isArray(value) ? value : [value];
      values.forEach((one, i) => {
        const valueProblem = valueLengthIssue(one) ?? headerValueIssue(one) ?? tokenIssue(one);
        if (valueProblem) addProblem(ctx, valueProblem, Array.isArray(value) ? [name, i] : [name]);
      });
    }
  });
const headerMap = headerMapOf('request');
const responseHeaderMap = headerMapOf('response');

/** A string checked by one of the wire rules of headers.ts, its message kept. */
const wireString = (check: (value: string) => Problem | null) =>
  z.string().superRefine((value, ctx) => {
    const problem = check(value);
    if (problem) addProblem(ctx, problem);
  });

const status = (min: number, max: number) =>
  z.number({ error: 'status is a number' }).superRefine((v, ctx) => {
    if (!Number.isInteger(v)) addProblem(ctx, { code: 'statusWhole' });
    else if (v < min || v > max) addProblem(ctx, { code: 'statusRange', min, max });
  });


const method = z.string().superRefine((v, ctx) => {
  if (v.length > MAX_METHOD) withinLength(MAX_METHOD)(v, ctx);
  else if (!isToken(v)) addProblem(ctx, { code: 'method', method: v });
});

/** The request fields a `then` step may override: everything but where it goes. */
const requestOverrides = {
  api: z.enum(API).optional(),
  method: method.optional(),
  headers: headerMap.optional(),
  body: body.nullable().optional(),
  mode: z.enum(MODES).optional(),
  credentials: z.enum(CREDENTIALS).optional(),
  redirect: z.enum(REDIRECT_MODES).optional(),
  referrerPolicy: z.enum(REFERRER_POLICIES).optional(),
  /** Format 1.2: the element's `crossorigin` attribute (img, script, stylesheet); absent: a no-cors load. */
  crossorigin: z.enum(CROSSORIGIN, { error: `crossorigin is one of ${CROSSORIGIN.join(', ')}` }).optional(),
  /** Format 1.2, postMessage: the targetOrigin argument, "*", "/" or an origin (frame-schema.ts). */
  targetOrigin: targetOriginSchema.optional(),
  /** Format 1.2, window-open (and postMessage via window-open): open the popup with the `noopener` feature. */
  noopener: z.boolean({ error: 'noopener is true or false' }).optional(),
  /** Format 1.2, postMessage: post to a frame (`iframe`, default) or to a popup (`window-open`) (frame-schema.ts). */
  via: z.enum(POST_MESSAGE_VIA, { error: `via is one of ${POST_MESSAGE_VIA.join(', ')}` }).optional(),
};


const requestSchema = z.strictObject({
  ...requestOverrides,
  target: originName,
  targetAddressSpace: z.enum(TARGET_ADDRESS_SPACES, { error: `targetAddressSpace is one of ${TARGET_ADDRESS_SPACES.join(', ')}` }).optional(),
  /** The browser percent-encodes what a URL path may not hold; the server checks the path it receives (answer.ts). */
  path: z
    .string()
    .superRefine((v, ctx) => {
      if (!/^\/[^\s#]*$/.test(v)) addProblem(ctx, { code: 'requestPath' });
      else withinLength(MAX_PATH)(v, ctx);
    })
    .optional(),
});

/** Standard base64 whose bytes stay small enough for the plan in the URL. */
const bodyBase64 = z.string().superRefine((v, ctx) => {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v)) addProblem(ctx, { code: 'bodyBase64' });
  else if ((v.length / 4) * 3 - (v.match(/=+$/)?.[0].length ?? 0) > MAX_BODY_BASE64_BYTES) {
    addProblem(ctx, { code: 'bodyBase64Size', max: MAX_BODY_BASE64_BYTES });
  }
});

const answerSchema = z
  .strictObject({
    status: status(200, 599).optional(),
    headers: responseHeaderMap.optional(),
    body: answerBody.optional(),
    /** Format 1.2: the body as bytes (an image, a script in any encoding). */
    bodyBase64: bodyBase64.optional(),
    /** Format 1.2, frames: what the framed target page does, as data (frames.ts). */
    page: targetPageSchema.optional(),
  })
  .superRefine((answer, ctx) => {
    if (answer.body !== undefined && answer.bodyBase64 !== undefined) addProblem(ctx, { code: 'bodyAndBodyBase64' }, ['bodyBase64']);
    // A body after a 204, 205 or 304 is read by no client: on a keep-alive connection it would be taken for the next response.
    if (answer.status !== undefined && NULL_BODY_STATUSES.includes(answer.status) && (answer.body || answer.bodyBase64)) {
      addProblem(ctx, { code: 'nullBody', status: answer.status }, [answer.body ? 'body' : 'bodyBase64']);
    }
  });

const redirectSchema = z.strictObject({
  status: z.union(REDIRECT_STATUSES.map((s) => z.literal(s)), { error: `a redirect status is one of ${REDIRECT_STATUSES.join(', ')}` }).optional(),
  to: originName,
  headers: responseHeaderMap.optional(),
  /** Bounded first (limits.ts): it goes into the Location URL, as a path does. */
  userinfo: z.string().superRefine((value, ctx) => {
    if (value.length > MAX_PATH) return withinLength(MAX_PATH)(value, ctx);
    const problem = userinfoIssue(value);
    if (problem) addProblem(ctx, problem);
  }).optional(),
  /** Extension: the path of the next hop (default: the request's path). */
  path: wireString(urlPathIssue).superRefine(withinLength(MAX_PATH)).optional(),
});

/** An origin a server accepts (tokens such as `{page}` allowed), as long as a header value may be. */
const acceptedOrigin = z.string().superRefine((v, ctx) => {
  const problem = tokenIssue(v);
  if (problem) addProblem(ctx, problem);
  else withinLength(MAX_HEADER_VALUE)(v, ctx);
});

/** Format 1.2 `server.websocket`: `"any"`, or the origins (tokens such as `{page}` allowed) a handshake is accepted from. */
const websocketPlan = z.union([
  z.literal('any'),
  z.strictObject({
    acceptOrigins: z.array(acceptedOrigin).superRefine((list, ctx) => {
      if (list.length > MAX_SOCKET_ACCEPT_ORIGINS) {
        addProblem(ctx, { code: 'acceptOriginsCount', max: MAX_SOCKET_ACCEPT_ORIGINS });
      }
    }),
  }),
], { error: 'server.websocket is "any" or { "acceptOrigins": ["{page}", ...] }' });

export const serverSchema = z.strictObject({
  /** Format 1.2: whom a WebSocket handshake is accepted from (sockets.ts); absent: every handshake is refused. */
  websocket: websocketPlan.optional(),
  preflight: answerSchema.optional(),
  actual: answerSchema.optional(),
  redirects: z
    .array(redirectSchema)
    .superRefine((list, ctx) => {
      if (list.length > MAX_REDIRECTS) addProblem(ctx, { code: 'tooManyRedirects', max: MAX_REDIRECTS });
    })
    .optional(),
  /** Format 1.2 extension: the final origin answers 403 to a request whose Origin is not one of these (plan/origin-check.ts). */
  acceptOrigins: z
    .array(acceptedOrigin)
    .superRefine((list, ctx) => {
      if (list.length > MAX_ACCEPT_ORIGINS) addProblem(ctx, { code: 'acceptOriginsCount', max: MAX_ACCEPT_ORIGINS });
    })
    .optional(),
  /** Format 1.1: the final origin answers through this real middleware instead of the plan's CORS headers. */
  middleware: middlewareSchema
    .superRefine((middleware, ctx) => {
      // Origins in the options may use {page} and {origin:NAME}, which must name a lab origin; the
      // Express package's "/regex/" origins must be patterns the linear-time engine takes.
      const origin = middleware.options?.origin;
      const values = Array.isArray(origin) ? origin : typeof origin === 'string' ? [origin] : [];
      const patterns = middleware.name === 'cors' ? originPatternIssues(values) : new Map<number, Problem>();
      values.forEach((value, i) => {
        const problem = patterns.get(i) ?? tokenIssue(value);
        if (problem) addProblem(ctx, problem, Array.isArray(origin) ? ['options', 'origin', i] : ['options', 'origin']);
      });
    })
    .optional(),
});

const browserSchema = z.strictObject({
  thirdPartyCookies: z.enum(THIRD_PARTY_COOKIES, { error: `thirdPartyCookies is one of ${THIRD_PARTY_COOKIES.join(', ')}` }).optional(),
  localNetworkAccess: z.enum(LOCAL_NETWORK_ACCESS, { error: `localNetworkAccess is one of ${LOCAL_NETWORK_ACCESS.join(', ')}` }).optional(),
});

const reason = z
  .string()
  .superRefine((v, ctx) => {
    if (!isReason(v)) addProblem(ctx, { code: 'reason', reason: v });
  })
  .transform((v) => v as Reason);

const headerNameList = z.array(
  z.string().superRefine((v, ctx) => {
    if (v.length > MAX_HEADER_NAME) withinLength(MAX_HEADER_NAME)(v, ctx);
    else if (!isToken(v)) addProblem(ctx, { code: 'headerNameToken' });
  }),
).superRefine(listWithin(MAX_NAME_LIST, 'entries'));

const expectFields = {
  outcome: z.enum(OUTCOMES).optional(),
  reason: reason.nullable().optional(),
  preflight: z.boolean().optional(),
  reachedServer: z.boolean().optional(),
  status: z.number().int().nullable().optional(),
  responseType: z.enum(['basic', 'cors', 'opaque', 'opaqueredirect']).nullable().optional(),
  readableHeaders: headerNameList.optional(),
  hiddenHeaders: headerNameList.optional(),
  originSeen: z
    .string()
    .superRefine((v, ctx) => {
      const problem = tokenIssue(v);
      if (problem) addProblem(ctx, problem);
      else withinLength(MAX_HEADER_VALUE)(v, ctx);
    })
    .nullable()
    .optional(),
  requestHeadersSeen: z.string().superRefine(withinLength(MAX_HEADER_VALUE)).nullable().optional(),
  cookieSent: z.boolean().optional(),
  // Format 1.2: the status the final server answered the actual request with (server.acceptOrigins' 403).
  serverStatus: z.number().int().nullable().optional(),
  // Format 1.2: what the page saw of an element or of itself (embedding.ts); null: does not apply.
  loaded: z.boolean().nullable().optional(),
  canvasTainted: z.boolean().nullable().optional(),
  scriptErrorMuted: z.boolean().nullable().optional(),
  cssRulesReadable: z.boolean().nullable().optional(),
  crossOriginIsolated: z.boolean().nullable().optional(),
  sharedArrayBuffer: z.boolean().nullable().optional(),
  framed: z.boolean().nullable().optional(),
  domReadable: z.boolean().nullable().optional(),
  delivered: z.boolean().nullable().optional(),
  openerKept: z.boolean().nullable().optional(),
  opened: z.boolean().nullable().optional(),
  // Format 1.2: the HTTP version of the response (protocol.ts); null: the page got none.
  protocol: z.enum(PROTOCOLS).nullable().optional(),
};

/** An engine's reason, in its own vocabulary (format 1.2): Firefox's are MDN's names. */
const engineReason = (engine: EngineName, known: (value: string) => boolean) =>
  z
    .string()
    .superRefine((v, ctx) => {
      if (!known(v)) addProblem(ctx, { code: 'engineReason', engine, reason: v });
    })
    .nullable()
    .optional();

/**
 * Format 1.2 `expect.engines`: the fields where an engine's expectation differs from the main one.
 * WebKit's ids are the project's own, one per sentence (webkit-sentences.ts).
 */
const engineExpectations = z.strictObject({
  // Firefox's CORS reasons (MDN's names),
  // its CORP line (firefox-corp.ts), its frame refusals (firefox-frame-lines.ts).
  firefox: z.strictObject({
    ...expectFields,
    reason: engineReason('firefox', (v) => isFirefoxReason(v) || isFirefoxCorpReason(v) || isFirefoxFrameReason(v)),
  }).optional(),
  webkit: z.strictObject({ ...expectFields, reason: engineReason('webkit', isWebKitReason) }).optional(),
});

/**
 * Format 1.2: header lines of the lab's own page (COOP, COEP, CSP, CORP), nothing else, bounded; values pass
 * the wire rules (no CR or LF), so no line can smuggle another.
 */
export const pageHeadersSchema = z.record(z.string(), z.string({ error: 'a page header value is a string' })).superRefine((headers, ctx) => {
  const count = Object.keys(headers).length;
  if (count > MAX_PAGE_HEADER_LINES) {
    return addProblem(ctx, { code: 'tooMany', count, max: MAX_PAGE_HEADER_LINES, unit: 'lines' });
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!isPageHeaderName(name)) addProblem(ctx, { code: 'pageHeaderName', name, allowed: PAGE_HEADER_NAMES }, [name]);
    const problem = headerValueIssue(value);
    if (problem) addProblem(ctx, problem, [name]);
    else if (value.length > MAX_PAGE_HEADER_VALUE) addProblem(ctx, { code: 'pageHeaderSize', max: MAX_PAGE_HEADER_VALUE }, [name]);
  }
});

const expectSchema = z.strictObject({ ...expectFields, engines: engineExpectations.optional() });

/** Format 1.2 `engines`: where the experiment applies (default: every engine). */
const enginesSchema = z
  .array(z.enum(ENGINES, { error: `engines are ${ENGINES.join(', ')}` }))
  .min(1, `engines names at least one of ${ENGINES.join(', ')}`);


/**
 * The steps of one experiment that frame a page, open a window (a popup, or a form's: frames.ts) or open a socket,
 * and the delays of all its steps, bounded (limits.ts): `then` alone would let one experiment open 33 popups or
 * wait 33 times 6 s.
 */
interface StepApi {
  api?: string | undefined;
  via?: string | undefined;
}

function stepCountProblems(exp: {
  request: StepApi;
  then?: Array<{ delayMs?: number | undefined; request?: StepApi | undefined }> | undefined;
}): Array<{ problem: Problem; path: PropertyKey[] }> {
  const firstApi = exp.request.api ?? 'fetch';
  const steps = [
    { api: firstApi, via: exp.request.via },
    ...(exp.then ?? []).map(({ request }) => ({ api: request?.api ?? firstApi, via: request?.via ?? exp.request.via })),
  ];
  const bounds: Array<[count: number, max: number, unit: LimitUnit]> = [
    // Here, not in frames.ts: only the schema needs it, and frames.ts is in the playground's first load.
    [steps.filter((step) => isFrameApi(step.api) || opensWindow(step)).length, MAX_FRAME_STEPS, 'frameSteps'],
    [steps.filter(opensWindow).length, MAX_POPUP_STEPS, 'popupSteps'],
    [steps.filter((step) => isSocketApi(step.api)).length, MAX_SOCKET_STEPS, 'socketSteps'],
  ];
  const out = bounds
    .filter(([count, max]) => count > max)
    .map(([count, max, unit]): { problem: Problem; path: PropertyKey[] } => ({
      problem: { code: 'tooMany', count, max, unit }, path: ['then'],
    }));
  const total = (exp.then ?? []).reduce((sum, step) => sum + (step.delayMs ?? 0), 0);
  if (total > MAX_TOTAL_DELAY_MS) {
    out.push({ problem: { code: 'tooMany', count: total, max: MAX_TOTAL_DELAY_MS, unit: 'delay' }, path: ['then'] });
  }
  return out;
}

const stepSchema = z.strictObject({
  /** Extension: a label for the step in reports. */
  title: z.string().superRefine(withinLength(MAX_TITLE)).optional(),
  /** Extension (optional): the page origin this step runs on (default: the experiment's), e.g. a second site reading an HTTP-cached answer. */
  page: pageOrigin.optional(),
  /** Extension (optional): milliseconds to wait before this step, e.g. for a preflight-cache entry to expire. */
  delayMs: z
    .number({ error: 'delayMs is a number of milliseconds' })
    .int('delayMs is a whole number of milliseconds')
    .min(0, `delayMs must be 0-${MAX_STEP_DELAY_MS}`)
    .max(MAX_STEP_DELAY_MS, `delayMs must be 0-${MAX_STEP_DELAY_MS}`)
    .optional(),
  request: z.strictObject(requestOverrides, { error: 'then[].request may override api, method, headers, body, mode, credentials, redirect, referrerPolicy, crossorigin (the URL stays the same)' }).optional(),
  expect: expectSchema.optional(),
});

export const experimentSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id is kebab-case: lower-case letters, digits and single hyphens')
      .superRefine(withinLength(MAX_ID)),
    title: z.string().min(1, 'title is required').superRefine(withinLength(MAX_TITLE)),
    group: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'group is kebab-case').superRefine(withinLength(MAX_ID)),
    explain: z.string().superRefine(withinLength(MAX_EXPLAIN)).optional(),
    page: pageOrigin.optional(),
    browser: browserSchema.optional(),
    engines: enginesSchema.optional(),
    /** Format 1.2: response header lines of the page the experiment runs on. */
    pageHeaders: pageHeadersSchema.optional(),
    request: requestSchema,
    server: serverSchema.optional(),
    expect: expectSchema.optional(),
    then: z.array(stepSchema).superRefine(listWithin(MAX_STEPS, 'steps')).optional(),
  })
  .superRefine((exp, ctx) => {
    stepCountProblems(exp).forEach(({ problem, path }) => addProblem(ctx, problem, path));
    // A step that loads code takes no planned body (script-body.ts); the servers refuse it too (plan/answer.ts).
    scriptBodyProblems(exp).forEach(({ problem, path }) => addProblem(ctx, problem, path));
    const firstMethod = exp.request.method ?? (exp.request.api === 'beacon' ? 'POST' : 'GET');
    if (exp.request.body != null && takesBody(exp.request.api ?? 'fetch') && ['GET', 'HEAD'].includes(firstMethod.toUpperCase())) {
      addProblem(ctx, { code: 'bodyWithGet' }, ['request', 'body']);
    }
    // The attribute belongs to an element: a fetch or XHR step has none (its `mode` and `credentials` say it).
    const firstApi = exp.request.api ?? 'fetch';
    if (exp.request.crossorigin && !isElementApi(firstApi)) {
      addProblem(ctx, { code: 'crossoriginNotElement', api: firstApi }, ['request', 'crossorigin']);
    }
    frameProblems(exp).forEach(({ problem, path }) => addProblem(ctx, problem, path));
    requestFieldProblems(exp).forEach(({ problem, path }) => addProblem(ctx, problem, path));
    (exp.then ?? []).forEach((step, i) => {
      const api = step.request?.api ?? firstApi;
      if (step.request?.crossorigin && !isElementApi(api)) {
        addProblem(ctx, { code: 'crossoriginNotElement', api }, ['then', i, 'request', 'crossorigin']);
      }
    });
    // Format 1.2 form and beacon: only their method and Content-Type are the page's (form-and-beacon-checks.ts).
    const redirects = (exp.server?.redirects?.length ?? 0) > 0;
    const steps = [
      { at: ['request'], page: exp.page ?? 'app', request: exp.request, overrides: {} },
      // A step that changes none of api, method and headers repeats the first step's problems: said once, there.
      ...(exp.then ?? []).flatMap((step, i) => {
        const own = step.request;
        if (!own || (own.api === undefined && own.method === undefined && own.headers === undefined)) return [];
        return [{ at: ['then', i, 'request'], page: step.page ?? exp.page ?? 'app', request: exp.request, overrides: own }];
      }),
    ];
    for (const { at, page, request, overrides } of steps) {
      const merged = { ...request, ...overrides };
      // A beacon always POSTs: only a method its own step names is refused, not one a then step inherits.
      const api = merged.api ?? 'fetch';
      const method = api === 'beacon' && at[0] === 'then' ? overrides.method : merged.method;
      const sending = { api, method, headers: merged.headers };
      for (const { problem, path } of sendingStepProblems(sending, page, redirects)) addProblem(ctx, problem, [...at, ...path]);
    }
    // new WebSocket(url) and new EventSource(url) take no method, headers or body: a page cannot choose them.
    const socketSteps = [{ request: exp.request, at: ['request'] }, ...(exp.then ?? []).map((step, i) => ({ request: { ...exp.request, ...step.request }, at: ['then', i, 'request'] }))];
    for (const { request, at } of socketSteps) {
      const api = request.api ?? 'fetch';
      if (!isSocketApi(api)) continue;
      if ((request.method ?? 'GET').toUpperCase() !== 'GET') addProblem(ctx, { code: 'socketRequestField', api, field: 'method' }, [...at, 'method']);
      if (Object.keys(request.headers ?? {}).length > 0) addProblem(ctx, { code: 'socketRequestField', api, field: 'headers' }, [...at, 'headers']);
    }
  });

export type ExperimentInput = z.input<typeof experimentSchema>;
export type Experiment = z.output<typeof experimentSchema>;
export type ServerPlan = z.output<typeof serverSchema>;
export type Expectation = z.output<typeof expectSchema>;
export type ExperimentRequest = z.output<typeof requestSchema>;
export type RequestOverrides = NonNullable<z.output<typeof stepSchema>['request']>;
export type Step = z.output<typeof stepSchema>;
export type Redirect = z.output<typeof redirectSchema>;
export type PageOrigin = Experiment['page'] & string;

// The format's lists and defaults live apart, without zod, so the playground's first load need not bring zod.
export {
  API, MODES, CREDENTIALS, REDIRECT_MODES, REFERRER_POLICIES, REDIRECT_STATUSES, TARGET_ADDRESS_SPACES, THIRD_PARTY_COOKIES,
  LOCAL_NETWORK_ACCESS, SANDBOX_HOST, resolveRequest, pageOf, browserOf, appliesTo,
  type BrowserSettings, type ResolvedRequest,
} from './format-defaults.ts';
