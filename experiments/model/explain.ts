/**
 * Turns a prediction into words: a one-line verdict, the console message
 * Chromium prints (checked against the real one in the browser tests), the
 * header that fixes it, the MDN page, and Firefox's `(Reason: …)` text so
 * users of other browsers recognise what they see.
 * Chromium's texts: third_party/blink/renderer/platform/loader/cors/cors_error_string.cc
 */
import { originSpec } from '../../plan/origins.ts';
import { isModelReason, type ModelReason } from './model-reasons.ts';
import type { StepPrediction } from './prediction.ts';
import { modelMessages, type ModelMessages } from './messages/index.ts';
import type { ReasonArgs } from './messages/model-messages.ts';
import type { Language } from '../../format/i18n/languages.ts';
import { firefoxLineOf } from './firefox-cors-words.ts';
import type { ResolvedRequest } from '../../format/format-defaults.ts';
import { elementReadable } from './element-load.ts';
import { isFrameApi } from '../../format/frames.ts';
import { explainFrame } from './frame-explain.ts';
import { explainCsp } from './csp-explain.ts';

export interface Explanation {
  verdict: string;
  /** The console line Chromium prints; null when it prints none for this outcome. */
  console: string | null;
  /** What to change, as the header to send where possible. */
  fix: string | null;
  mdn: string | null;
  /** The console line Firefox prints for the step ("Cross-Origin Request Blocked: … (Reason: …)"), if any. */
  firefox: string | null;
}

export interface ExplainContext {
  /** The URL the page asked for. */
  url: string;
  /** The page's serialized origin ("null" for an opaque page). */
  pageOrigin: string;
  api: ResolvedRequest['api'];
  method: string;
  credentialsInclude: boolean;
  /** The request's `targetAddressSpace` fetch option, when it set one. */
  targetAddressSpace?: string | undefined;
  /** Format 1.2, postMessage: the targetOrigin argument as written. */
  targetOrigin?: string | undefined;
}

/** What Chromium's console line calls the request ("Access to image at ..."), measured in Chromium 156. */
const CONSOLE_SUBJECT: Record<ResolvedRequest['api'], string> = {
  fetch: 'fetch', xhr: 'XMLHttpRequest', img: 'image', script: 'script', stylesheet: 'CSS stylesheet',
  // A beacon's failed preflight prints "Access to resource at ..." (measured); a form, a navigation, prints none.
  beacon: 'resource', form: 'form',
  iframe: 'frame', postMessage: 'frame', 'window-open': 'window',
  // An EventSource's block reads "Access to resource at ..." (measured); a WebSocket has no CORS line at all.
  eventsource: 'resource', websocket: 'WebSocket',
};

const MDN = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS/Errors/';
const CHECK_PREFIX = "Response to preflight request doesn't pass access control check: ";
const VALID_VALUE = ' Have the server send the header with a valid value.';

interface Entry {
  /** Where the request stopped, for the verdict. */
  where: 'preflight' | 'response' | 'redirect' | 'page';
  /** Chromium's sentence after "has been blocked by CORS policy: "; null when it prints no such line. */
  chromium: ((p: StepPrediction, c: ExplainContext) => string) | null;
  /** A whole console line of another form ("Fetch API cannot load …"). */
  line?: (p: StepPrediction, c: ExplainContext) => string;
  /** A page to read beyond MDN's page of Firefox's reason (which comes from engine-firefox.ts). */
  mdn: string | null;
}

/** The value a reason's words name: Chromium's failed parameter, or the Location it refused to follow. */
const param = (p: StepPrediction): string => p.failedParameter ?? p.refusedLocation ?? '';
/** Chromium's console line writes a header value's bytes beyond ASCII as `\u00E9` (measured: test/probes/wpt-more-cases.ts). */
const consoleParam = (p: StepPrediction): string => param(p).replace(/[^\x00-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
/** The address space of the origin the request went to last. */
const targetSpace = (p: StepPrediction): string => {
  const last = p.stoppedAt ?? p.requests.at(-1);
  return last ? originSpec(last.origin).addressSpace : 'loopback';
};
const LNA_MDN = 'https://developer.chrome.com/blog/local-network-access';

/** Chromium adds the "valid value" hint for fetch() only, and explains withCredentials for XHR only (measured). */
const validValue = (c: ExplainContext): string => (c.api === 'xhr' ? '' : VALID_VALUE);
const XHR_CREDENTIALS = ' The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.';
const xhrCredentials = (c: ExplainContext): string => (c.api === 'xhr' ? XHR_CREDENTIALS : '');

/** The schemes Chromium 156 lists in its CorsDisabledScheme console line (measured). */
const CORS_ENABLED_SCHEMES = 'chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, isolated-app';

const messages = {
  missing: () => "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
  multiple: (p: StepPrediction, c: ExplainContext) => `The 'Access-Control-Allow-Origin' header contains multiple values '${consoleParam(p)}', but only one is allowed.${validValue(c)}`,
  invalid: (p: StepPrediction, c: ExplainContext) => `The 'Access-Control-Allow-Origin' header contains the invalid value '${consoleParam(p)}'.${validValue(c)}`,
  mismatch: (p: StepPrediction, c: ExplainContext) => `The 'Access-Control-Allow-Origin' header has a value '${consoleParam(p)}' that is not equal to the supplied origin.${validValue(c)}`,
  wildcard: (_p: StepPrediction, c: ExplainContext) =>
    "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'." + xhrCredentials(c),
  credentials: (p: StepPrediction, c: ExplainContext) =>
    `The value of the 'Access-Control-Allow-Credentials' header in the response is '${consoleParam(p)}' which must be 'true' when the request's credentials mode is 'include'.${xhrCredentials(c)}`,
};

const ENTRIES: Record<ModelReason, Entry> = {
  MissingAllowOriginHeader: { where: 'response', chromium: messages.missing, mdn: null },
  MultipleAllowOriginValues: { where: 'response', chromium: messages.multiple, mdn: null },
  InvalidAllowOriginValue: { where: 'response', chromium: messages.invalid, mdn: null },
  AllowOriginMismatch: { where: 'response', chromium: messages.mismatch, mdn: null },
  WildcardOriginNotAllowed: { where: 'response', chromium: messages.wildcard, mdn: null },
  InvalidAllowCredentials: { where: 'response', chromium: messages.credentials, mdn: null },
  PreflightMissingAllowOriginHeader: { where: 'preflight', chromium: () => CHECK_PREFIX + messages.missing(), mdn: null },
  PreflightMultipleAllowOriginValues: { where: 'preflight', chromium: (p, c) => CHECK_PREFIX + messages.multiple(p, c), mdn: null },
  PreflightInvalidAllowOriginValue: { where: 'preflight', chromium: (p, c) => CHECK_PREFIX + messages.invalid(p, c), mdn: null },
  PreflightAllowOriginMismatch: { where: 'preflight', chromium: (p, c) => CHECK_PREFIX + messages.mismatch(p, c), mdn: null },
  PreflightWildcardOriginNotAllowed: { where: 'preflight', chromium: (p, c) => CHECK_PREFIX + messages.wildcard(p, c), mdn: null },
  PreflightInvalidAllowCredentials: { where: 'preflight', chromium: (p, c) => CHECK_PREFIX + messages.credentials(p, c), mdn: null },
  PreflightInvalidStatus: { where: 'preflight', chromium: () => `${CHECK_PREFIX}It does not have HTTP ok status.`, mdn: null },
  PreflightDisallowedRedirect: { where: 'preflight', chromium: () => `${CHECK_PREFIX}Redirect is not allowed for a preflight request.`, mdn: null },
  InvalidAllowMethodsPreflightResponse: { where: 'preflight', chromium: () => 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.', mdn: null },
  InvalidAllowHeadersPreflightResponse: { where: 'preflight', chromium: () => 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.', mdn: null },
  MethodDisallowedByPreflightResponse: { where: 'preflight', chromium: (p) => `Method ${param(p)} is not allowed by Access-Control-Allow-Methods in preflight response.`, mdn: null },
  HeaderDisallowedByPreflightResponse: { where: 'preflight', chromium: (p) => `Request header field ${param(p)} is not allowed by Access-Control-Allow-Headers in preflight response.`, mdn: null },
  RedirectContainsCredentials: { where: 'redirect', chromium: () => "Redirect location '' contains a username and password, which is disallowed for cross-origin requests.", mdn: null },
  CorsDisabledScheme: {
    where: 'redirect',
    chromium: null,
    // The console names the Location as the URL fetched, redirected from the request's URL.
    line: (p, c) =>
      `Access to ${CONSOLE_SUBJECT[c.api]} at '${param(p)}' (redirected from '${c.url}') from origin '${c.pageOrigin}' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: ${CORS_ENABLED_SCHEMES}.`,
    mdn: null,
  },
  'net::ERR_UNSAFE_REDIRECT': { where: 'redirect', chromium: null, mdn: null },
  'net::ERR_UNKNOWN_URL_SCHEME': { where: 'redirect', chromium: null, mdn: null },
  DisallowedByMode: { where: 'page', chromium: null, line: (_p, c) => `Fetch API cannot load ${c.url}. Request mode is "same-origin" but the URL's origin is not same as the request origin ${c.pageOrigin}.`, mdn: null },
  NoCorsRedirectModeNotFollow: { where: 'page', chromium: null, line: (_p, c) => `Fetch API cannot load ${c.url}. Request mode is "no-cors" but the redirect mode is not "follow".`, mdn: null },
  origin: { where: 'redirect', chromium: null, mdn: null },
  'corp-not-same-origin': { where: 'response', chromium: null, mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Cross-Origin_Resource_Policy' },
  'corp-not-same-site': { where: 'response', chromium: null, mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Cross-Origin_Resource_Policy' },
  'net::ERR_FAILED': { where: 'redirect', chromium: null, mdn: null },
  'net::ERR_INVALID_REDIRECT': { where: 'redirect', chromium: null, mdn: null },
  'net::ERR_TOO_MANY_REDIRECTS': { where: 'redirect', chromium: null, mdn: null },
  LocalNetworkAccessPermissionDenied: {
    where: 'page',
    chromium: (p) => `Permission was denied for this request to access the \`${targetSpace(p)}\` address space.`,
    mdn: LNA_MDN,
  },
  InvalidLocalNetworkAccess: {
    where: 'page',
    chromium: (p, c) => `Request had a target IP address space of \`${c.targetAddressSpace ?? ''}\` yet the resource is in address space \`${targetSpace(p)}\`.`,
    mdn: LNA_MDN,
  },
  'net::ERR_CONNECTION_REFUSED': { where: 'page', chromium: null, mdn: null },
  'corp-not-same-origin-after-defaulted-to-same-origin-by-coep': { where: 'response', chromium: null, mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Cross-Origin-Embedder-Policy' },
  'net::ERR_ABORTED': { where: 'response', chromium: null, mdn: null },
  // Frames are explained by frame-explain.ts; these keep the table whole.
  other: { where: 'response', chromium: null, mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy/frame-ancestors' },
  'coep-frame-resource-needs-coep-header': { where: 'response', chromium: null, mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Cross-Origin-Embedder-Policy' },
  // The page's own policy; a refused step is explained by csp-explain.ts.
  csp: {
    where: 'page', chromium: null, mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy',
  },
};

/** The console line's opening: which URL, redirected from where, from which origin. */
function consoleHead(p: StepPrediction, c: ExplainContext): string {
  const last = p.stoppedAt?.url ?? p.requests.at(-1)?.url ?? c.url;
  const at = last === c.url ? `'${c.url}'` : `'${last}' (redirected from '${c.url}')`;
  return `Access to ${CONSOLE_SUBJECT[c.api]} at ${at} from origin '${c.pageOrigin}' has been blocked by CORS policy: `;
}

/** Format 1.2: the console line of a beacon's CORS failure, which its page never sees (sending.ts). */
function unseenConsole(p: StepPrediction, c: ExplainContext): string | null {
  const failure = p.unseenFailure;
  if (!failure || !isModelReason(failure.reason)) return null;
  const entry = ENTRIES[failure.reason];
  const failed = { ...p, reason: failure.reason, failedParameter: failure.failedParameter };
  return entry.chromium ? consoleHead(failed, c) + entry.chromium(failed, c) : (entry.line?.(failed, c) ?? null);
}

/** What the words of a blocked step's reason need to know (messages/model-messages.ts). */
function reasonArgs(p: StepPrediction, c: ExplainContext, say: ModelMessages['explain']): ReasonArgs {
  return {
    param: param(p),
    origin: p.originSeen ?? '',
    method: c.method,
    credentialsInclude: c.credentialsInclude,
    requestHeaders: p.requestHeadersSeen ?? null,
    space: targetSpace(p),
    targetAddressSpace: c.targetAddressSpace ?? '',
    allowOrigin: say.allowOrigin(p.originSeen ?? c.pageOrigin, c.credentialsInclude),
  };
}

/**
 * The step in words. The verdict and the fix are in `lang` (English by default: the CLI's);
 * the console lines stay the browsers' own, which are English whatever the page's language.
 */
export function explain(p: StepPrediction, c: ExplainContext, lang: Language = 'en'): Explanation {
  if (p.refusedByCsp) return explainCsp(p.refusedByCsp, c, lang);
  if (isFrameApi(c.api)) return explainFrame(p, c, lang);
  const say = modelMessages(lang).explain;
  // Format 1.2: a WebSocket is opened or refused by the server alone, never by CORS; an event stream that is
  // no stream fails without a reason (socket-model.ts).
  if (c.api === 'websocket') {
    const status = p.requests.at(-1)?.status ?? null;
    const verdict = p.outcome === 'allowed' ? say.socketOpened(p.cookieSent) : say.socketRefused(status);
    return { verdict, console: null, fix: p.outcome === 'allowed' ? null : say.socketFix(), mdn: null, firefox: null };
  }
  if (c.api === 'eventsource' && p.outcome === 'allowed') return { verdict: say.eventArrived(), console: null, fix: null, mdn: null, firefox: null };
  if (c.api === 'eventsource' && p.reason === null && p.reachedServer) {
    const why = p.checks.filter((check) => !check.ok).at(-1)?.text ?? '';
    return { verdict: say.eventStreamFailed(why), console: null, fix: say.eventStreamFix(), mdn: null, firefox: null };
  }
  // Format 1.2: an element that loaded; whether the page may read it is what the lesson is about.
  if (p.outcome === 'allowed' && p.loaded === true) {
    return { verdict: say.elementLoaded(elementReadable(p)), console: null, fix: null, mdn: null, firefox: null };
  }
  if (p.outcome === 'allowed') {
    const how = p.responseType === 'basic' ? say.allowedSameOrigin() : say.allowedCors(p.preflight);
    return { verdict: say.allowed(how, p.status, p.readableHeaders.length), console: null, fix: null, mdn: null, firefox: null };
  }
  // Format 1.2: a form or a beacon; what the server got is the whole story (sending.ts).
  if (p.outcome === 'opaque' && (c.api === 'form' || c.api === 'beacon')) {
    return { verdict: say.sent(c.api, p.reachedServer, p.cookieSent), console: unseenConsole(p, c), fix: null, mdn: null, firefox: null };
  }
  if (p.outcome === 'opaque') {
    const what = p.responseType === 'opaqueredirect' ? say.opaqueRedirect() : say.opaqueNoCors();
    return { verdict: say.opaque(what), console: null, fix: say.opaqueFix(), mdn: null, firefox: null };
  }
  if (p.reason === null || !isModelReason(p.reason)) {
    return { verdict: say.refused(p.pageError), console: null, fix: null, mdn: null, firefox: null };
  }
  const entry = ENTRIES[p.reason];
  const words = say.reasons[p.reason];
  // What Firefox prints for the same step, and MDN's page of that reason (engine-firefox.ts, measured).
  const firefox = firefoxLineOf(p, c.url);
  const args = reasonArgs(p, c, say);
  return {
    verdict: say.blocked(say.stage[entry.where], words.what(args), p.reachedServer),
    console: entry.chromium ? consoleHead(p, c) + entry.chromium(p, c) : (entry.line?.(p, c) ?? null),
    fix: words.fix(args),
    mdn: firefox ? new URL(firefox.reason, MDN).href : entry.mdn ? new URL(entry.mdn, MDN).href : null,
    firefox: firefox?.line ?? null,
  };
}
