/**
 * What one step comes to, in the contract's terms: the fields a prediction
 * and an observation share, so the two can be compared field by field.
 */
import type { Outcome } from './reasons.ts';
import type { EmbeddingFacts } from './embedding.ts';

/** Format 1.2 adds what the page saw of an element and of itself (embedding.ts), optional: older results lack them. */
export interface StepFacts extends Partial<EmbeddingFacts> {
  outcome: Outcome;
  /** Chromium's name for the block (see reasons.ts), or null. */
  reason: string | null;
  /** The value Chromium names with the reason (a method, a header, an origin), when there is one. */
  failedParameter: string | null;
  /** A preflight reached a server. */
  preflight: boolean;
  /** The actual request reached the final server. */
  reachedServer: boolean;
  /** Status the page could read. */
  status: number | null;
  /** Origin header the final server received. */
  originSeen: string | null;
  /** Access-Control-Request-Headers of the preflight. */
  requestHeadersSeen: string | null;
  /** The actual request carried a cookie. */
  cookieSent: boolean;
  /** Format 1.2: the status the final server answered the actual request with; absent from older results. */
  serverStatus?: number | null;
  /** What the page got instead of a response, e.g. "TypeError: Failed to fetch". */
  pageError: string | null;
  /** Format 1.2: the HTTP version the response came over (`h2`, `http/1.1`; protocol.ts); null: unknown or none. */
  protocol?: string | null;
}
