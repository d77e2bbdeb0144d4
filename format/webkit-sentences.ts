/**
 * WebKit's CORS sentences under the stable ids this project gives them (format 1.2: WebKit prints sentences, not
 * names). Beside Chromium's names (reasons.ts), below the model that writes them (model/engine-webkit.ts) and the
 * driver that reads them (engines/webkit/webkit-reasons.ts). The sentences are WebKit's own (WebKitGTK 2.50, the
 * same WebCore code as Safari's):
 * https://github.com/WebKit/WebKit/blob/main/Source/WebCore/loader/CrossOriginAccessControl.cpp
 * (passesAccessControlCheck, validatePreflightResponse, validateCrossOriginRedirectionURL),
 * https://github.com/WebKit/WebKit/blob/main/Source/WebCore/loader/CrossOriginPreflightResultCache.cpp
 * and NetworkLoadChecker.cpp (redirects).
 */

/** Each id with the sentence WebKit prints (the README's table is held to this list by a test). */
export const WEBKIT_SENTENCES = {
  /** A missing, mismatched or invalid Access-Control-Allow-Origin: WebKit says the same for all three. */
  WebKitAllowOriginNotAllowed: 'Origin {origin} is not allowed by Access-Control-Allow-Origin. Status code: {status}',
  WebKitMultipleAllowOrigins: 'Access-Control-Allow-Origin cannot contain more than one origin.',
  WebKitWildcardWithCredentials: 'Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.',
  WebKitAllowCredentialsNotTrue: 'Credentials flag is true, but Access-Control-Allow-Credentials is not "true".',
  WebKitPreflightNotSuccessful: 'Preflight response is not successful. Status code: {status}',
  WebKitMethodNotAllowed: 'Method {method} is not allowed by Access-Control-Allow-Methods.',
  WebKitHeaderNotAllowed: 'Request header field {header} is not allowed by Access-Control-Allow-Headers.',
  WebKitInvalidAllowMethods: 'Header Access-Control-Allow-Methods has an invalid value: {value}',
  WebKitInvalidAllowHeaders: 'Header Access-Control-Allow-Headers has an invalid value: {value}',
  WebKitRedirectDenied: 'Cross-origin redirection to {url} denied by Cross-Origin Resource Sharing policy: {why}',
  WebKitRedirectNotAllowed: 'Not allowed to follow a redirection while loading {url}',
  WebKitResourcePolicy:
    "Cancelled load to {url} because it violates the resource's Cross-Origin-Resource-Policy response header.",
  /** A frame refused by X-Frame-Options (the value as the answer sent it); frame-refusal-lines.ts. */
  WebKitFrameOptionsRefused: "Refused to display '{url}' in a frame because it set 'X-Frame-Options' to '{value}'.",
  WebKitFrameAncestorsRefused:
    'Refused to load {url} because it does not appear in the frame-ancestors directive of the Content Security Policy.',
} as const;

export type WebKitReason = keyof typeof WEBKIT_SENTENCES;
export const WEBKIT_REASONS = Object.keys(WEBKIT_SENTENCES) as WebKitReason[];

export function isWebKitReason(value: string): value is WebKitReason {
  return Object.hasOwn(WEBKIT_SENTENCES, value);
}

export { SECURITY_LINE } from './webkit-console-prefix.ts';

/** The sentence for a reason with its placeholders filled (the model writes WebKit's line with it). */
export function webkitSentence(reason: WebKitReason, values: Readonly<Record<string, string | number>> = {}): string {
  return WEBKIT_SENTENCES[reason].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
