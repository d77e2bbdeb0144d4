/**
 * The schema's check of which request fields each `api` takes (the table: api-fields.ts). A field the api
 * cannot carry would be ignored by the runner page (runner-page/) and the browser, while the model and the reader
 * take it at its word: `referrerPolicy` on a beacon (sendBeacon has no such option), `mode` on an image (its
 * `crossorigin` attribute decides), `method: "POST"` on a frame. So the schema refuses it, naming the field and the
 * apis that take it. Fields with rules of their own are checked where they live: `crossorigin` (schema.ts),
 * `targetOrigin`, `via` and `noopener` (frame-schema.ts), a WebSocket's or EventSource's method and headers
 * (schema.ts, socketRequestField). xhr's mode and redirect take one value each (checked here too).
 *
 * Checked: the first request's fields, and a `then` step's own (a step inherits the first request's fields, which
 * belong to the first step's api).
 */
import type { Problem } from './problems/index.ts';
import { isElementApi } from './embedding.ts';
import { TAKEN_BY, takesField, type RequestField } from './api-fields.ts';

type Field = RequestField;
const FIELDS = Object.keys(TAKEN_BY) as Field[];

/** new WebSocket(url) and new EventSource(url): their method and headers have a message of their own. */
const SOCKET_OWN: Readonly<Record<string, readonly Field[]>> = { websocket: ['method', 'headers'], eventsource: ['method', 'headers'] };

/**
 * What a step may say of any api: a GET without a body or headers, and the format's defaults for mode, credentials
 * and redirect (format-defaults.ts), which every experiment has anyway. A `then` step that changes api writes them
 * to undo what it would inherit from the first step (`method: "GET", body: null` after a POST), and experiments
 * the playground's editor wrote before this check carry them.
 */
function saysWhatItDoes(field: Field, value: unknown): boolean {
  if (field === 'method') return typeof value === 'string' && value.toUpperCase() === 'GET';
  if (field === 'body') return value === null;
  if (field === 'headers') return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
  return value === FORMAT_DEFAULTS[field as keyof typeof FORMAT_DEFAULTS];
}

/** The format's defaults (resolveRequest): saying one is saying nothing. */
const FORMAT_DEFAULTS = { mode: 'cors', credentials: 'same-origin', redirect: 'follow' } as const;

/** The apis whose requests always carry credentials: navigations (a form, a frame, a popup), a beacon, a WebSocket. */
const CREDENTIALED_APIS: readonly string[] = ['beacon', 'form', 'iframe', 'window-open', 'postMessage', 'websocket'];

/**
 * What the api itself does with `field`, which a step may state too (an experiment derived from a test that spells
 * it out): an element's mode and credentials follow its crossorigin attribute (none: "no-cors" and "include";
 * anonymous: "cors" and "same-origin"; use-credentials: "cors" and "include",
 * https://html.spec.whatwg.org/multipage/urls-and-fetching.html#create-a-potential-cors-request), and the
 * credentialed apis' credentials are "include" (https://w3c.github.io/beacon/#sec-processing-model,
 * https://websockets.spec.whatwg.org/#concept-websocket-establish).
 */
function whatTheApiDoes(api: string, field: Field, crossorigin: unknown): string | undefined {
  if (isElementApi(api)) {
    if (field === 'mode') return crossorigin === undefined ? 'no-cors' : 'cors';
    if (field === 'credentials') return crossorigin === 'anonymous' ? 'same-origin' : 'include';
    return undefined;
  }
  return field === 'credentials' && CREDENTIALED_APIS.includes(api) ? 'include' : undefined;
}

type RequestFields = Partial<Record<Field, unknown>> & { api?: string | undefined; crossorigin?: string | undefined };

interface Fields {
  request: RequestFields;
  then?: Array<{ request?: RequestFields | undefined }> | undefined;
}

export function requestFieldProblems(exp: Fields): Array<{ problem: Problem; path: PropertyKey[] }> {
  const out: Array<{ problem: Problem; path: PropertyKey[] }> = [];
  const firstApi = exp.request.api ?? 'fetch';
  const steps = [
    { api: firstApi, own: exp.request, path: ['request'] as PropertyKey[] },
    ...(exp.then ?? []).map((step, i) => ({
      api: step.request?.api ?? firstApi,
      own: step.request ?? {},
      path: ['then', i, 'request'] as PropertyKey[],
    })),
  ];
  for (const { api, own, path } of steps) {
    // XMLHttpRequest's mode is always "cors" and it always follows redirects: other values are no XHR.
    if (api === 'xhr' && own.mode !== undefined && own.mode !== 'cors') out.push({ problem: { code: 'xhrMode' }, path: [...path, 'mode'] });
    if (api === 'xhr' && own.redirect !== undefined && own.redirect !== 'follow') {
      out.push({ problem: { code: 'xhrRedirect' }, path: [...path, 'redirect'] });
    }
    for (const field of FIELDS) {
      if (own[field] === undefined || SOCKET_OWN[api]?.includes(field) || saysWhatItDoes(field, own[field])) continue;
      if (own[field] === whatTheApiDoes(api, field, own.crossorigin ?? exp.request.crossorigin)) continue;
      const apis: readonly string[] = TAKEN_BY[field];
      if (apis.includes(api)) continue;
      const hint = field === 'referrerPolicy' && isElementApi(api) ? 'fetchOnly' as const
        : (field === 'mode' || field === 'credentials') && isElementApi(api) ? 'crossorigin' as const : undefined;
      out.push({ problem: { code: 'fieldApi', field, apis, api, ...(hint ? { hint } : {}) }, path: [...path, field] });
    }
  }
  return out;
}

/** Whether `api` takes a body at all (schema.ts's bodyWithGet speaks only of those that do). */
export const takesBody = (api: string): boolean => takesField(api, 'body');
