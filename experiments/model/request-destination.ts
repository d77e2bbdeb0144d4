/**
 * The destination of the request each of the format's APIs makes: what the model sends the servers' answer code
 * as `Sec-Fetch-Dest` (plan/element-bodies.ts picks a default body by it, plan/answer.ts refuses a planned body
 * for a script-like one), one table for every step. format/script-body.test.ts checks the format's code-loading
 * APIs (format/script-body.ts) against it and plan/answer.ts's SCRIPT_LIKE_DESTINATIONS, so the three cannot drift.
 * The model sends none for the empty string (fetch, XHR, a beacon, a socket), as the servers read an absent one.
 * https://fetch.spec.whatwg.org/#concept-request-destination
 * https://w3c.github.io/webappsec-fetch-metadata/#sec-fetch-dest-header
 */
import type { ElementApi } from '../../format/embedding.ts';
import type { API } from '../../format/format-defaults.ts';
import type { PostMessageVia } from '../../format/frames.ts';

export type RequestDestination = '' | 'image' | 'script' | 'style' | 'iframe' | 'document';

/**
 * The elements' requests: HTML's "fetch a classic script" (`script`), the `img` element (`image`) and a stylesheet
 * `link` (`style`). https://html.spec.whatwg.org/multipage/webappapis.html#fetch-a-classic-script
 */
const ELEMENT_DESTINATIONS = { img: 'image', script: 'script', stylesheet: 'style' } as const;

const DESTINATIONS: Record<Exclude<(typeof API)[number], 'postMessage'>, RequestDestination> = {
  ...ELEMENT_DESTINATIONS,
  // fetch() and XHR make requests of destination "", and so do a beacon (a keepalive fetch) and an EventSource
  // (HTML creates its potential-CORS request with destination ""); Fetch's WebSocket request sets none.
  fetch: '', xhr: '', beacon: '', eventsource: '', websocket: '',
  // Navigations: a form submits into a popup, a top-level browsing context, as window.open's popup is.
  form: 'document', 'window-open': 'document', iframe: 'iframe',
};

export function elementDestination(api: ElementApi): (typeof ELEMENT_DESTINATIONS)[ElementApi] {
  return ELEMENT_DESTINATIONS[api];
}

/** A step's destination: postMessage's is its frame's (`iframe`) or its popup's (`document`). */
export function requestDestination(request: {
  api: (typeof API)[number];
  via?: PostMessageVia | undefined;
}): RequestDestination {
  if (request.api === 'postMessage') return request.via === 'window-open' ? 'document' : 'iframe';
  return DESTINATIONS[request.api];
}
