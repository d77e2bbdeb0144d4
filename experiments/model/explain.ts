/**
 * Turns a prediction into words: a one-line verdict, the console message
 * Chromium prints (checked against the real one in the browser tests), the
 * header that fixes it, the MDN page, and Firefox's `(Reason: …)` text so
 * users of other browsers recognise what they see.
 * Chromium's texts: third_party/blink/renderer/platform/loader/cors/cors_error_string.cc
 */
import { originSpec } from '../../servers/origins.ts';
import type { ModelReason } from './model-reasons.ts';
import type { StepPrediction } from './prediction.ts';

export interface Explanation {
  verdict: string;
  /** The console line Chromium prints; null when it prints none for this outcome. */
  console: string | null;
  /** What to change, as the header to send where possible. */
  fix: string | null;
  mdn: string | null;
  /** Firefox's reason in its console's `(Reason: …)`. */
  firefox: string | null;
}

export interface ExplainContext {
  /** The URL the page asked for. */
  url: string;
  /** The page's serialized origin ("null" for an opaque page). */
  pageOrigin: string;
  api: 'fetch' | 'xhr';
  method: string;
  credentialsInclude: boolean;
  /** The request's `targetAddressSpace` fetch option, when it set one. */
  targetAddressSpace?: string | undefined;
}

const MDN = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS/Errors/';
const CHECK_PREFIX = "Response to preflight request doesn't pass access control check: ";
const VALID_VALUE = ' Have the server send the header with a valid value.';

interface Entry {
  /** Where the request stopped, for the verdict. */
  where: 'preflight' | 'response' | 'redirect' | 'page';
  what: (p: StepPrediction, c: ExplainContext) => string;
  /** Chromium's sentence after "has been blocked by CORS policy: "; null when it prints no such line. */
  chromium: ((p: StepPrediction, c: ExplainContext) => string) | null;
  /** A whole console line of another form ("Fetch API cannot load …"). */
  line?: (p: StepPrediction, c: ExplainContext) => string;
  fix: (p: StepPrediction, c: ExplainContext) => string;
  mdn: string | null;
  firefox: ((p: StepPrediction, c: ExplainContext) => string) | null;
}

const allowOrigin = (p: StepPrediction, c: ExplainContext): string => {
  const origin = p.originSeen ?? c.pageOrigin;
  if (c.credentialsInclude) return `Access-Control-Allow-Origin: ${origin}\nAccess-Control-Allow-Credentials: true\nVary: Origin`;
  return origin === 'null' ? 'Access-Control-Allow-Origin: *' : `Access-Control-Allow-Origin: ${origin}\nVary: Origin   (or * for public data)`;
};
const param = (p: StepPrediction): string => p.failedParameter ?? '';
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
  MissingAllowOriginHeader: { where: 'response', what: () => 'the answer has no Access-Control-Allow-Origin header', chromium: messages.missing, fix: allowOrigin, mdn: 'CORSMissingAllowOrigin', firefox: () => "CORS header 'Access-Control-Allow-Origin' missing" },
  MultipleAllowOriginValues: { where: 'response', what: (p) => `Access-Control-Allow-Origin holds several values ('${param(p)}')`, chromium: messages.multiple, fix: allowOrigin, mdn: 'CORSMultipleAllowOriginNotAllowed', firefox: () => "Multiple CORS header 'Access-Control-Allow-Origin' not allowed" },
  InvalidAllowOriginValue: { where: 'response', what: (p) => `Access-Control-Allow-Origin '${param(p)}' is not an origin`, chromium: messages.invalid, fix: allowOrigin, mdn: 'CORSAllowOriginNotMatchingOrigin', firefox: (p) => `CORS header 'Access-Control-Allow-Origin' does not match '${param(p)}'` },
  AllowOriginMismatch: { where: 'response', what: (p) => `Access-Control-Allow-Origin '${param(p)}' is not the request's origin '${p.originSeen ?? ''}'`, chromium: messages.mismatch, fix: allowOrigin, mdn: 'CORSAllowOriginNotMatchingOrigin', firefox: (p) => `CORS header 'Access-Control-Allow-Origin' does not match '${param(p)}'` },
  WildcardOriginNotAllowed: { where: 'response', what: () => 'Access-Control-Allow-Origin is * but the request carries credentials', chromium: messages.wildcard, fix: allowOrigin, mdn: 'CORSNotSupportingCredentials', firefox: () => "Credential is not supported if the CORS header 'Access-Control-Allow-Origin' is '*'" },
  InvalidAllowCredentials: { where: 'response', what: (p) => `Access-Control-Allow-Credentials is '${param(p)}', not 'true'`, chromium: messages.credentials, fix: () => 'Access-Control-Allow-Credentials: true', mdn: 'CORSMIssingAllowCredentials', firefox: () => "expected 'true' in CORS header 'Access-Control-Allow-Credentials'" },
  PreflightMissingAllowOriginHeader: { where: 'preflight', what: () => 'the OPTIONS answer has no Access-Control-Allow-Origin header', chromium: () => CHECK_PREFIX + messages.missing(), fix: (p, c) => `on the OPTIONS answer:\n${allowOrigin(p, c)}`, mdn: 'CORSMissingAllowOrigin', firefox: () => "CORS header 'Access-Control-Allow-Origin' missing" },
  PreflightMultipleAllowOriginValues: { where: 'preflight', what: (p) => `the OPTIONS answer's Access-Control-Allow-Origin holds several values ('${param(p)}')`, chromium: (p, c) => CHECK_PREFIX + messages.multiple(p, c), fix: (p, c) => `on the OPTIONS answer, once:\n${allowOrigin(p, c)}`, mdn: 'CORSMultipleAllowOriginNotAllowed', firefox: () => "Multiple CORS header 'Access-Control-Allow-Origin' not allowed" },
  PreflightInvalidAllowOriginValue: { where: 'preflight', what: (p) => `the OPTIONS answer's Access-Control-Allow-Origin '${param(p)}' is not an origin`, chromium: (p, c) => CHECK_PREFIX + messages.invalid(p, c), fix: (p, c) => `on the OPTIONS answer:\n${allowOrigin(p, c)}`, mdn: 'CORSAllowOriginNotMatchingOrigin', firefox: (p) => `CORS header 'Access-Control-Allow-Origin' does not match '${param(p)}'` },
  PreflightAllowOriginMismatch: { where: 'preflight', what: (p) => `the OPTIONS answer allows '${param(p)}', not '${p.originSeen ?? ''}'`, chromium: (p, c) => CHECK_PREFIX + messages.mismatch(p, c), fix: (p, c) => `on the OPTIONS answer:\n${allowOrigin(p, c)}`, mdn: 'CORSAllowOriginNotMatchingOrigin', firefox: (p) => `CORS header 'Access-Control-Allow-Origin' does not match '${param(p)}'` },
  PreflightWildcardOriginNotAllowed: { where: 'preflight', what: () => 'the OPTIONS answer allows * but the request carries credentials', chromium: (p, c) => CHECK_PREFIX + messages.wildcard(p, c), fix: (p, c) => `on the OPTIONS answer:\n${allowOrigin(p, c)}`, mdn: 'CORSNotSupportingCredentials', firefox: () => "Credential is not supported if the CORS header 'Access-Control-Allow-Origin' is '*'" },
  PreflightInvalidAllowCredentials: { where: 'preflight', what: (p) => `the OPTIONS answer's Access-Control-Allow-Credentials is '${param(p)}', not 'true'`, chromium: (p, c) => CHECK_PREFIX + messages.credentials(p, c), fix: () => 'on the OPTIONS answer:\nAccess-Control-Allow-Credentials: true', mdn: 'CORSMIssingAllowCredentials', firefox: () => "expected 'true' in CORS header 'Access-Control-Allow-Credentials'" },
  PreflightInvalidStatus: { where: 'preflight', what: () => 'the OPTIONS answer does not have an ok (2xx) status', chromium: () => `${CHECK_PREFIX}It does not have HTTP ok status.`, fix: () => 'answer OPTIONS with 204 No Content (any 2xx) and the CORS headers', mdn: 'CORSPreflightDidNotSucceed', firefox: () => 'CORS preflight response did not succeed' },
  PreflightDisallowedRedirect: { where: 'preflight', what: () => 'the OPTIONS request was redirected', chromium: () => `${CHECK_PREFIX}Redirect is not allowed for a preflight request.`, fix: () => 'answer OPTIONS at the requested URL itself: no redirect (check auth and trailing-slash rules)', mdn: 'CORSExternalRedirectNotAllowed', firefox: () => 'CORS request external redirect not allowed' },
  InvalidAllowMethodsPreflightResponse: { where: 'preflight', what: () => 'Access-Control-Allow-Methods does not parse as a comma-separated list of methods', chromium: () => 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.', fix: (_p, c) => `Access-Control-Allow-Methods: ${c.method}   (a comma-separated list)`, mdn: 'CORSInvalidAllowMethod', firefox: () => "invalid token in CORS header 'Access-Control-Allow-Methods'" },
  InvalidAllowHeadersPreflightResponse: { where: 'preflight', what: () => 'Access-Control-Allow-Headers does not parse as a comma-separated list of names', chromium: () => 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.', fix: (p) => `Access-Control-Allow-Headers: ${(p.requestHeadersSeen ?? '').split(',').join(', ')}`, mdn: 'CORSInvalidAllowHeader', firefox: () => "invalid token in CORS header 'Access-Control-Allow-Headers'" },
  MethodDisallowedByPreflightResponse: { where: 'preflight', what: (p) => `${param(p)} is not in Access-Control-Allow-Methods`, chromium: (p) => `Method ${param(p)} is not allowed by Access-Control-Allow-Methods in preflight response.`, fix: (p, c) => `Access-Control-Allow-Methods: ${param(p)}${c.credentialsInclude ? '   (with credentials, * is not a wildcard: name it)' : ''}`, mdn: 'CORSMethodNotFound', firefox: () => "Did not find method in CORS header 'Access-Control-Allow-Methods'" },
  HeaderDisallowedByPreflightResponse: { where: 'preflight', what: (p) => `the request header ${param(p)} is not in Access-Control-Allow-Headers`, chromium: (p) => `Request header field ${param(p)} is not allowed by Access-Control-Allow-Headers in preflight response.`, fix: (p, c) => `Access-Control-Allow-Headers: ${(p.requestHeadersSeen ?? param(p)).split(',').join(', ')}${c.credentialsInclude ? '   (with credentials, * is not a wildcard: name them)' : ''}`, mdn: 'CORSMissingAllowHeaderFromPreflight', firefox: (p) => `header '${param(p)}' is not allowed according to header 'Access-Control-Allow-Headers' from CORS preflight response` },
  RedirectContainsCredentials: { where: 'redirect', what: () => 'the redirect points to a URL with user:password@', chromium: () => "Redirect location '' contains a username and password, which is disallowed for cross-origin requests.", fix: () => 'redirect to a URL without user:password@ (send credentials in a header instead)', mdn: 'CORSExternalRedirectNotAllowed', firefox: () => 'CORS request external redirect not allowed' },
  CorsDisabledScheme: {
    where: 'redirect',
    what: (p) => `the redirect leads to ${param(p)}, and a CORS request may only fetch http: and https: URLs`,
    chromium: null,
    // The console names the Location as the URL fetched, redirected from the request's URL.
    line: (p, c) =>
      `Access to ${c.api === 'xhr' ? 'XMLHttpRequest' : 'fetch'} at '${param(p)}' (redirected from '${c.url}') from origin '${c.pageOrigin}' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: ${CORS_ENABLED_SCHEMES}.`,
    fix: () => 'redirect to an http: or https: URL',
    mdn: 'CORSRequestNotHttp',
    firefox: () => 'CORS request not HTTP',
  },
  'net::ERR_UNSAFE_REDIRECT': { where: 'redirect', what: () => 'the redirect leads to a local scheme (data:, about:, file:, blob:), which the browser never follows', chromium: null, fix: () => 'redirect to an http: or https: URL', mdn: null, firefox: null },
  'net::ERR_UNKNOWN_URL_SCHEME': { where: 'redirect', what: () => 'the redirect leads to a scheme the browser cannot fetch', chromium: null, fix: () => 'redirect to an http: or https: URL', mdn: null, firefox: null },
  DisallowedByMode: { where: 'page', what: () => 'mode "same-origin" forbids a request to another origin', chromium: null, line: (_p, c) => `Fetch API cannot load ${c.url}. Request mode is "same-origin" but the URL's origin is not same as the request origin ${c.pageOrigin}.`, fix: () => 'use mode "cors" (the default) and have the server send CORS headers', mdn: null, firefox: null },
  NoCorsRedirectModeNotFollow: { where: 'page', what: () => 'a no-cors request to another origin must follow redirects', chromium: null, line: (_p, c) => `Fetch API cannot load ${c.url}. Request mode is "no-cors" but the redirect mode is not "follow".`, fix: () => 'use redirect "follow" with mode "no-cors"', mdn: null, firefox: null },
  origin: { where: 'redirect', what: () => 'a same-origin request was redirected to another origin under mode "same-origin"', chromium: null, fix: () => 'use mode "cors", or keep the redirect on the same origin', mdn: null, firefox: null },
  'corp-not-same-origin': { where: 'response', what: () => 'the answer carries Cross-Origin-Resource-Policy: same-origin and the page is on another origin', chromium: null, fix: () => 'Cross-Origin-Resource-Policy: cross-origin   (or leave it out) if other origins may embed it; or call it with mode "cors" and CORS headers', mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Cross-Origin_Resource_Policy', firefox: null },
  'corp-not-same-site': { where: 'response', what: () => 'the answer carries Cross-Origin-Resource-Policy: same-site and the page is on another site', chromium: null, fix: () => 'Cross-Origin-Resource-Policy: cross-origin   (or leave it out) if other sites may embed it; or call it with mode "cors" and CORS headers', mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Cross-Origin_Resource_Policy', firefox: null },
  'net::ERR_FAILED': { where: 'redirect', what: () => 'redirect "error" turns any redirect into a network error', chromium: null, fix: () => 'use redirect "follow" (or "manual"), or stop redirecting', mdn: null, firefox: null },
  'net::ERR_INVALID_REDIRECT': { where: 'redirect', what: () => 'the Location header is not a valid URL', chromium: null, fix: () => 'send a valid absolute or relative URL in Location', mdn: null, firefox: null },
  'net::ERR_TOO_MANY_REDIRECTS': { where: 'redirect', what: () => 'more than 20 redirects', chromium: null, fix: () => 'shorten the redirect chain', mdn: null, firefox: null },
  LocalNetworkAccessPermissionDenied: {
    where: 'page',
    what: (p) => `a public page may reach the ${targetSpace(p)} address space only with the user's Local Network Access permission, asked before any CORS check`,
    chromium: (p) => `Permission was denied for this request to access the \`${targetSpace(p)}\` address space.`,
    fix: () => 'no response header fixes it: the user must allow "local network access" for the page\'s site (Chrome asks with a prompt; tests: grantPermissions([\'local-network-access\'])), or serve the API from a public address',
    mdn: LNA_MDN,
    firefox: null,
  },
  InvalidLocalNetworkAccess: {
    where: 'page',
    what: (p, c) => `the request declared targetAddressSpace "${c.targetAddressSpace ?? ''}" but the server is in the ${targetSpace(p)} address space`,
    chromium: (p, c) => `Request had a target IP address space of \`${c.targetAddressSpace ?? ''}\` yet the resource is in address space \`${targetSpace(p)}\`.`,
    fix: (p) => `fetch(url, { targetAddressSpace: '${targetSpace(p)}' }), or leave the option out`,
    mdn: LNA_MDN,
    firefox: null,
  },
  'net::ERR_CONNECTION_REFUSED': { where: 'page', what: () => 'nothing listens at that address', chromium: null, fix: () => 'start the server', mdn: null, firefox: null },
};

const STAGE: Record<Entry['where'], string> = {
  preflight: 'Blocked at the preflight',
  response: 'Blocked after the response arrived',
  redirect: 'Blocked at a redirect',
  page: 'Blocked before sending',
};

function isModelReason(reason: string): reason is ModelReason {
  return reason in ENTRIES;
}

/** The console line's opening: which URL, redirected from where, from which origin. */
function consoleHead(p: StepPrediction, c: ExplainContext): string {
  const last = p.stoppedAt?.url ?? p.requests.at(-1)?.url ?? c.url;
  const at = last === c.url ? `'${c.url}'` : `'${last}' (redirected from '${c.url}')`;
  return `Access to ${c.api === 'xhr' ? 'XMLHttpRequest' : 'fetch'} at ${at} from origin '${c.pageOrigin}' has been blocked by CORS policy: `;
}

export function explain(p: StepPrediction, c: ExplainContext): Explanation {
  if (p.outcome === 'allowed') {
    const how = p.responseType === 'basic' ? 'a same-origin request needs no CORS headers' : `the answer passed the CORS check${p.preflight ? ' after a passed preflight' : ''}`;
    return { verdict: `Allowed: ${how}; JavaScript can read status ${p.status} and ${p.readableHeaders.length} ${p.readableHeaders.length === 1 ? 'header' : 'headers'}.`, console: null, fix: null, mdn: null, firefox: null };
  }
  if (p.outcome === 'opaque') {
    const what = p.responseType === 'opaqueredirect' ? 'the redirect was not followed (redirect "manual")' : 'mode "no-cors" skips the CORS check';
    return { verdict: `Opaque: ${what}; JavaScript sees status 0, no headers and no body.`, console: null, fix: 'to read the answer, use mode "cors" and have the server send Access-Control-Allow-Origin', mdn: null, firefox: null };
  }
  if (p.reason === null || !isModelReason(p.reason)) {
    return { verdict: `Blocked before sending: ${p.pageError ?? 'the page refused the request'}.`, console: null, fix: null, mdn: null, firefox: null };
  }
  const entry = ENTRIES[p.reason];
  const reached = p.reachedServer ? ' (the server still ran the request)' : '';
  return {
    verdict: `${STAGE[entry.where]}: ${entry.what(p, c)}${reached}.`,
    console: entry.chromium ? consoleHead(p, c) + entry.chromium(p, c) : (entry.line?.(p, c) ?? null),
    fix: entry.fix(p, c),
    mdn: entry.mdn ? new URL(entry.mdn, MDN).href : null,
    firefox: entry.firefox ? `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${c.url}. (Reason: ${entry.firefox(p, c)}).` : null,
  };
}
