/** What the model says a standards-following Chromium does with one step. */
import type { Outcome } from '../reasons.ts';
import type { OriginName } from '../../servers/origins.ts';

export interface PredictedRequest {
  /** The full URL of this hop. */
  url: string;
  origin: OriginName;
  hop: number;
  kind: 'preflight' | 'actual';
  method: string;
  originHeader: string | null;
  accessControlRequestMethod: string | null;
  accessControlRequestHeaders: string | null;
  cookieSent: boolean;
}

export interface StepPrediction {
  outcome: Outcome;
  /** Chromium's name for the block, or null (allowed, opaque, or a TypeError Chromium reports nowhere). */
  reason: string | null;
  failedParameter: string | null;
  preflight: boolean;
  reachedServer: boolean;
  status: number | null;
  responseType: 'basic' | 'cors' | 'opaque' | 'opaqueredirect' | null;
  readableHeaders: string[];
  originSeen: string | null;
  requestHeadersSeen: string | null;
  cookieSent: boolean;
  /** What each origin receives, in order: the journal the model expects. */
  requests: PredictedRequest[];
  /** Why the page failed before anything was sent, when it did (e.g. a forbidden method). */
  pageError: string | null;
}
