/**
 * Format 1.2: where an engine differs from Chromium in the page's own policies (COOP, COEP) and in what a
 * page may learn of a cross-origin element it loaded without CORS (engine-rules.ts `pagePolicies`). Each is
 * measured through the engine's driver and listed with its experiment in DEVIATIONS.md.
 */
export interface PageRules {
  /**
   * `Cross-Origin-Embedder-Policy: credentialless` is a policy the engine knows (Chromium, Firefox). An engine that
   * does not know it reads the header as no policy, as HTML says of an unknown value (the default `unsafe-none`):
   * no CORP check by default, and the page is not cross-origin isolated.
   * https://html.spec.whatwg.org/multipage/browsers.html#obtain-an-embedder-policy
   */
  coepCredentialless: boolean;
  /**
   * A cross-origin isolated page gets `SharedArrayBuffer` (Chromium, Firefox; HTML gates it on the
   * cross-origin isolated capability). WebKitGTK 2.50 says `crossOriginIsolated` but leaves it undefined.
   * https://html.spec.whatwg.org/multipage/webappapis.html#concept-settings-object-cross-origin-isolated-capability
   */
  sharedArrayBufferWhenIsolated: boolean;
  /**
   * A no-cors script of another origin has its errors muted: `onerror` sees "Script error." (Chromium, WebKit, the
   * standard). https://html.spec.whatwg.org/multipage/webappapis.html#muted-errors
   */
  mutesCrossOriginScriptErrors: boolean;
}

export const CHROMIUM_PAGE_RULES: PageRules = {
  coepCredentialless: true,
  sharedArrayBufferWhenIsolated: true,
  mutesCrossOriginScriptErrors: true,
};
