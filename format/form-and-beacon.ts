/**
 * Format 1.2 "Cross-origin beyond fetch": the two APIs that send a request whose answer the page never
 * reads: a form submission (a navigation, into a named popup so the page and its `then` steps remain) and
 * `navigator.sendBeacon`. Their outcome is always `opaque`; what the servers received tells the rest.
 * Plain code without zod, like embedding.ts, so the runner page, the model and the playground share it.
 * https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#form-submission-algorithm
 * https://w3c.github.io/beacon/
 */

export const SENDING_APIS = ['form', 'beacon'] as const;
export type SendingApi = (typeof SENDING_APIS)[number];

export function isSendingApi(api: string): api is SendingApi {
  return (SENDING_APIS as readonly string[]).includes(api);
}

/**
 * The methods a form submits with (`dialog` sends nothing).
 * https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#attr-fs-method
 */
export const FORM_METHODS = ['GET', 'POST'] as const;

/**
 * A form's enctype, given as `headers["Content-Type"]`.
 * https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#attr-fs-enctype
 */
export const FORM_ENCTYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'] as const;
export type FormEnctype = (typeof FORM_ENCTYPES)[number];
export const DEFAULT_ENCTYPE: FormEnctype = 'application/x-www-form-urlencoded';

/** The one request header these APIs let a page choose: the form's enctype, the beacon Blob's type. */
export const SENDING_HEADER = 'content-type';

/** sendBeacon's Content-Type for a string body. https://w3c.github.io/beacon/#sec-sendBeacon-method step 6 */
export const BEACON_TEXT_TYPE = 'text/plain;charset=UTF-8';

/** The header value a request of these APIs names, lower-case name, first line; undefined when absent. */
export function contentTypeOf(headers: Record<string, string | string[]>): string | undefined {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === SENDING_HEADER);
  const value = entry?.[1];
  return Array.isArray(value) ? value[0] : value;
}

/** The form's enctype from its Content-Type; an unknown value is the schema's to refuse (the default here). */
export function formEnctype(headers: Record<string, string | string[]>): FormEnctype {
  const value = contentTypeOf(headers)?.toLowerCase();
  return FORM_ENCTYPES.find((e) => e === value) ?? DEFAULT_ENCTYPE;
}

/**
 * The form's fields from `body` (`a=1&b=2`): split on `&`, then at the first `=`, nothing decoded, so a
 * `text/plain` form can carry JSON in a field's name (`{"a":1,"pad":"=x"}`).
 */
export function formFields(body: string | null): Array<[name: string, value: string]> {
  if (!body) return [];
  return body.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
  });
}
