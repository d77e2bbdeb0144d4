/**
 * Everything the model writes for a reader, as one typed table per language
 * (en.ts, zh-CN.ts). Each table `satisfies ModelMessages`, so a message missing
 * from a language is a type error. Header names, reason names, methods, modes
 * and values stay as they are in every language: they are what the reader
 * types and what the browser prints. Chromium's and Firefox's console lines
 * are the browsers' own words (in English) and are not here.
 */
import type { Outcome } from '../../../format/reasons.ts';
import type { BrowserSettings } from '../../../format/schema.ts';
import type { ModelReason } from '../model-reasons.ts';

/** What the explanation of a blocked step knows, for its reason's words. */
export interface ReasonArgs {
  /** The header value or name the check failed on ('' when none). */
  param: string;
  /** The Origin the request carried ('' when unknown). */
  origin: string;
  method: string;
  credentialsInclude: boolean;
  /** The names the preflight asked for (Access-Control-Request-Headers), null when none. */
  requestHeaders: string | null;
  /** The address space of the origin the request went to last. */
  space: string;
  /** The request's `targetAddressSpace` option ('' when unset). */
  targetAddressSpace: string;
  /** The header lines that allow the request's origin (ModelMessages.explain.allowOrigin). */
  allowOrigin: string;
}

export interface ReasonWords {
  /** What the check found, completing the verdict after "Blocked at …: ". */
  what: (a: ReasonArgs) => string;
  /** What to change, as the header to send where possible. */
  fix: (a: ReasonArgs) => string;
}

/** Blocks no response header can lift; the fix says what would instead. */
export const NO_HEADER_HELP_REASONS = [
  'DisallowedByMode',
  'origin',
  'NoCorsRedirectModeNotFollow',
  'net::ERR_FAILED',
  'net::ERR_INVALID_REDIRECT',
  'RedirectContainsCredentials',
  'net::ERR_UNSAFE_REDIRECT',
  'CorsDisabledScheme',
  'net::ERR_UNKNOWN_URL_SCHEME',
  'net::ERR_TOO_MANY_REDIRECTS',
  'net::ERR_CONNECTION_REFUSED',
  'LocalNetworkAccessPermissionDenied',
] as const satisfies readonly ModelReason[];
export type NoHeaderHelpReason = (typeof NO_HEADER_HELP_REASONS)[number];

/** A response of the plan, as the fix names it. */
export type FixTarget = { kind: 'preflight' } | { kind: 'actual' } | { kind: 'redirect'; index: number };

/** See ModelMessages.offeredOnly. */
export const OFFERED_ONLY_REASONS = ['mixed-content'] as const;
export type OfferedOnlyReason = (typeof OFFERED_ONLY_REASONS)[number];

export interface ModelMessages {
  outcome: Record<Outcome, string>;
  /** What each reason means, without any request's values: for a list to choose from (a lesson's reasons). */
  reasons: Record<ModelReason, string>;
  /**
   * Reasons a lesson may offer as a choice that the model never returns, because the lab on loopback cannot show
   * them (a real mixed-content block needs an http origin that is not potentially trustworthy): what each means.
   */
  offeredOnly: Record<OfferedOnlyReason, string>;

  /** The trace: one line per check the model made (predict.ts). */
  check: {
    forbiddenMethod: (method: string, forbidden: boolean) => string;
    noCorsMethod: (method: string) => string;
    labOrigin: (origin: string, name: string | null) => string;
    ownOrigin: (origin: string) => string;
    sameOriginMode: (origin: string, pageOrigin: string) => string;
    noCorsRedirectMode: (redirectMode: string) => string;
    /** `method`: the method when it is not safelisted; `headers`: the names that are not. */
    preflightNeeded: (method: string | null, headers: readonly string[]) => string;
    noPreflight: (method: string) => string;
    preflightCacheHit: () => string;
    preflightRedirected: (status: number, redirected: boolean) => string;
    preflightStatus: (status: number, ok: boolean) => string;
    listUnparsable: (header: string) => string;
    methodAllowed: (method: string, allowed: boolean, starIsLiteral: boolean) => string;
    headerDisallowed: (header: string, starIsLiteral: boolean) => string;
    headersCovered: (names: readonly string[]) => string;
    preflightStored: (seconds: number) => string;
    preflightNotStored: () => string;
    opaque: () => string;
    readable: () => string;
    /** Format 1.2: an element's answer (a script or a stylesheet needs an ok status) and what the page may do with it. */
    elementStatus: (status: number, ok: boolean) => string;
    elementLoaded: (opaque: boolean) => string;
    /** Format 1.2 form and beacon (sending.ts): the request each makes, and a form's cookies. */
    beaconMode: (contentType: string, mode: 'cors' | 'no-cors') => string;
    formSubmitted: (method: string, enctype: string) => string;
    formCookie: (sameSite: boolean, method: string, sent: boolean) => string;
    /** Format 1.2: a WebSocket's handshake (no CORS: the server decides on the Origin) and an event stream's answer. */
    /** An https page's fetch of an http URL, blocked as mixed content (engine-rules.ts). */
    mixedContent: (url: string) => string;
    /** Format 1.2: the page's Content-Security-Policy refused the URL (page-csp.ts); `directive` as written. */
    cspRefused: (url: string, directive: string) => string;
    socketNoCors: (origin: string) => string;
    socketHandshake: (status: number, origin: string) => string;
    eventStream: (status: number, contentType: string | null, problem: 'status' | 'type' | null) => string;
    locationNotUrl: (status: number) => string;
    unsafeScheme: (protocol: string) => string;
    redirectMode: (status: number, redirectMode: string) => string;
    redirectCount: (n: number) => string;
    onlyHttp: (protocol: string) => string;
    userinfo: () => string;
    tainted: (from: string, to: string) => string;
    blocked: (reason: string) => string;
    /** The CORS check of an answer: passed, or how it failed. */
    corsAllowed: (origin: string, include: boolean) => string;
    corsMissing: (origin: string) => string;
    corsMultiple: (value: string) => string;
    corsInvalid: (value: string) => string;
    corsMismatch: (value: string, origin: string) => string;
    corsWildcard: () => string;
    corsCredentials: (value: string) => string;
    corsOther: (reason: string, origin: string) => string;
  };

  /** The one-line verdict and the fix hint of explain.ts. */
  explain: {
    allowedSameOrigin: () => string;
    /** Format 1.2: an element loaded; readable by the page or not (null: nothing tells). */
    elementLoaded: (readable: boolean | null) => string;
    /** Format 1.2: a form or a beacon, whose answer the page never sees; what the server got. */
    sent: (api: 'form' | 'beacon', reachedServer: boolean, cookieSent: boolean) => string;
    /** Format 1.2: a WebSocket opened (no CORS: the page reads what the server sends) or was refused; an event stream. */
    socketOpened: (cookieSent: boolean) => string;
    socketRefused: (status: number | null) => string;
    socketFix: () => string;
    eventArrived: () => string;
    eventStreamFailed: (why: string) => string;
    eventStreamFix: () => string;
    allowedCors: (afterPreflight: boolean) => string;
    allowed: (how: string, status: number | null, headers: number) => string;
    opaqueRedirect: () => string;
    opaqueNoCors: () => string;
    opaque: (what: string) => string;
    opaqueFix: () => string;
    refused: (pageError: string | null) => string;
    /**
     * Format 1.2: the page's Content-Security-Policy refused the request: `directive` as written, `fallback` the
     * API's own directive when default-src (or another fallback) decided; the fix names `origin` for the directive.
     */
    cspRefused: (directive: string, fallback: string | null) => string;
    cspFix: (directive: string, origin: string) => string;
    stage: Record<'preflight' | 'response' | 'redirect' | 'page', string>;
    blocked: (stage: string, what: string, reachedServer: boolean) => string;
    allowOrigin: (origin: string, credentialsInclude: boolean) => string;
    reasons: Record<ModelReason, ReasonWords>;
  };

  /** The complete fix (fix.ts). */
  fix: {
    noHeaderHelps: Record<NoHeaderHelpReason, string>;
    pageRefuses: (pageError: string | null) => string;
    /** The response a `why` is about. */
    on: (target: FixTarget) => string;
    allowOrigin: (on: string, origin: string, reflected: boolean) => string;
    vary: () => string;
    credentialsToo: () => string;
    allowCredentials: (on: string) => string;
    /** `status`: the preflight's status as planned (401/403: auth in front of CORS; 404/405: no OPTIONS route). */
    okStatus: (status: number | null) => string;
    noRedirect: () => string;
    noLocation: () => string;
    listNames: (names: string, credentialsInclude: boolean) => string;
    /** A resource refused by its Cross-Origin-Resource-Policy (or COEP's default): the policy that lets the page embed it. */
    resourcePolicy: (on: string) => string;
    unknown: (reason: string) => string;
    noFailedCheck: (reason: string) => string;
    planIgnored: (reason: string) => string;
    tooManyRounds: (rounds: number) => string;
    /** The response a change line is about. */
    where: (target: FixTarget) => string;
    option: (middleware: string, name: string, value: string) => string;
    status: (where: string, status: number) => string;
    remove: (where: string, header: string) => string;
    send: (where: string, header: string, value: string) => string;
    impossible: (why: string) => string;
    /** Where the page's own policy refused the request: the fix is the page's (`why` says so once). */
    pagePolicy: (why: string) => string;
    reflectedOrigin: string;
  };

  /** The fix of a server answering through a CORS middleware (middleware-fix.ts). */
  middleware: {
    allowOrigin: (origin: string, credentialsInclude: boolean) => string;
    credentials: () => string;
    credentialsRefused: (reason: string) => string;
    preflightContinue: () => string;
    routeStatus: (middleware: string) => string;
    listNames: (names: string) => string;
    unknown: (middleware: string, reason: string) => string;
  };

  /** What an experiment assumes of the browser (client/lab/browser-assumptions.ts). */
  assumptions: {
    thirdPartyCookies: (setting: BrowserSettings['thirdPartyCookies']) => string;
    localNetworkAccess: (setting: BrowserSettings['localNetworkAccess']) => string;
    publicOnLoopback: () => string;
    /** Format 1.2: the playground runs the page in a frame, which page headers such as COOP cannot act on. */
    pageHeadersInFrame: () => string;
    /** An https page (`secure`) that sets cookies: in the playground a frame of the http page, so its cookies are third-party. */
    secureCookiesInFrame: () => string;
    /** Format 1.2: a form step submits into a popup window, which a popup blocker may stop. */
    formPopup: () => string;
  };
}
