/**
 * Format 1.2, the model of an element load (img, script, stylesheet): the request its `crossorigin`
 * attribute makes, and what the page can tell once it loaded. The fetch itself is the model's
 * (predict.ts): these only set it up and read its result.
 */
import type { Crossorigin, ElementApi, EmbeddingFacts } from '../../format/embedding.ts';
import type { ResolvedRequest } from '../../format/format-defaults.ts';
import type { Outcome } from '../../format/reasons.ts';
import type { PagePolicies } from './page-policies.ts';
import { CHROMIUM_PAGE_RULES, type PageRules } from './page-rules.ts';
import { elementDestination } from './request-destination.ts';

export interface ElementFetch {
  api: ElementApi;
  mode: 'cors' | 'no-cors';
  credentials: 'include' | 'same-origin';
  /** The request's destination, sent as Sec-Fetch-Dest (the servers' default body follows it: plan/element-bodies.ts). */
  destination: 'image' | 'script' | 'style';
}


/**
 * The CORS settings attribute: absent is "No CORS" (mode no-cors, credentials include); anonymous is mode
 * cors, credentials same-origin; use-credentials is mode cors, credentials include.
 * https://html.spec.whatwg.org/multipage/urls-and-fetching.html#create-a-potential-cors-request
 */
export function elementFetch(api: ElementApi, crossorigin: Crossorigin | undefined): ElementFetch {
  const destination = elementDestination(api);
  if (crossorigin === undefined) return { api, mode: 'no-cors', credentials: 'include', destination };
  return { api, mode: 'cors', credentials: crossorigin === 'use-credentials' ? 'include' : 'same-origin', destination };
}

/**
 * Whether the model knows what the loaded body does: the lab's default script throws `Error("secret")`;
 * a planned body may throw or not, which only running it tells.
 */
const throwsByDefault = (request: ResolvedRequest, plannedBody: boolean): boolean => request.api === 'script' && !plannedBody;

/**
 * What the page sees. `tainting` is the response's: "opaque" for a no-cors load from another origin, which
 * the same-origin policy keeps from the page: the canvas it is drawn on loses its origin-clean flag
 * (https://html.spec.whatwg.org/multipage/canvas.html#the-image-argument-is-not-origin-clean), the
 * script's errors are muted (https://html.spec.whatwg.org/multipage/webappapis.html#muted-errors), the
 * stylesheet's rules throw (https://drafts.csswg.org/cssom/#dom-cssstylesheet-cssrules).
 * Fields the model cannot know are left out (undefined: not compared).
 */
export function embeddingFacts(
  element: ElementFetch | null,
  request: ResolvedRequest,
  outcome: Outcome,
  tainting: 'basic' | 'cors' | 'opaque',
  policies: PagePolicies,
  plannedBody: boolean,
  rules: PageRules = CHROMIUM_PAGE_RULES,
): Partial<EmbeddingFacts> {
  const page = { crossOriginIsolated: policies.crossOriginIsolated, sharedArrayBuffer: policies.sharedArrayBuffer };
  if (!element) return { loaded: null, canvasTainted: null, scriptErrorMuted: null, cssRulesReadable: null, ...page };
  const loaded = outcome !== 'blocked';
  const opaque = tainting === 'opaque';
  // Firefox 153 never mutes them (page-rules.ts): its onerror gets the message, file and line.
  const mutes = opaque && rules.mutesCrossOriginScriptErrors;
  const muted = !loaded ? null : throwsByDefault(request, plannedBody) ? mutes : undefined;
  return {
    loaded,
    canvasTainted: loaded && element.api === 'img' ? opaque : null,
    ...(element.api === 'script' ? (muted === undefined ? {} : { scriptErrorMuted: muted }) : { scriptErrorMuted: null }),
    cssRulesReadable: loaded && element.api === 'stylesheet' ? !opaque : null,
    ...page,
  };
}

/**
 * Whether the page may read the element it loaded, from the observation that applies to it (null: none
 * does, e.g. a script whose planned body never throws). The explanation and the sequence say it in words.
 */
export function elementReadable(facts: Partial<EmbeddingFacts>): boolean | null {
  if (typeof facts.canvasTainted === 'boolean') return !facts.canvasTainted;
  if (typeof facts.scriptErrorMuted === 'boolean') return !facts.scriptErrorMuted;
  return typeof facts.cssRulesReadable === 'boolean' ? facts.cssRulesReadable : null;
}
