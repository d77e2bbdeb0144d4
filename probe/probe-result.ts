/** What one probe found: the contract's `observed` facts plus the wire and the explanation. */
import type { Explanation } from '../experiments/model/explain.ts';
import type { Observation, Prediction } from '../engines/run-result.ts';
import type { AddressSpace } from './address-space.ts';
import type { ProbeRequest } from './probe-options.ts';
import type { WireResponse } from '../runner/cdp-watch.ts';
import type { Exposure } from './exposed-headers.ts';
import type { CookieSent } from './probe-cookies.ts';
import type { Hop } from './redirect-chain.ts';
import type { FrameworkUsed } from './framework.ts';
import type { ProbeFix } from './probe-fix.ts';

/** What stopped the request: CORS itself, or something before or beside it. */
export const CAUSES = ['cors', 'local-network-access', 'mixed-content', 'connection-refused', 'tls', 'network'] as const;
export type Cause = (typeof CAUSES)[number];

/**
 * The layer whose verdict the outcome is: CORS (also when it allowed the request), or a layer that stopped the
 * request before CORS could judge it. A refused connection is a network failure here.
 */
export const LAYERS = ['cors', 'local-network-access', 'mixed-content', 'network', 'tls'] as const;
export type DecidedBy = (typeof LAYERS)[number];

export function decidedByOf(cause: Cause | null): DecidedBy {
  if (cause === null) return 'cors';
  return cause === 'connection-refused' ? 'network' : cause;
}

export interface ProbeResult extends Omit<Observation, 'serverSaw'> {
  request: ProbeRequest;
  /** Null when the request was allowed (or opaque). */
  cause: Cause | null;
  /** Which layer decided the outcome; where it is not `cors`, `withPermission` (if any) holds CORS's verdict. */
  decidedBy: DecidedBy;
  /** The answer to the preflight, as the server sent it; null when no preflight got one. */
  preflightResponse: WireResponse | null;
  /** The answer to the actual request, as the server sent it (also when CORS then hid it). */
  response: WireResponse | null;
  /** The actual response's headers as the browser combines them: lower-case names, repeated lines joined with ", ". */
  responseHeaders: Record<string, string>;
  /** The address spaces of the page (from its origin) and of the server (Chromium's, else from the URL's host). */
  addressSpace: { page: AddressSpace; target: string };
  /** The model's verdict from the headers the server really sent (absent when it could not be modelled). */
  predicted?: Prediction;
  explanation: Explanation;
  /** A CORS block's fix as data (probe-fix.ts): several probes' fixes merge into one (`mergeFixes`). */
  fix?: ProbeFix;
  /** The framework `explanation.fix` is written for, and whether it was guessed (`framework: 'auto'`). */
  framework?: FrameworkUsed;
  /**
   * Every hop of the actual request (one when nothing redirected): method, URL, the Origin sent, the status and
   * CORS headers, a method change by a redirect, and the fix per hop. Absent when the request never left.
   */
  hops?: Hop[];
  /**
   * For an allowed CORS response: the header names JavaScript can read, those the server sent that it cannot, and
   * the Access-Control-Expose-Headers line that would expose them.
   */
  exposure?: Exposure;
  /** With `cookies`: whether each went with the request, and Chromium's reason when not. */
  cookies?: CookieSent[];
  /** With `then`: each further request, and whether a preflight was sent again (none: the preflight cache answered). */
  thenResults?: ThenResult[];
  /**
   * When Local Network Access blocked the request: the same request once the user allows access, that is
   * CORS's verdict on it (the matchers judge this one).
   */
  withPermission?: ProbeResult;
}

export interface ThenResult {
  method: string;
  outcome: Observation['outcome'];
  reason: string | null;
  /** A preflight was sent for this request (false: the preflight cache, or no preflight needed). */
  preflight: boolean;
  status: number | null;
}

/** The JSON `--json` writes: the run format's `observed` and `explanation`, with the request beside them. */
export interface ProbeRecord {
  request: ProbeRequest;
  predicted?: Prediction;
  observed: Omit<ProbeResult, 'request' | 'explanation' | 'predicted' | 'withPermission' | 'fix' | 'framework'>;
  explanation: Explanation;
  fix?: ProbeFix;
  framework?: FrameworkUsed;
  withPermission?: ProbeRecord;
}

export function probeRecord(result: ProbeResult): ProbeRecord {
  const { request, explanation, predicted, withPermission, fix, framework, ...observed } = result;
  const record: ProbeRecord = { request, ...(predicted ? { predicted } : {}), observed, explanation, ...(fix ? { fix, framework } : {}) };
  return withPermission ? { ...record, withPermission: probeRecord(withPermission) } : record;
}
