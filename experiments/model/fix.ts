/**
 * The complete fix of a blocked experiment: every header (and status) change,
 * on every response that needs one (the preflight, the actual answer, each
 * redirect hop), that makes every step allowed. Found by the model itself:
 * predict, read the check that stopped the request (trace.ts), change that
 * response, predict again, until every step is allowed. Where no response
 * header can help (the page refuses the method, the request mode, a redirect
 * mode, userinfo in Location, Local Network Access...) the fix says why and
 * what would help instead.
 */
import { headerLines, isToken } from '../../format/headers.ts';
import { pageOf, resolveRequest } from '../../format/format-defaults.ts';
import type { Experiment, ServerPlan } from '../../format/schema.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { predictExperiment } from './predict.ts';
import type { StepPrediction } from './prediction.ts';
import { getDecodeSplit } from './header-list.ts';
import { failedCheck, type Check } from './trace.ts';
import { MiddlewareReplies } from './middleware-replies.ts';
import { middlewareChanges, withOptions, type OptionValue } from './middleware-fix.ts';
import { modelMessages, type ModelMessages } from './messages/index.ts';
import { NO_HEADER_HELP_REASONS, type FixTarget, type NoHeaderHelpReason } from './messages/model-messages.ts';
import type { Language } from '../../format/i18n/languages.ts';
import { frameChanges, messageFix } from './frame-fix.ts';
import { eventStreamProblem } from './socket-model.ts';
import { ResponseHeaders } from './response-headers.ts';
import { EVENT_STREAM } from '../../format/sockets.ts';

/** A response of the server plan: the preflight answer (every hop), the final answer, or redirect hop `index`. */
export type PlanResponse = FixTarget;

export interface FixChange {
  response: PlanResponse;
  /** A header to send (value) or to drop (null); or, with `status`, the status to answer with. */
  header?: string;
  value?: string | null;
  status?: number;
  /** For a server answering through `server.middleware`: the option to set, as JSON. */
  option?: { middleware: string; name: string; value: OptionValue };
  /** Why, in one line. */
  why: string;
}

export interface Fix {
  /** The changes, in the order the model found them; empty when nothing is blocked or nothing can help. */
  changes: FixChange[];
  /** Why no header change makes the request allowed, and what would; null when `changes` suffice. */
  impossible: string | null;
  /**
   * The page's own Content-Security-Policy refused the request before sending: `impossible` is the change to that
   * policy, and already says that no header of the server lifts it (so it is shown once, not after "no header").
   */
  pagePolicy?: true;
}

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';
const ACAM = 'Access-Control-Allow-Methods';
const ACAH = 'Access-Control-Allow-Headers';

/** The plan's response a check is about: the preflight answer, a redirect hop, or the final answer. */
function responseOf(check: Check, finalHop: number): PlanResponse {
  if (check.stage === 'preflight') return { kind: 'preflight' };
  return check.hop < finalHop ? { kind: 'redirect', index: check.hop } : { kind: 'actual' };
}

function sameResponse(a: PlanResponse, b: PlanResponse): boolean {
  return a.kind === b.kind && (a.kind !== 'redirect' || (b.kind === 'redirect' && a.index === b.index));
}

/** The plan's header lines of one response (values as written, tokens unexpanded). */
function planHeaders(server: ServerPlan, response: PlanResponse): Record<string, string | string[]> {
  if (response.kind === 'redirect') return server.redirects?.[response.index]?.headers ?? {};
  return server[response.kind]?.headers ?? {};
}

function planValue(server: ServerPlan, response: PlanResponse, name: string): string | undefined {
  const lines = headerLines(planHeaders(server, response)).filter(([n]) => n.toLowerCase() === name.toLowerCase());
  return lines.length ? lines.map(([, v]) => v).join(', ') : undefined;
}

/** The Access-Control-Allow-Origin value for a request that carried `origin`, from a page at `pageOrigin`. */
function allowOriginValue(origin: string | null, pageOrigin: string, include: boolean): string {
  if (origin !== null && origin !== 'null' && origin === pageOrigin) return '{page}';
  // A tainted or opaque origin serializes as "null": `*` without credentials, the literal otherwise.
  return include ? 'null' : '*';
}

/** The list `value` holds plus `wanted`, keeping what was valid; `*` is kept only where it works. */
function mergedList(value: string | undefined, wanted: readonly string[], keepWildcard: boolean): string {
  // https://fetch.spec.whatwg.org/#concept-header-list-get-decode-split, as the browser reads the list.
  const kept = (value === undefined ? [] : getDecodeSplit(value)).filter((v) => v !== '' && isToken(v) && (keepWildcard || v !== '*'));
  const lower = kept.map((v) => v.toLowerCase());
  return [...kept, ...wanted.filter((w) => !lower.includes(w.toLowerCase()))].join(', ');
}

function firstBlocked(steps: readonly StepPrediction[]): { step: StepPrediction; index: number } | undefined {
  const index = steps.findIndex((s) => s.outcome === 'blocked');
  return index < 0 ? undefined : { step: steps[index] as StepPrediction, index };
}

/** Whether step `index` of the experiment is sent with credentials mode "include" (XHR: withCredentials). */
function credentialsInclude(experiment: Experiment, index: number): boolean {
  return resolveRequest(experiment.request, index === 0 ? undefined : experiment.then?.[index - 1]?.request).credentials === 'include';
}

/** The changes that get past one failed check, or a reason none can. */
/** Blocks no response header can lift: the fix says why, and what would help instead. */
function noHeaderHelps(reason: string): reason is NoHeaderHelpReason {
  return (NO_HEADER_HELP_REASONS as readonly string[]).includes(reason);
}

function changesFor(
  step: StepPrediction, index: number, check: Check, experiment: Experiment, pageOrigin: string, done: readonly FixChange[], say: ModelMessages,
  lang: Language,
): FixChange[] | string {
  const server = experiment.server ?? {};
  const finalHop = server.redirects?.length ?? 0;
  const response = responseOf(check, finalHop);
  const include = credentialsInclude(experiment, index);
  const request = step.requests.filter((r) => r.hop === check.hop && r.kind === (check.stage === 'preflight' ? 'preflight' : 'actual')).at(-1);
  const reason = step.reason ?? '';
  const on = say.fix.on(response);
  // The page's own Content-Security-Policy refused it before sending (a WebSocket or a frame too, before any server
  // decides): no answer's header helps,
  // the page's policy does (csp-explain.ts words the change).
  if (step.refusedByCsp) {
    return say.explain.cspFix(step.refusedByCsp.effective, new URL(step.refusedByCsp.url).origin);
  }
  // Format 1.2: a message not taken is no failure a response header lifts (frame-explain.ts says what does).
  if (step.reason === null && step.delivered === false) return messageFix(step, lang);
  // Format 1.2: a refused WebSocket is the server's own choice (server.websocket); an event stream needs its type and 200.
  if (step.reason === null && step.opened === false) return say.explain.socketFix();
  const api = resolveRequest(experiment.request, index === 0 ? undefined : experiment.then?.[index - 1]?.request).api;
  if (step.reason === null && api === 'eventsource' && check.stage === 'actual' && request) {
    const stream = eventStreamProblem(request.status, new ResponseHeaders(request.responseHeaders).get('content-type'));
    if (stream === 'type') return [{ response, header: 'Content-Type', value: EVENT_STREAM, why: say.explain.eventStreamFix() }];
    if (stream === 'status') return [{ response, status: 200, why: say.explain.eventStreamFix() }];
  }
  if (step.reason === null) return say.fix.pageRefuses(step.pageError);
  if (noHeaderHelps(reason)) return say.fix.noHeaderHelps[reason];
  if (server.middleware) {
    const bare = reason.replace(/^Preflight/, '');
    const asked = /Method/.test(bare) ? [request?.accessControlRequestMethod ?? step.failedParameter ?? ''] : /Header/.test(bare) ? (request?.accessControlRequestHeaders ?? step.failedParameter ?? '').split(',').filter(Boolean) : [];
    const origin = request?.originHeader === pageOrigin ? '{page}' : (request?.originHeader ?? 'null');
    const options = middlewareChanges(server.middleware, { reason: bare, origin, asked, include }, say.middleware);
    if (typeof options === 'string') return options;
    const { name } = server.middleware;
    return options.map((o) => ({ response, option: { middleware: name, name: o.option, value: o.value }, why: o.why }));
  }
  const allowOrigin = (): FixChange[] => {
    // A response answering several origins (the preflight at every hop, or a later step) reflects the request's Origin.
    const setBefore = done.some((c) => sameResponse(c.response, response) && c.header === ACAO);
    const value = setBefore ? '{reflect}' : allowOriginValue(request?.originHeader ?? null, pageOrigin, include);
    const changes: FixChange[] = [{ response, header: ACAO, value, why: say.fix.allowOrigin(on, request?.originHeader ?? '', value === '{reflect}') }];
    // A Vary that lists other names (Accept-Encoding) still needs Origin; `*` already varies on everything.
    // https://httpwg.org/specs/rfc9110.html#field.vary
    const vary = planValue(server, response, 'Vary');
    const varies = vary !== undefined && getDecodeSplit(vary).some((v) => v === '*' || v.toLowerCase() === 'origin');
    if (value !== '*' && response.kind !== 'preflight' && !varies) {
      changes.push({ response, header: 'Vary', value: mergedList(vary, ['Origin'], true), why: say.fix.vary() });
    }
    if (include && planValue(server, response, ACAC) !== 'true' && !done.some((c) => sameResponse(c.response, response) && c.header === ACAC)) changes.push({ response, header: ACAC, value: 'true', why: say.fix.credentialsToo() });
    return changes;
  };
  // The preflight's CORS-check failures carry the same names with "Preflight" in front.
  switch (reason.replace(/^Preflight/, '')) {
    case 'MissingAllowOriginHeader':
    case 'MultipleAllowOriginValues':
    case 'InvalidAllowOriginValue':
    case 'AllowOriginMismatch':
    case 'WildcardOriginNotAllowed':
      return allowOrigin();
    case 'InvalidAllowCredentials':
      return [{ response, header: ACAC, value: 'true', why: say.fix.allowCredentials(on) }];
    case 'InvalidStatus':
      return [{ response, status: 204, why: say.fix.okStatus(server.preflight?.status ?? null) }];
    case 'DisallowedRedirect':
      return [
        { response, status: 204, why: say.fix.noRedirect() },
        { response, header: 'Location', value: null, why: say.fix.noLocation() },
      ];
    case 'InvalidAllowMethodsPreflightResponse':
    case 'MethodDisallowedByPreflightResponse':
      return [{ response, header: ACAM, value: mergedList(planValue(server, response, ACAM), [request?.accessControlRequestMethod ?? step.failedParameter ?? ''], !include), why: say.fix.listNames(`${request?.accessControlRequestMethod ?? step.failedParameter}`, include) }];
    case 'InvalidAllowHeadersPreflightResponse':
    case 'HeaderDisallowedByPreflightResponse': {
      const wanted = (request?.accessControlRequestHeaders ?? step.failedParameter ?? '').split(',').filter(Boolean);
      return [{ response, header: ACAH, value: mergedList(planValue(server, response, ACAH), wanted, !include), why: say.fix.listNames(wanted.join(', '), include) }];
    }
    // The resource names who may embed it (Fetch, "cross-origin resource policy check"; under the page's
    // COEP require-corp a missing policy counts as same-origin). https://fetch.spec.whatwg.org/#cross-origin-resource-policy-header
    case 'corp-not-same-origin':
    case 'corp-not-same-site':
    case 'corp-not-same-origin-after-defaulted-to-same-origin-by-coep':
      return [{ response, header: 'Cross-Origin-Resource-Policy', value: 'cross-origin', why: say.fix.resourcePolicy(on) }];
    // Format 1.2 frames: the framed answer names the page as an ancestor (frame-ancestors wins over
    // X-Frame-Options), or opts in to the page's COEP. frame-load.ts
    case 'other':
    case 'coep-frame-resource-needs-coep-header':
      return frameChanges(reason === 'other' ? 'other' : 'coep-frame-resource-needs-coep-header', response, lang);
    default:
      return say.fix.unknown(reason);
  }
}

/** The experiment with the changes applied to its server plan. */
export function applyFix(experiment: Experiment, changes: readonly FixChange[]): Experiment {
  const server: ServerPlan = structuredClone(experiment.server ?? {});
  for (const change of changes) {
    const target = change.response.kind === 'redirect' ? server.redirects?.[change.response.index] : (server[change.response.kind] ??= {});
    if (change.option && server.middleware) {
      server.middleware = withOptions(server.middleware, [{ option: change.option.name, value: change.option.value, why: change.why }]);
      continue;
    }
    if (!target) continue;
    // Only answers change status (a preflight's): a redirect hop keeps its redirect status.
    if (change.status !== undefined && change.response.kind !== 'redirect') (server[change.response.kind] ??= {}).status = change.status;
    if (change.header !== undefined) {
      const headers = Object.fromEntries(Object.entries(target.headers ?? {}).filter(([n]) => n.toLowerCase() !== change.header?.toLowerCase()));
      if (change.value != null) headers[change.header] = change.value;
      target.headers = headers;
    }
  }
  return { ...experiment, server };
}

/** At most this many rounds of predict-and-change: every response needs only a few headers. */
const MAX_ROUNDS = 24;

/** Two changes to the same header, status or option of the same response: the later replaces the earlier. */
function sameTarget(a: FixChange, b: FixChange): boolean {
  return sameResponse(a.response, b.response) && a.header === b.header && a.status === b.status && a.option?.name === b.option?.name;
}

/**
 * The complete fix: the changes that make every step allowed, or why none can.
 * Synchronous: a middleware's replies come from `replies` (see middleware-replies.ts); use fixForAsync for such a plan.
 */
export function fixFor(experiment: Experiment, origins: OriginMap, replies = new MiddlewareReplies(), lang: Language = 'en'): Fix {
  const say = modelMessages(lang);
  let changes: FixChange[] = [];
  let current = experiment;
  const page = pageOf(experiment);
  const pageOrigin = page === 'null' ? 'null' : origins[page];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const blocked = firstBlocked(predictExperiment(current, origins, 'predicted', replies));
    if (!blocked) return { changes, impossible: null };
    const check = failedCheck(blocked.step.checks);
    if (!check) return { changes, impossible: say.fix.noFailedCheck(blocked.step.reason ?? blocked.step.pageError ?? 'unknown') };
    const next = changesFor(blocked.step, blocked.index, check, current, pageOrigin, changes, say, lang);
    if (typeof next === 'string') {
      const pagePolicy = blocked.step.refusedByCsp ? { pagePolicy: true as const } : {};
      return { changes, impossible: next, ...pagePolicy };
    }
    const applied = applyFix(current, next);
    // A change that leaves the plan as it was cannot help (e.g. a middleware answers instead of the plan's headers).
    if (JSON.stringify(applied.server) === JSON.stringify(current.server)) return { changes, impossible: say.fix.planIgnored(`${blocked.step.reason}`) };
    // A later change to the same header or status of the same response replaces the earlier one.
    changes = [...changes.filter((c) => !next.some((n) => sameTarget(n, c))), ...next];
    current = applied;
  }
  return { changes, impossible: say.fix.tooManyRounds(MAX_ROUNDS) };
}

/** Passes of fix-then-run-the-middleware: each round of a fix asks the middleware a few new calls. */
const MAX_MIDDLEWARE_PASSES = 2 * MAX_ROUNDS;

/** fixFor for any plan: runs the real middleware a `server.middleware` plan names, as predictExperimentAsync does. */
export async function fixForAsync(experiment: Experiment, origins: OriginMap, lang: Language = 'en'): Promise<Fix> {
  const replies = new MiddlewareReplies();
  for (let pass = 0; ; pass++) {
    const fix = fixFor(experiment, origins, replies, lang);
    if (replies.settled || pass >= MAX_MIDDLEWARE_PASSES) return fix;
    await replies.resolvePending();
  }
}

/** One change as a line a server author can copy (English: `.map(changeText)` passes an index second). */
export function changeText(change: FixChange): string {
  return changeTextIn(change, 'en');
}

/** changeText in the reader's language: header names and values stay as they are. */
export function changeTextIn(change: FixChange, lang: Language): string {
  const say = modelMessages(lang).fix;
  if (change.option) return say.option(change.option.middleware, change.option.name, JSON.stringify(change.option.value));
  const where = say.where(change.response);
  if (change.status !== undefined) return say.status(where, change.status);
  return change.value == null ? say.remove(where, `${change.header}`) : say.send(where, `${change.header}`, change.value);
}

/**
 * The fix as lines a server author can copy, tokens written out: `page` for `{page}`, `reflect`
 * for `{reflect}`; where no change suffices, a last line says why. Null when there is nothing to say.
 */
export function fixText(fix: Fix, tokens: { page: string; reflect: string }, lang: Language = 'en'): string | null {
  const lines = fix.changes.map((change) => changeTextIn(change, lang).replaceAll('{page}', tokens.page).replaceAll('{reflect}', tokens.reflect));
  const say = modelMessages(lang).fix;
  if (fix.impossible) lines.push(fix.pagePolicy ? say.pagePolicy(fix.impossible) : say.impossible(fix.impossible));
  return lines.length ? lines.join('\n') : null;
}

/** How `{reflect}` reads in a fix meant for a reader, not a server: the value depends on the request. */
export function reflectedOrigin(lang: Language = 'en'): string {
  return modelMessages(lang).fix.reflectedOrigin;
}

/** The experiment's complete fix as text (`explanation.fix` of a blocked step in run results), or null when nothing is blocked. */
export async function completeFixText(experiment: Experiment, origins: OriginMap, lang: Language = 'en'): Promise<string | null> {
  const page = pageOf(experiment);
  return fixText(await fixForAsync(experiment, origins, lang), { page: page === 'null' ? 'null' : origins[page], reflect: reflectedOrigin(lang) }, lang);
}
