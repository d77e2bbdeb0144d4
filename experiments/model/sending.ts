/**
 * Format 1.2, the model of the two APIs whose answer the page never reads (form-and-beacon.ts): the request
 * each one makes, and what the page is left with. The servers' view (reached, Origin, cookie) is the model's
 * usual one (predict.ts); these set the request up and close the step as `opaque`.
 */
import type { HeaderLines } from '../../format/headers.ts';
import type { ResolvedRequest } from '../../format/format-defaults.ts';
import { BEACON_TEXT_TYPE, contentTypeOf, formEnctype, type FormEnctype } from '../../format/form-and-beacon.ts';
import { corsUnsafeRequestHeaderNames, type SafelistRules } from './request-headers.ts';
import type { StepPrediction } from './prediction.ts';

export interface BeaconFetch {
  mode: 'cors' | 'no-cors';
  credentials: 'include';
  method: 'POST';
  /** The Content-Type the beacon sends: the Blob's type, or text/plain;charset=UTF-8 for a string. */
  contentType: string;
  headers: HeaderLines;
}

/**
 * sendBeacon: a POST with credentials "include" and keepalive; mode "no-cors" when the Content-Type is
 * CORS-safelisted (a string body is text/plain), else "cors", which a non-safelisted type then preflights.
 * https://w3c.github.io/beacon/#sec-sendBeacon-method steps 6-7
 */
export function beaconFetch(request: ResolvedRequest, safelist?: SafelistRules): BeaconFetch {
  const contentType = contentTypeOf(request.headers) ?? BEACON_TEXT_TYPE;
  const headers: HeaderLines = [['content-type', contentType]];
  const mode = corsUnsafeRequestHeaderNames(headers, safelist).length === 0 ? 'no-cors' : 'cors';
  return { mode, credentials: 'include', method: 'POST', contentType, headers };
}

export interface FormSubmission {
  method: 'GET' | 'POST';
  enctype: FormEnctype;
  /**
   * The Origin a navigation carries: a POST's is the page's origin; a GET navigation sends none (Chromium,
   * measured: the journal shows no Origin on a GET form). https://fetch.spec.whatwg.org/#append-a-request-origin-header
   */
  originHeader: string | null;
}

/** The navigation a form submits: its method (GET or POST, the schema refuses others) and its enctype. */
export function formSubmission(request: ResolvedRequest, pageOrigin: string): FormSubmission {
  const method = request.method.toUpperCase() === 'POST' ? 'POST' : 'GET';
  return { method, enctype: formEnctype(request.headers), originHeader: method === 'POST' ? pageOrigin : null };
}

/**
 * The page of a form or a beacon sees no answer: whatever the servers did, its outcome is `opaque`, with no
 * status, no headers and no error (a beacon's failed preflight is only in the console and the journal).
 * The trace keeps every check, a failed one too, for the explanation.
 */
export function unseenByPage(prediction: StepPrediction): StepPrediction {
  const { reason, failedParameter } = prediction;
  const failed = prediction.outcome === 'blocked' && reason !== null;
  return {
    ...(failed ? { unseenFailure: { reason, failedParameter } } : {}),
    ...prediction, outcome: 'opaque', reason: null, failedParameter: null, status: null,
    responseType: null, readableHeaders: [], pageError: null,
  };
}
