/**
 * Format 1.2 `pageHeaders`: the policies the page declares about itself, as the model needs them: its
 * embedder policy (COEP), which decides the CORP check of its no-cors loads, and whether the page is
 * cross-origin isolated (COOP same-origin with COEP require-corp or credentialless), which gives it
 * SharedArrayBuffer.
 * https://html.spec.whatwg.org/multipage/browsers.html#coep
 * https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policies
 * https://html.spec.whatwg.org/multipage/webappapis.html#concept-settings-object-cross-origin-isolated-capability
 */
import { CHROMIUM_PAGE_RULES, type PageRules } from './page-rules.ts';

export type EmbedderPolicy = 'unsafe-none' | 'require-corp' | 'credentialless';

export interface PagePolicies {
  embedder: EmbedderPolicy;
  /** `self.crossOriginIsolated`. */
  crossOriginIsolated: boolean;
  /** `SharedArrayBuffer` is defined: Chromium gates it on isolation (an engine may not, page-rules.ts). */
  sharedArrayBuffer: boolean;
  /** The page's COOP value (its token; "unsafe-none" by default), which decides whether its popups keep it as opener. */
  opener: string;
}

/** The header's value, name matched case-insensitively; the first line when a plan gave two names in two cases. */
function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  return Object.entries(headers).find(([n]) => n.toLowerCase() === name)?.[1];
}

/** A structured-field token: the item before any `;param`. Anything unparsable is the default (the header is ignored). */
function tokenOf(value: string | undefined): string | undefined {
  return value?.split(';')[0]?.trim();
}

/**
 * Whether a page origin is potentially trustworthy, so its document is a secure context: https, or a
 * loopback host (localhost, *.localhost, 127.0.0.0/8, [::1]). A lab reached by a class name over http
 * (class mode) is not one. https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy
 */
export function isTrustworthyOrigin(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const { protocol, hostname } = new URL(origin);
  if (protocol === 'https:') return true;
  return hostname === 'localhost' || hostname.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(hostname) || hostname === '[::1]';
}

/**
 * `sandboxed`: the opaque ("null") page. Chromium: a sandboxed document is never cross-origin isolated, since
 * COOP cannot put it in a browsing context group of its own origin. `secure`: COOP and COEP act only in a
 * secure context; elsewhere the page's policies are the defaults (HTML: "obtain an embedder policy" and
 * "obtain a cross-origin opener policy" return the default when the context is not secure).
 */
export function pagePolicies(
  headers: Readonly<Record<string, string>> | undefined,
  sandboxed: boolean,
  secure = true,
  rules: PageRules = CHROMIUM_PAGE_RULES,
): PagePolicies {
  const coep = secure ? tokenOf(headerValue(headers ?? {}, 'cross-origin-embedder-policy')) : undefined;
  const coop = secure ? tokenOf(headerValue(headers ?? {}, 'cross-origin-opener-policy')) : undefined;
  const known = coep === 'require-corp' || (coep === 'credentialless' && rules.coepCredentialless);
  const embedder: EmbedderPolicy = known ? coep : 'unsafe-none';
  const crossOriginIsolated = !sandboxed && coop === 'same-origin' && embedder !== 'unsafe-none';
  const sharedArrayBuffer = crossOriginIsolated && rules.sharedArrayBufferWhenIsolated;
  return { embedder, crossOriginIsolated, sharedArrayBuffer, opener: coop ?? 'unsafe-none' };
}
