/**
 * Format 1.2 "Cross-origin beyond fetch", first slice: the element APIs (img, script, stylesheet), their
 * `crossorigin` attribute, the page's own header lines (`pageHeaders`), raw bodies (`bodyBase64`) and the
 * observations only an element or the page itself can tell. Plain code without zod, like format-defaults.ts,
 * so the runner page and the playground can use the lists.
 */

/** APIs that load an element the page inserts, not a fetch() the page makes. */
export const ELEMENT_APIS = ['img', 'script', 'stylesheet'] as const;
export type ElementApi = (typeof ELEMENT_APIS)[number];

export function isElementApi(api: string): api is ElementApi {
  return (ELEMENT_APIS as readonly string[]).includes(api);
}

/**
 * The values of the `crossorigin` attribute; absent is the "No CORS" state.
 * https://html.spec.whatwg.org/multipage/urls-and-fetching.html#cors-settings-attributes
 */
export const CROSSORIGIN = ['anonymous', 'use-credentials'] as const;
export type Crossorigin = (typeof CROSSORIGIN)[number];

/**
 * The header lines `pageHeaders` may set on the lab's own runner page, lower-case: the policies a page
 * declares about itself. Nothing else (no Set-Cookie, no Location, no CORS headers): a page that could make
 * the lab serve any line would make the lab's pages say what it wants.
 */
export const PAGE_HEADER_NAMES = [
  'cross-origin-embedder-policy',
  'cross-origin-opener-policy',
  'content-security-policy',
  'cross-origin-resource-policy',
] as const;
export type PageHeaderName = (typeof PAGE_HEADER_NAMES)[number];

export function isPageHeaderName(name: string): boolean {
  return (PAGE_HEADER_NAMES as readonly string[]).includes(name.toLowerCase());
}


/** Observations the page makes of an element or of itself (format 1.2); null when they do not apply. */
export interface EmbeddingFacts {
  /** The element's load event fired. */
  loaded: boolean | null;
  /** The image drawn on a canvas made getImageData throw (the canvas is not origin-clean). */
  canvasTainted: boolean | null;
  /** The page's onerror saw only "Script error." for the script's exception. */
  scriptErrorMuted: boolean | null;
  /** The stylesheet's `cssRules` could be read. */
  cssRulesReadable: boolean | null;
  /** `self.crossOriginIsolated` in the page. */
  crossOriginIsolated: boolean | null;
  /** `SharedArrayBuffer` is defined in the page. */
  sharedArrayBuffer: boolean | null;
  /** Frames (format/frames.ts): the frame rendered the target page. */
  framed: boolean | null;
  /** Frames: the page could read the frame's document (same-origin only). */
  domReadable: boolean | null;
  /** postMessage: the target page took the message. */
  delivered: boolean | null;
  /** window-open: the popup still has `window.opener`. */
  openerKept: boolean | null;
  /** The WebSocket's open event fired (sockets.ts). */
  opened: boolean | null;
}

export const EMBEDDING_FIELDS = [
  'loaded', 'canvasTainted', 'scriptErrorMuted', 'cssRulesReadable', 'crossOriginIsolated', 'sharedArrayBuffer',
  'framed', 'domReadable', 'delivered', 'openerKept', 'opened',
] as const satisfies ReadonlyArray<keyof EmbeddingFacts>;

/** Facts for a step that has none of these to tell (fetch, XHR). */
export const NO_EMBEDDING_FACTS: EmbeddingFacts = {
  loaded: null, canvasTainted: null, scriptErrorMuted: null, cssRulesReadable: null, crossOriginIsolated: null,
  sharedArrayBuffer: null, framed: null, domReadable: null, delivered: null, openerKept: null, opened: null,
};
