/**
 * Format 1.2 `pageHeaders`: the policies the page declares about itself, as the model needs them: its
 * embedder policy (COEP), which decides the CORP check of its no-cors loads, and whether the page is
 * cross-origin isolated (COOP same-origin with COEP require-corp or credentialless), which gives it
 * SharedArrayBuffer.
 * https://html.spec.whatwg.org/multipage/browsers.html#coep
 * https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policies
 * https://html.spec.whatwg.org/multipage/webappapis.html#concept-settings-object-cross-origin-isolated-capability
 */

export type EmbedderPolicy = 'unsafe-none' | 'require-corp' | 'credentialless';

export interface PagePolicies {
  embedder: EmbedderPolicy;
  /** `self.crossOriginIsolated`: and so `SharedArrayBuffer` is defined (Chromium gates it on isolation). */
  crossOriginIsolated: boolean;
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
 * `sandboxed`: the opaque ("null") page. Chromium: a sandboxed document is never cross-origin isolated, since
 * COOP cannot put it in a browsing context group of its own origin.
 */
export function pagePolicies(headers: Readonly<Record<string, string>> | undefined, sandboxed: boolean): PagePolicies {
  const coep = tokenOf(headerValue(headers ?? {}, 'cross-origin-embedder-policy'));
  const coop = tokenOf(headerValue(headers ?? {}, 'cross-origin-opener-policy'));
  const embedder: EmbedderPolicy = coep === 'require-corp' || coep === 'credentialless' ? coep : 'unsafe-none';
  // Every lab origin is a secure context (localhost, 127.0.0.1, *.localhost), as isolation requires.
  const crossOriginIsolated = !sandboxed && coop === 'same-origin' && embedder !== 'unsafe-none';
  return { embedder, crossOriginIsolated };
}
