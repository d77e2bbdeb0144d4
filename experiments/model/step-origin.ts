/**
 * Whether a step's request went, or was sent, to an origin other than the page's: Firefox and WebKit say a CORS
 * failure only for such a request (engine-firefox.ts, engine-webkit.ts); a same-origin request whose redirect fails
 * is reported with no CORS line (measured: probe-more-redirect-location-184, -189 in test/probes/wpt-more-cases.ts).
 */
import { REDIRECT_STATUSES } from '../../format/format-defaults.ts';
import type { StepPrediction } from './prediction.ts';

/** An opaque page's every request is to another origin. */
export function wentCrossOrigin(step: StepPrediction, pageOrigin: string | undefined): boolean {
  if (pageOrigin === undefined || pageOrigin === 'null') return true;
  if (step.requests.some((sent) => new URL(sent.url).origin !== pageOrigin)) return true;
  // Or the last answer redirected it to another HTTP(S) origin, refused before it went (probe-redirect-459: a
  // Location with userinfo).
  const last = step.requests.at(-1);
  if (!last || !(REDIRECT_STATUSES as readonly number[]).includes(last.status ?? 0)) return false;
  const location = last.responseHeaders.find(([name]) => name.toLowerCase() === 'location')?.[1];
  if (location === undefined || !URL.canParse(location, last.url)) return false;
  const next = new URL(location, last.url);
  return (next.protocol === 'http:' || next.protocol === 'https:') && next.origin !== pageOrigin;
}
