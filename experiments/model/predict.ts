/**
 * The model: a pure, step-by-step reading of the Fetch standard's CORS
 * checks, as Chromium implements them, that predicts an experiment without a
 * browser. It asks the same answering code the origins run (plan/answer.ts)
 * what each server would reply, so prediction and server never drift apart.
 * Chromium's known deviations are marked "Chromium:" and listed in
 * experiments/model/DEVIATIONS.md.
 */
import { notFetchOrXhr } from '../../plan/fetch-destination.ts';
import { headerLines } from '../../format/headers.ts';
import { REDIRECT_STATUSES, SANDBOX_HOST, browserOf, pageOf, resolveRequest, type BrowserSettings, type ResolvedRequest } from '../../format/format-defaults.ts';
import type { Experiment, PageOrigin, ServerPlan } from '../../format/schema.ts';
import { answerPlanned, type RawReply } from '../../plan/answer.ts';
import { ORIGINS, originSpec, type OriginMap, type OriginName } from '../../plan/origins.ts';
import { serializedPageOrigin } from '../../plan/page-origin.ts';
import { encodePlan, parsePlannedPath, plannedPath } from '../../plan/plan-url.ts';
import { serverView } from '../../format/server-view.ts';
import { CookieJar } from './cookie-jar.ts';
import { localNetworkCheck } from './local-network.ts';
import { MiddlewareReplies } from './middleware-replies.ts';
import type { ModelReason } from './model-reasons.ts';
import { corsCheck, preflightCorsCheck, type CorsFailure } from './cors-check.ts';
import { HttpCache, type VaryInputs } from './http-cache.ts';
import { PreflightCache, disallowedHeader, methodAllowed, parsePreflight } from './preflight.ts';
import type { PredictedRequest, StepPrediction } from './prediction.ts';
import { plannedClock } from './step-clock.ts';
import { CHROMIUM_RULES, type EngineRules } from './engine-rules.ts';
import { corsHeaderValues, type Check, type CheckStage } from './trace.ts';
import { corsUnsafeRequestHeaderNames, isForbiddenMethod, isSafelistedMethod, normalizeMethod, requestHeaderList } from './request-headers.ts';
import { resourcePolicyBlock } from './resource-policy.ts';
import { modelMessages, type ModelMessages } from './messages/index.ts';
import type { Language } from '../../format/i18n/languages.ts';
import { ResponseHeaders, readableHeaderNames } from './response-headers.ts';
import type { WithheldLine } from '../../plan/lasting-headers.ts';
import { isElementApi } from '../../format/embedding.ts';
import { elementFetch, embeddingFacts } from './element-load.ts';
import { requestDestination } from './request-destination.ts';
import { responseProtocol } from './response-protocol.ts';
import { isTrustworthyOrigin, pagePolicies, type PagePolicies } from './page-policies.ts';
import { isSendingApi } from '../../format/form-and-beacon.ts';
import { beaconFetch, formSubmission, unseenByPage } from './sending.ts';
import { isFrameApi, opensPopup } from '../../format/frames.ts';
import { acceptedOrigins, expandTargetOrigin } from '../../plan/target-page.ts';
import { frameStep } from './frame-step.ts';
import { cspCheckedUrl, cspRefusal, refusedFields } from './page-csp.ts';
import { frameWords } from './messages/frames.ts';
import { EVENT_SOURCE_HEADERS, eventSourceFetch, eventStreamProblem, handshakeHeaders } from './socket-model.ts';

export type { StepPrediction } from './prediction.ts';

/** State one experiment's steps share: the preflight cache, the HTTP cache, the cookies and the clock (ms). */
interface BrowserState {
  cache: PreflightCache;
  httpCache: HttpCache;
  jar: CookieJar;
  now: number;
}

interface Context {
  origins: OriginMap;
  pageOrigin: string;
  pageSite: string | null;
  /** Where the page sits for Local Network Access (an opaque page keeps its creator's: app's). */
  pageName: OriginName;
  finalHop: number;
  settings: BrowserSettings;
  replies: MiddlewareReplies;
  /** The words of the trace, in the reader's language. */
  say: ModelMessages['check'];
  /** Where the engine's flow differs from Chromium's (engine-rules.ts). */
  rules: EngineRules;
  /** Format 1.2: the page's own policies (COEP, COOP) from `pageHeaders`. */
  policies: PagePolicies;
  /** The experiment's server plan (format 1.2: whether the final answer has a body of its own). */
  plan: ServerPlan | undefined;
  /** Format 1.2 frames: the experiment's page (the plan's `{page}`) and the reader's language. */
  planPage: PageOrigin;
  lang: Language;
  /** Format 1.2: the page's header lines (its Content-Security-Policy, page-csp.ts) and its URL's origin ('self'). */
  pageHeaders: Readonly<Record<string, string>> | undefined;
  selfUrl: URL;
}

/**
 * The HTTP cache partition of the page: its top-level site (Chromium), or one shared by every site where the
 * engine keys the cache by URL only (engine-rules.ts). An opaque page (null) caches nothing either way.
 */
function cachePartition(context: Context, credentialed: boolean): string | null {
  const site = context.pageSite === null || context.rules.httpCacheKeyedByTopSite !== false ? context.pageSite : '';
  // Firefox keys its cache by the credentials mode too: an anonymous request never gets a credentialed one's answer.
  return site !== null && context.rules.httpCacheKeyedByCredentials === true && credentialed ? `${site} credentialed` : site;
}

/**
 * The site CORP's same-site judges the page by: its own; for an opaque page, the site that served it (Chromium), or
 * none, which no answer's site equals (the standard; Firefox, WebKit: engine-rules.ts).
 */
function corpPageSite(context: Context): string {
  return context.pageSite ?? (context.rules.corpOpaquePageHasPrecursorSite === false ? '' : siteOf(SANDBOX_HOST));
}

/** https://fetch.spec.whatwg.org/#request-body-header-name: dropped when a redirect turns the request into GET. */
const REQUEST_BODY_HEADERS = ['content-encoding', 'content-language', 'content-location', 'content-type'];

function originNameOf(url: URL, origins: OriginMap): OriginName | undefined {
  return ORIGINS.find((o) => origins[o.name] === url.origin)?.name;
}

function siteOf(name: OriginName): string {
  return originSpec(name).site;
}

/**
 * The model's run ids are the lab's own, so whether a request gets the plan's lasting headers (Set-Cookie and the
 * like, plan/lasting-headers.ts) is what its Fetch Metadata say, as the servers decide it: a fetch or an XHR does, a
 * navigation (a frame, a popup, a form) or an element does not.
 */
const RUN_OWN_FETCH = (_run: string, request: { headers: Readonly<Record<string, string | undefined>> }): string | null =>
  notFetchOrXhr(request.headers);
/**
 * The plan the model answers is its experiment's own `server`, an experiment already checked (the
 * catalog's, validated by its tests; a file's, a link's or the editor's, validated when read), so it is
 * not checked again: the playground predicts without downloading the schema (zod). The servers check
 * every plan they receive (servers/plan-check.ts).
 */
const CHECKED_EXPERIMENT_PLAN = (server: unknown): ServerPlan => server as ServerPlan;

/** What the origin replies; a middleware's reply comes from the memo (see middleware-replies.ts). */
function ask(url: URL, self: OriginName, method: string, headers: Record<string, string | undefined>, context: Context): RawReply & { withheld?: WithheldLine[] } {
  const answer = answerPlanned({ method, target: url.pathname + url.search, headers, predicted: true }, { self, origins: context.origins, notRunFetch: RUN_OWN_FETCH, serverPlan: CHECKED_EXPERIMENT_PLAN });
  const withheld = answer?.entry?.withheld ? { withheld: answer.entry.withheld } : {};
  // Not run yet: a stand-in without CORS headers; predictExperimentAsync runs it and predicts again.
  if (answer?.middleware) return { ...(context.replies.get(answer.middleware) ?? { status: 501, headers: [], body: '' }), ...withheld };
  return { ...(answer?.reply ?? { status: 404, headers: [], body: '' }), ...withheld };
}

/** The withheld lines of a reply, as an optional field of its predicted request. */
const withheldOf = (reply: { withheld?: WithheldLine[] }): Pick<PredictedRequest, 'withheld'> => (reply.withheld ? { withheld: reply.withheld } : {});

/**
 * The Origin header a request carries.
 * https://fetch.spec.whatwg.org/#append-a-request-origin-header
 * Chromium: the referrer policy does not turn it into "null" (measured); Firefox and WebKit follow the standard's
 * step 4 for a request whose mode is not "cors" (engine-rules.ts, referrerPolicyNullsOrigin).
 */
function originHeaderFor(
  tainting: string, method: string, serialized: string,
  policy?: { mode: string; referrerPolicy: string | undefined; url: URL },
): string | null {
  if (tainting === 'cors') return serialized;
  if (method === 'GET' || method === 'HEAD') return null;
  if (!policy || policy.mode === 'cors' || serialized === 'null') return serialized;
  const crossOrigin = new URL(serialized).origin !== policy.url.origin;
  const downgrade = serialized.startsWith('https:') && policy.url.protocol !== 'https:';
  switch (policy.referrerPolicy) {
    case 'no-referrer':
      return 'null';
    case 'same-origin':
      return crossOrigin ? 'null' : serialized;
    case 'no-referrer-when-downgrade':
    case 'strict-origin':
    case 'strict-origin-when-cross-origin':
    case undefined:
    case '':
      return downgrade ? 'null' : serialized;
    default:
      return serialized;
  }
}

/**
 * Format 1.2: a form's or a beacon's page sees no answer (sending.ts), unless the page's own Content-Security-Policy
 * refused to send it: the page then sees the refusal (page-csp.ts).
 */
function predictStep(context: Context, url: string, request: ResolvedRequest, state: BrowserState): StepPrediction {
  const prediction = predictRequest(context, url, request, state);
  return isSendingApi(request.api) && !prediction.refusedByCsp ? unseenByPage(prediction) : prediction;
}

function predictRequest(context: Context, url: string, request: ResolvedRequest, state: BrowserState): StepPrediction {
  const requests: PredictedRequest[] = [];
  // The trace of checks (trace.ts): `at` is where the model is, `check` records one check and returns its result.
  const checks: Check[] = [];
  const say = context.say;
  // The response tainting (https://fetch.spec.whatwg.org/#concept-request-response-tainting) and whether the
  // final answer's body was the plan's own (format 1.2: what an element load then shows, element-load.ts).
  let tainting: 'basic' | 'cors' | 'opaque' = 'basic';
  let plannedBody = false;
  const at: { hop: number; origin: OriginName | null } = { hop: 0, origin: null };
  const check = (stage: CheckStage, ok: boolean, text: string, headers: Check['headers'] = []): boolean => {
    checks.push({ stage, hop: at.hop, origin: at.origin, ok, text, headers });
    return ok;
  };
  const finish = (fields: Partial<StepPrediction>): StepPrediction => {
    const received = requests.map((r) => ({ ...r, cookie: r.cookieSent ? 'sent' : null }));
    const outcome = fields.outcome ?? 'blocked';
    return {
      ...embeddingFacts(
        element, request, outcome, tainting, context.policies, plannedBody, context.rules.pagePolicies,
      ),
      outcome: 'blocked',
      reason: null,
      failedParameter: null,
      status: null,
      responseType: null,
      readableHeaders: [],
      pageError: null,
      opened: null,
      ...fields,
      ...serverView(received, context.finalHop),
      requests,
      checks,
    };
  };
  const blocked = (failure: CorsFailure | { reason: ModelReason; failedParameter?: string }): StepPrediction => {
    // Every block ends the trace on a failed check; a block added without its own check still gets one.
    if (checks.at(-1)?.ok !== false) check(at.origin ? 'actual' : 'page', false, say.blocked(failure.reason));
    return finish({ outcome: 'blocked', reason: failure.reason, failedParameter: failure.failedParameter || null });
  };

  // XMLHttpRequest is fetch with mode "cors", credentials from withCredentials, redirects followed.
  // An element's request takes its mode and credentials from its crossorigin attribute (element-load.ts).
  // An EventSource's is a CORS request, credentials from withCredentials (socket-model.ts).
  const xhr = request.api === 'xhr';
  const element = isElementApi(request.api) ? elementFetch(request.api, request.crossorigin) : null;
  // Format 1.2: a beacon is a keepalive fetch whose mode its Content-Type decides (sending.ts); an EventSource's
  // mode and credentials are fixed by the API (socket-model.ts), as an element's are by its crossorigin attribute.
  const beacon = request.api === 'beacon' ? beaconFetch(request, context.rules.safelist) : null;
  const eventSource = request.api === 'eventsource' ? eventSourceFetch(request.credentials) : null;
  const fixed = element ?? eventSource;
  const mode = fixed?.mode ?? beacon?.mode ?? (xhr ? 'cors' : request.mode);
  const credentials = fixed?.credentials ?? beacon?.credentials ?? (xhr ? (request.credentials === 'include' ? 'include' : 'same-origin') : request.credentials);
  const redirectMode = fixed || xhr || beacon ? 'follow' : request.redirect;
  const include = credentials === 'include';
  // https://fetch.spec.whatwg.org/#main-fetch step 7: the page's Content-Security-Policy refuses before anything is
  // sent (page-csp.ts); a redirect's hop is checked again below.
  const refused = (target: URL, redirected: boolean): StepPrediction | null => {
    const asked = { api: request.api, popup: opensPopup(request), url: target, self: context.selfUrl, redirected };
    const refusal = cspRefusal(context.pageHeaders, asked);
    if (!refusal) return null;
    const checked = cspCheckedUrl(request.api, target).href;
    check(redirected ? 'redirect' : 'page', false, say.cspRefused(checked, refusal.written));
    const fields = { ...refusedFields(request.api), failedParameter: refusal.written };
    return { ...finish(fields), refusedByCsp: { ...refusal, url: checked } };
  };
  const refusedAtOnce = refused(new URL(url), false);
  if (refusedAtOnce) return refusedAtOnce;
  if (request.api === 'form') return predictForm(context, url, request, state, { check, finish, at });
  if (beacon) check('page', true, say.beaconMode(beacon.contentType, beacon.mode));

  // Format 1.2: a WebSocket is no CORS request; the server decides on the Origin (socket-model.ts).
  if (request.api === 'websocket') {
    const current = new URL(url);
    const self = originNameOf(current, context.origins);
    if (!check('page', self !== undefined, say.labOrigin(current.origin, self ?? null)) || !self) return blocked({ reason: 'net::ERR_CONNECTION_REFUSED' });
    at.hop = parsePlannedPath(current.pathname + current.search)?.hop ?? 0;
    at.origin = self;
    const cookieSent = state.jar.sends(current, context.pageSite, siteOf(self));
    check('actual', true, say.socketNoCors(context.pageOrigin));
    const reply = ask(current, self, 'GET', handshakeHeaders(context.pageOrigin, cookieSent), context);
    requests.push({ url: current.href, origin: self, hop: at.hop, kind: 'actual', method: 'GET', originHeader: context.pageOrigin, accessControlRequestMethod: null, accessControlRequestHeaders: null, cookieSent, status: reply.status, responseHeaders: reply.headers });
    const opened = reply.status === 101;
    check('actual', opened, say.socketHandshake(reply.status, context.pageOrigin));
    return finish({ outcome: opened ? 'allowed' : 'blocked', reason: null, opened });
  }

  // https://fetch.spec.whatwg.org/#dom-request: checks that throw a TypeError before anything is sent.
  let method = normalizeMethod(fixed ? 'GET' : request.method);
  if (!check('page', !isForbiddenMethod(method), say.forbiddenMethod(request.method, isForbiddenMethod(method)))) return finish({ pageError: `TypeError: '${request.method}' HTTP method is unsupported.` });
  if (mode === 'no-cors' && !check('page', isSafelistedMethod(method), say.noCorsMethod(method))) return finish({ pageError: `TypeError: '${method}' is unsupported in no-cors mode.` });
  let headers = fixed ? [] : requestHeaderList(beacon?.headers ?? headerLines(request.headers), mode);
  // Format 1.2: a frame is a navigation, not a fetch the page reads (frame-step.ts).
  if (isFrameApi(request.api)) {
    const framed = frameStep(url, request, {
      ask: (u, self, cookie) => ask(u, self, 'GET', {
        'sec-fetch-dest': requestDestination(request), ...(cookie ? { cookie: 'present' } : {}),
      }, context),
      pageOpener: context.policies.opener,
      originOf: (u) => originNameOf(u, context.origins),
      sendsCookie: (u, self) => state.jar.sends(u, context.pageSite, siteOf(self)),
      resourcePolicy: (u, self, lines) => resourcePolicyBlock(new ResponseHeaders(lines), {
        pageOrigin: context.pageOrigin, pageSite: corpPageSite(context), responseOrigin: u.origin,
        responseSite: siteOf(self), embedder: context.policies.embedder, includesCredentials: true,
      }),
      check: (stage, ok, text, where) => ((at.hop = where.hop), (at.origin = where.origin), check(stage, ok, text)),
      pageOrigin: context.pageOrigin,
      embedder: context.policies.embedder,
      accept: acceptedOrigins(context.plan?.actual?.page, context.planPage, context.origins),
      // `{page}` is the step's page, as the runner expands it (engines/steps.ts).
      targetOrigin: expandTargetOrigin((request.targetOrigin ?? '*').replace(/^\{page\}$/, context.pageOrigin), context.planPage, context.origins),
      say: frameWords(context.lang),
    });
    requests.push(...framed.requests);
    return finish(framed.fields);
  }

  let current = new URL(url);
  let tainted = false;
  // A preflight was needed at an earlier hop (EngineRules.preflightEveryHopOnceNeeded).
  let preflightedBefore = false;
  for (let redirects = 0; ; redirects++) {
    const self = originNameOf(current, context.origins);
    if (!check(redirects ? 'redirect' : 'page', self !== undefined, say.labOrigin(current.origin, self ?? null)) || !self) return blocked({ reason: 'net::ERR_CONNECTION_REFUSED' });
    const hop = parsePlannedPath(current.pathname + current.search)?.hop ?? 0;
    const sameOrigin = context.pageOrigin !== 'null' && current.origin === context.pageOrigin;
    at.hop = hop;
    at.origin = self;
    const refusedHere = redirects > 0 ? refused(current, true) : null;
    if (refusedHere) return refusedHere;
    // https://w3c.github.io/webappsec-mixed-content/#should-block-fetch: loopback http is a priori authenticated
    // (Chromium, Firefox); WebKitGTK blocks an https page's fetch of it all the same (engine-rules.ts).
    const insecure = context.pageOrigin.startsWith('https:') && current.protocol === 'http:';
    if (request.api === 'fetch' && insecure && context.rules.loopbackHttpIsMixedContent === true) {
      check(redirects ? 'redirect' : 'page', false, say.mixedContent(current.origin));
      return finish({ outcome: 'blocked', reason: null });
    }

    // https://fetch.spec.whatwg.org/#main-fetch step 12
    if (sameOrigin && tainting === 'basic') {
      // basic: no CORS at all
      check(redirects ? 'redirect' : 'page', true, say.ownOrigin(current.origin));
    } else if (mode === 'same-origin') {
      check(redirects ? 'redirect' : 'page', false, say.sameOriginMode(current.origin, context.pageOrigin));
      // Chromium reports a redirect out of the origin as the blocked reason "origin", not a CORS error.
      return blocked({ reason: redirects === 0 ? 'DisallowedByMode' : 'origin' });
    } else if (mode === 'no-cors') {
      if (!check(redirects ? 'redirect' : 'page', redirectMode === 'follow', say.noCorsRedirectMode(redirectMode))) return blocked({ reason: 'NoCorsRedirectModeNotFollow' });
      tainting = 'opaque';
    } else {
      tainting = 'cors';
    }
    const corsFlag = tainting === 'cors';
    // https://fetch.spec.whatwg.org/#serializing-a-request-origin: a tainted request says "null".
    const requestOrigin = tainted ? 'null' : context.pageOrigin;
    const unsafeNames = corsUnsafeRequestHeaderNames(headers, context.rules.safelist);
    const stillPreflighted: boolean = context.rules.preflightEveryHopOnceNeeded && preflightedBefore;
    const preflighted: boolean = corsFlag && (!isSafelistedMethod(method) || unsafeNames.length > 0 || stillPreflighted);
    preflightedBefore ||= preflighted;
    // The standard's preflight carries the request's (tainted) origin; Firefox's, the page's (engine-rules.ts).
    const preflightOrigin = context.rules.redirectedPreflightOrigin === 'page' ? context.pageOrigin : requestOrigin;
    const localNetwork = context.rules.localNetworkAccess === false
      ? { block: null }
      : localNetworkCheck(originSpec(context.pageName).addressSpace, originSpec(self).addressSpace, request.targetAddressSpace, preflighted, context.settings);
    const stoppedAt = { url: current.href, origin: self };
    if (localNetwork.block === 'before') return { ...blocked({ reason: localNetwork.reason }), stoppedAt };

    // https://fetch.spec.whatwg.org/#cors-preflight-fetch
    if (corsFlag) {
      check('preflight', true, preflighted ? say.preflightNeeded(isSafelistedMethod(method) ? null : method, unsafeNames) : say.noPreflight(method), [['Origin', preflightOrigin]]);
    }
    // A redirect taints the request with a new opaque origin (https://html.spec.whatwg.org/#concept-origin-opaque): no
    // later request has it, so a preflight made for it is never reused (WebKit, which caches a sandboxed page's
    // preflights, measured: test/probes/wpt-third-cases.ts; Chromium caches none for an opaque origin).
    const freshOpaque = tainted && preflightOrigin === 'null';
    if (preflighted) {
      const key = current.href;
      const asked = { method, unsafeNames, credentials: include };
      const cached = !freshOpaque && state.cache.covers(preflightOrigin, key, asked, state.now);
      if (cached) check('preflight', true, say.preflightCacheHit());
      if (!cached) {
        const requestHeadersSeen = unsafeNames.length ? unsafeNames.join(',') : null;
        const reply = ask(current, self, 'OPTIONS', { origin: preflightOrigin, 'access-control-request-method': method, 'access-control-request-headers': requestHeadersSeen ?? undefined }, context);
        requests.push({ url: current.href, origin: self, hop, kind: 'preflight', method: 'OPTIONS', originHeader: preflightOrigin, accessControlRequestMethod: method, accessControlRequestHeaders: requestHeadersSeen, cookieSent: false, status: reply.status, responseHeaders: reply.headers, ...withheldOf(reply) });
        const answer = new ResponseHeaders(reply.headers);
        // Preflights use redirect mode "error": any redirect fails them.
        const redirected = (REDIRECT_STATUSES as readonly number[]).includes(reply.status) && answer.get('location') !== undefined;
        if (!check('preflight', !redirected, say.preflightRedirected(reply.status, redirected), corsHeaderValues(answer, ['Location']))) return blocked({ reason: 'PreflightDisallowedRedirect' });
        const access = preflightCorsCheck(answer, preflightOrigin, include);
        check('preflight', !access, corsCheckText(say, access, preflightOrigin, include), corsHeaderValues(answer, include ? ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials'] : ['Access-Control-Allow-Origin']));
        if (access) return blocked(access);
        // Step 7: an ok status (200-299).
        const okStatus = reply.status >= 200 && reply.status <= 299;
        if (!check('preflight', okStatus, say.preflightStatus(reply.status, okStatus))) return blocked({ reason: 'PreflightInvalidStatus', failedParameter: '' });
        const parsed = parsePreflight(answer, include, context.rules);
        const lists = corsHeaderValues(answer, ['Access-Control-Allow-Methods', 'Access-Control-Allow-Headers']);
        if ('reason' in parsed) check('preflight', false, say.listUnparsable(parsed.reason === 'InvalidAllowMethodsPreflightResponse' ? 'Access-Control-Allow-Methods' : 'Access-Control-Allow-Headers'), lists);
        if ('reason' in parsed) return blocked(parsed);
        if (!check('preflight', methodAllowed(parsed, method), say.methodAllowed(method, methodAllowed(parsed, method), include && parsed.methods.includes('*')), lists.slice(0, 1))) return blocked({ reason: 'MethodDisallowedByPreflightResponse', failedParameter: method });
        const header = disallowedHeader(parsed, unsafeNames);
        if (unsafeNames.length) check('preflight', !header, header ? say.headerDisallowed(header, include && parsed.headers.includes('*')) : say.headersCovered(unsafeNames), lists.slice(1));
        if (header) return blocked({ reason: 'HeaderDisallowedByPreflightResponse', failedParameter: header });
        const cachedOrigin = preflightOrigin !== 'null' || context.rules.cachesOpaqueOriginPreflight;
        const stored = parsed.maxAgeSeconds > 0 && !freshOpaque && cachedOrigin;
        check('preflight', true, stored ? say.preflightStored(parsed.maxAgeSeconds) : say.preflightNotStored(), corsHeaderValues(answer, ['Access-Control-Max-Age']));
        if (stored) state.cache.store(preflightOrigin, key, parsed, state.now, unsafeNames, method);
      }
    }
    if (localNetwork.block === 'after-preflight') return { ...blocked({ reason: localNetwork.reason }), stoppedAt };

    // The actual request. https://fetch.spec.whatwg.org/#http-network-or-cache-fetch
    // COEP credentialless: a no-cors request to another origin goes without credentials.
    // https://fetch.spec.whatwg.org/#http-network-or-cache-fetch (includeCredentials)
    const credentialless = context.policies.embedder === 'credentialless' && tainting === 'opaque';
    const credentialsFlag = !credentialless && (include || (credentials === 'same-origin' && tainting === 'basic'));
    const site = siteOf(self);
    const cookieSent = credentialsFlag && state.jar.sends(current, context.pageSite, site);
    const byPolicy = context.rules.referrerPolicyNullsOrigin === true
      ? { mode, referrerPolicy: request.referrerPolicy, url: current } : undefined;
    // Chromium and WebKit send Origin with an element's CORS request to its own origin too (engine-rules.ts).
    const elementOrigin = element !== null && mode === 'cors' && context.rules.corsElementAlwaysSendsOrigin !== false;
    const originHeader = elementOrigin ? requestOrigin : originHeaderFor(tainting, method, requestOrigin, byPolicy);
    const varyInputs: VaryInputs = { ...Object.fromEntries(headers), origin: originHeader ?? undefined, cookie: cookieSent ? 'present' : undefined };
    // A fresh HTTP-cache entry answers without the server, whatever Origin it was stored for (unless Vary says otherwise).
    const cached = state.httpCache.lookup(cachePartition(context, credentialsFlag), current.href, method, varyInputs, state.now);
    let reply: RawReply & { withheld?: WithheldLine[] };
    if (cached) {
      reply = cached;
    } else {
      const destination = element ? { 'sec-fetch-dest': element.destination } : eventSource ? EVENT_SOURCE_HEADERS : {};
      reply = ask(current, self, method, { origin: originHeader ?? undefined, ...(cookieSent ? { cookie: 'present' } : {}), ...destination }, context);
      requests.push({ url: current.href, origin: self, hop, kind: 'actual', method, originHeader, accessControlRequestMethod: null, accessControlRequestHeaders: null, cookieSent, status: reply.status, responseHeaders: reply.headers, ...withheldOf(reply) });
    }
    const answer = new ResponseHeaders(reply.headers);
    if (!cached) {
      state.httpCache.store(cachePartition(context, credentialsFlag), current.href, method, reply, answer, varyInputs, state.now);
      // Chromium stores cookies from the response even when the CORS check then fails (measured).
      if (credentialsFlag) state.jar.store(reply.headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v), current, context.pageSite, site);
    }

    const location = answer.get('location');
    // Chromium: an empty Location is no redirect (the 3xx is the response) unless the redirect mode is "manual" (measured);
    // Fetch parses it against the response's own URL, a loop. https://fetch.spec.whatwg.org/#concept-response-location-url
    const errorKeepsEmpty = redirectMode === 'error' && context.rules.emptyLocationIsResponseWhenError === true;
    const followsEmpty = redirectMode === 'manual' || (context.rules.emptyLocation === 'follow' && !errorKeepsEmpty);
    const isRedirect = (REDIRECT_STATUSES as readonly number[]).includes(reply.status) && location !== undefined && (location !== '' || followsEmpty);
    // https://fetch.spec.whatwg.org/#http-fetch step 4.? : the CORS check comes before redirect handling.
    const stage: CheckStage = isRedirect ? 'redirect' : 'actual';
    // https://fetch.spec.whatwg.org/#cross-origin-resource-policy-check: only for no-cors, on a redirect's answer too
    // (WebKit then speaks of the redirect: engine-webkit.ts).
    if (tainting === 'opaque') {
      const refused = resourcePolicyBlock(answer, {
        pageOrigin: context.pageOrigin, pageSite: corpPageSite(context),
        responseOrigin: current.origin, responseSite: site,
        embedder: context.policies.embedder, includesCredentials: credentialsFlag,
      });
      const policy = corsHeaderValues(answer, ['Cross-Origin-Resource-Policy']);
      if (refused) check(stage, false, say.blocked(refused), policy);
      if (refused) return blocked({ reason: refused });
    }
    if (corsFlag) {
      const failure = corsCheck(answer, requestOrigin, include);
      check(stage, !failure, corsCheckText(say, failure, requestOrigin, include), corsHeaderValues(answer, include ? ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials'] : ['Access-Control-Allow-Origin']));
      if (failure) return blocked(failure);
    }
    if (!isRedirect && eventSource) {
      // The page sees the first event, or only an error event: no status, no headers (run-event-source.ts).
      const problem = eventStreamProblem(reply.status, answer.get('content-type'));
      if (!check('actual', problem === null, say.eventStream(reply.status, answer.get('content-type') ?? null, problem))) return finish({ outcome: 'blocked', reason: null });
      return finish({ outcome: 'allowed', status: null, responseType: null, readableHeaders: [] });
    }
    if (!isRedirect && element) {
      plannedBody = finalAnswer(context, hop);
      // A script or a stylesheet whose answer is not ok fires error; Chromium cancels the load: net::ERR_ABORTED (measured).
      // https://html.spec.whatwg.org/multipage/webappapis.html#fetch-a-classic-script
      const ok = reply.status >= 200 && reply.status <= 299;
      if (element.api !== 'img' && !check('actual', ok, say.elementStatus(reply.status, ok))) return blocked({ reason: 'net::ERR_ABORTED' });
      check('actual', true, say.elementLoaded(tainting === 'opaque'));
      return finish({ outcome: 'allowed', status: null, responseType: null, readableHeaders: [], protocol: responseProtocol(current) });
    }
    if (!isRedirect) {
      const opaque = tainting === 'opaque';
      if (opaque) check('actual', true, say.opaque());
      else if (tainting === 'cors') check('actual', true, say.readable(), corsHeaderValues(answer, ['Access-Control-Expose-Headers']));
      return finish({
        outcome: opaque ? 'opaque' : 'allowed',
        status: opaque ? 0 : reply.status,
        responseType: xhr ? null : tainting,
        readableHeaders: readableHeaderNames(answer, tainting, include),
        protocol: responseProtocol(current),
      });
    }

    // https://fetch.spec.whatwg.org/#http-fetch step 8: the redirect mode decides before the Location is parsed
    // (Firefox, WebKit); Chromium parses it first, whatever the mode (engine-rules.ts).
    const parsesFirst = context.rules.locationBeforeRedirectMode !== false;
    const byMode = (): StepPrediction | null => {
      if (!check('redirect', redirectMode !== 'error', say.redirectMode(reply.status, redirectMode), corsHeaderValues(answer, ['Location']))) return blocked({ reason: 'net::ERR_FAILED' });
      if (redirectMode === 'manual') return finish({ outcome: 'opaque', status: 0, responseType: 'opaqueredirect' });
      return null;
    };
    // WebKitGTK has no FTP: the load fails before the mode is looked at (engine-rules.ts).
    if (context.rules.ftpRedirectFailsToLoad === true && /^\s*ftp:/i.test(location as string)) {
      check('redirect', false, say.onlyHttp('ftp:'), corsHeaderValues(answer, ['Location']));
      return blocked({ reason: 'net::ERR_UNKNOWN_URL_SCHEME' });
    }
    if (!parsesFirst) {
      const decided = byMode();
      if (decided) return decided;
    }
    // https://fetch.spec.whatwg.org/#http-redirect-fetch
    let next: URL;
    try {
      next = new URL(location as string, current);
    } catch {
      check('redirect', false, say.locationNotUrl(reply.status), corsHeaderValues(answer, ['Location']));
      return blocked({ reason: 'net::ERR_INVALID_REDIRECT' });
    }
    // Chromium's network stack refuses a redirect to a local scheme before it looks at the redirect mode, "manual" aside (measured).
    if (parsesFirst && redirectMode !== 'manual' && UNSAFE_REDIRECT_SCHEMES.includes(next.protocol)) {
      check('redirect', false, say.unsafeScheme(next.protocol), corsHeaderValues(answer, ['Location']));
      return blocked({ reason: 'net::ERR_UNSAFE_REDIRECT' });
    }
    if (parsesFirst) {
      const decided = byMode();
      if (decided) return decided;
    }
    if (!check('redirect', redirects < 20, say.redirectCount(redirects + 1))) return blocked({ reason: 'net::ERR_TOO_MANY_REDIRECTS' });
    // Step 6: only an HTTP(S) URL can be fetched. Chromium names it a CORS error, or for no-cors the net error.
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      check('redirect', false, say.onlyHttp(next.protocol), corsHeaderValues(answer, ['Location']));
      const socketUnknown = context.rules.socketSchemeRedirectIsUnknownScheme !== false;
      const unknown = mode === 'no-cors' || (corsFlag && socketUnknown && SOCKET_SCHEMES.includes(next.protocol));
      if (unknown) return blocked({ reason: 'net::ERR_UNKNOWN_URL_SCHEME' });
      return { ...blocked({ reason: 'CorsDisabledScheme' }), refusedLocation: next.href };
    }
    // Step 7: a CORS request may not be redirected to a URL with credentials.
    const userinfo = mode === 'cors' && Boolean(next.username || next.password) && (corsFlag || next.origin !== context.pageOrigin);
    if (userinfo) check('redirect', false, say.userinfo(), corsHeaderValues(answer, ['Location']));
    if (userinfo) return blocked({ reason: 'RedirectContainsCredentials' });
    // Step 10: the tainted origin flag.
    if (current.origin !== next.origin && !sameOrigin && !tainted) check('redirect', true, say.tainted(current.origin, next.origin));
    if (current.origin !== next.origin && !sameOrigin) tainted = true;
    // Step 12: 301/302 turn POST into GET; 303 turns everything but GET/HEAD into GET (and in WebKitGTK, a DELETE
    // to another origin: engine-rules.ts).
    const deleteAsGet = context.rules.crossOriginDeleteRedirectsAsGet === true && method === 'DELETE'
      && current.origin !== next.origin;
    const postAsGet = (reply.status === 301 || reply.status === 302) && method === 'POST';
    if (postAsGet || (reply.status === 303 && method !== 'GET' && method !== 'HEAD') || deleteAsGet) {
      method = 'GET';
      headers = headers.filter(([name]) => !REQUEST_BODY_HEADERS.includes(name));
    }
    next.username = '';
    next.password = '';
    current = next;
  }
}

interface StepTools {
  check: (stage: CheckStage, ok: boolean, text: string, headers?: Check['headers']) => boolean;
  finish: (fields: Partial<StepPrediction>) => StepPrediction;
  at: { hop: number; origin: OriginName | null };
}

/**
 * Format 1.2 `form`: a navigation of a popup, no CORS at all: the request goes, with the cookies a top-level
 * navigation carries (CookieJar.sendsOnNavigation), and the answer is the popup's, never the page's.
 * https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#form-submission-algorithm
 * (the schema refuses redirects and an opaque page for a form: form-and-beacon-checks.ts).
 */
function predictForm(context: Context, url: string, request: ResolvedRequest, state: BrowserState, tools: StepTools): StepPrediction {
  const { check, finish, at } = tools;
  const say = context.say;
  const target = new URL(url);
  const self = originNameOf(target, context.origins);
  if (!check('page', self !== undefined, say.labOrigin(target.origin, self ?? null)) || !self) return finish({ outcome: 'blocked', reason: 'net::ERR_CONNECTION_REFUSED' });
  at.origin = self;
  const form = formSubmission(request, context.pageOrigin);
  const site = siteOf(self);
  const cookieSent = state.jar.sendsOnNavigation(target, context.pageSite, site, form.method);
  check('page', true, say.formSubmitted(form.method, form.enctype), form.originHeader ? [['Origin', form.originHeader]] : []);
  check('actual', true, say.formCookie(context.pageSite === site, form.method, cookieSent));
  const body = form.method === 'POST' ? { 'content-type': form.enctype } : {};
  const asked = {
    origin: form.originHeader ?? undefined, ...(cookieSent ? { cookie: 'present' } : {}),
    'sec-fetch-dest': requestDestination(request), ...body,
  };
  const reply = ask(target, self, form.method, asked, context);
  const requests = [{ url: target.href, origin: self, hop: 0, kind: 'actual' as const, method: form.method, originHeader: form.originHeader, accessControlRequestMethod: null, accessControlRequestHeaders: null, cookieSent, status: reply.status, responseHeaders: reply.headers, ...withheldOf(reply) }];
  return { ...finish({ outcome: 'opaque' }), ...serverView(requests.map((r) => ({ ...r, cookie: r.cookieSent ? 'sent' : null })), context.finalHop), requests };
}

/** Whether the final answer's body is the plan's own (format 1.2: else an element load gets the default body). */
function finalAnswer(context: Context, hop: number): boolean {
  const actual = context.plan?.actual;
  return hop >= context.finalHop && (actual?.body !== undefined || actual?.bodyBase64 !== undefined);
}

/** Schemes Chromium's network stack never redirects to (net::ERR_UNSAFE_REDIRECT), measured in Chromium 156. */
const UNSAFE_REDIRECT_SCHEMES = ['data:', 'about:', 'file:', 'blob:', 'filesystem:'];
/** Chromium: a CORS request already past a cross-origin CORS check fails on these as an unknown scheme, not a CORS error (measured). */
const SOCKET_SCHEMES = ['ws:', 'wss:'];

/** The CORS check in words, for the trace. */
function corsCheckText(say: ModelMessages['check'], failure: CorsFailure | null, origin: string, include: boolean): string {
  if (!failure) return say.corsAllowed(origin, include);
  const value = failure.failedParameter;
  switch (failure.reason.replace(/^Preflight/, '')) {
    case 'MissingAllowOriginHeader':
      return say.corsMissing(origin);
    case 'MultipleAllowOriginValues':
      return say.corsMultiple(value);
    case 'InvalidAllowOriginValue':
      return say.corsInvalid(value);
    case 'AllowOriginMismatch':
      return say.corsMismatch(value, origin);
    case 'WildcardOriginNotAllowed':
      return say.corsWildcard();
    case 'InvalidAllowCredentials':
      return say.corsCredentials(value);
    default:
      return say.corsOther(failure.reason, origin);
  }
}

/** The URL every step of a run uses. */
export function experimentUrl(experiment: Experiment, origins: OriginMap, run: string): string {
  const token = encodePlan({ page: pageOf(experiment), server: experiment.server ?? {} });
  return origins[experiment.request.target] + plannedPath(run, 0, token, experiment.request.path ?? '/');
}

/**
 * Predicts the experiment and each `then` step, in order, sharing caches and
 * cookies as the browser does; a step may wait (`delayMs`) or run on another page.
 * `clock` says when each step ran (ms after the first): by default its `delayMs` added up; a runner
 * passes what it measured (step-clock.ts), since the caches' expiry depends on the time that really passed.
 * An experiment with `server.middleware` needs the middleware's replies: pass the memo that
 * predictExperimentAsync fills, or use that instead. The trace's words (`checks[].text`) are in
 * `lang`; English, the default, is what the CLI and the library print.
 */
export function predictExperiment(
  experiment: Experiment,
  origins: OriginMap,
  run = 'predicted',
  replies = new MiddlewareReplies(),
  lang: Language = 'en',
  clock: readonly number[] = plannedClock(experiment),
  rules: EngineRules = CHROMIUM_RULES,
): StepPrediction[] {
  const settings = browserOf(experiment);
  const say = modelMessages(lang).check;
  const contextOf = (page: PageOrigin): Context => ({
    origins,
    pageOrigin: serializedPageOrigin(page, origins),
    pageSite: page === 'null' ? null : siteOf(page),
    pageName: page === 'null' ? 'app' : page,
    finalHop: experiment.server?.redirects?.length ?? 0,
    settings,
    replies,
    say,
    rules,
    policies: pagePolicies(
      experiment.pageHeaders,
      page === 'null',
      isTrustworthyOrigin(origins[page === 'null' ? 'app' : page]),
      rules.pagePolicies,
    ),
    plan: experiment.server,
    planPage: pageOf(experiment),
    lang,
    pageHeaders: experiment.pageHeaders,
    selfUrl: new URL(origins[page === 'null' ? 'app' : page]),
  });
  const state: BrowserState = { cache: new PreflightCache(rules), httpCache: new HttpCache({ quotedValues: rules.quotedCacheControlValues === true }), jar: new CookieJar(settings.thirdPartyCookies, rules), now: 0 };
  const url = experimentUrl(experiment, origins, run);
  const first = predictStep(contextOf(pageOf(experiment)), url, resolveRequest(experiment.request), state);
  return [
    first,
    ...(experiment.then ?? []).map((step, i) => {
      state.now = clock[i + 1] ?? state.now + (step.delayMs ?? 0);
      return predictStep(contextOf(step.page ?? pageOf(experiment)), url, resolveRequest(experiment.request, step.request), state);
    }),
  ];
}

/** The passes predictExperimentAsync allows: each step asks at most a preflight and an actual reply per hop. */
const MAX_MIDDLEWARE_PASSES = 8;

/** predictExperiment with every middleware reply run for real (the only asynchronous part). */
export async function predictExperimentAsync(
  experiment: Experiment,
  origins: OriginMap,
  run = 'predicted',
  lang: Language = 'en',
  clock?: readonly number[],
  rules: EngineRules = CHROMIUM_RULES,
): Promise<StepPrediction[]> {
  const replies = new MiddlewareReplies();
  for (let pass = 0; ; pass++) {
    const steps = predictExperiment(experiment, origins, run, replies, lang, clock ?? plannedClock(experiment), rules);
    if (replies.settled || pass >= MAX_MIDDLEWARE_PASSES) return steps;
    await replies.resolvePending();
  }
}
