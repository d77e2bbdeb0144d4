/**
 * Which of the request's fields each `api` takes: what a page can choose for that kind of request. The table alone,
 * small, for the playground's first load (format-defaults.ts resolves a step with it); the schema's check of it is
 * request-fields.ts. Each field with the apis that take it (https://fetch.spec.whatwg.org/#requestinit and the APIs).
 */
export const TAKEN_BY = {
  // fetch(): every RequestInit member; XMLHttpRequest: open(method), setRequestHeader, send(body), withCredentials,
  // and its fixed mode "cors" and redirect "follow" (their values are checked in request-fields.ts).
  method: ['fetch', 'xhr', 'form', 'beacon'],
  headers: ['fetch', 'xhr', 'form', 'beacon'],
  body: ['fetch', 'xhr', 'form', 'beacon'],
  mode: ['fetch', 'xhr'],
  redirect: ['fetch', 'xhr'],
  // XHR and EventSource take `withCredentials`, a boolean: "include" sets it; any other value leaves it false, which
  // is credentials mode "same-origin" (https://xhr.spec.whatwg.org/#the-withcredentials-attribute), as the model
  // reads them (experiments/model/predict.ts, socket-model.ts).
  credentials: ['fetch', 'xhr', 'eventsource'],
  referrerPolicy: ['fetch'],
  targetAddressSpace: ['fetch'],
} as const satisfies Record<string, readonly string[]>;

export type RequestField = keyof typeof TAKEN_BY;

/** Whether `api` takes `field`. */
export const takesField = (api: string, field: RequestField): boolean => (TAKEN_BY[field] as readonly string[]).includes(api);
