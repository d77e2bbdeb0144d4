/** What the model says a standards-following Chromium does with one step. */
import type { StepFacts } from '../../format/step-facts.ts';
import type { OriginName } from '../../plan/origins.ts';
import type { HeaderLines } from '../../format/headers.ts';
import type { Check } from './trace.ts';
import type { CspRefusal } from './page-csp.ts';
import type { WithheldLine } from '../../plan/lasting-headers.ts';

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
  /** What the server answers, as the origins would (plan/answer.ts). */
  status: number;
  responseHeaders: HeaderLines;
  /** The plan's lines the server changes or does not send because they outlive the response (plan/lasting-headers.ts). */
  withheld?: WithheldLine[];
}

export interface StepPrediction extends StepFacts {
  responseType: 'basic' | 'cors' | 'opaque' | 'opaqueredirect' | null;
  /** Header names page JavaScript can read, lower-case, sorted. */
  readableHeaders: string[];
  /** What each origin receives, in order: the journal the model expects. */
  requests: PredictedRequest[];
  /** Every check the model made, in order (trace.ts). */
  checks: Check[];
  /** The hop the browser refused before sending anything to it (Local Network Access), when that is not the last request: the console names it. */
  stoppedAt?: { url: string; origin: OriginName };
  /**
   * Format 1.2, a beacon: the CORS failure the page never learns of (its outcome stays opaque), which Chromium
   * still prints to the console ("Access to resource at ..."). sending.ts sets it.
   */
  unseenFailure?: { reason: string; failedParameter: string | null };
  /**
   * The Location a CORS request may not follow (CorsDisabledScheme): Chromium's console line names it, although
   * it reports no failed parameter (measured: test/probes/wpt-third-cases.ts).
   */
  refusedLocation?: string;
  /** Format 1.2: the page's Content-Security-Policy refused `url` before sending it (page-csp.ts). */
  refusedByCsp?: CspRefusal & { url: string };
}
