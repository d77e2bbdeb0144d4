/**
 * Whether the scan of a URL tested anything: the baseline (the request from the trusted origin, and its
 * preflight) must be a CORS answer from the endpoint itself. Otherwise every hostile probe would be
 * "not trusted" for a reason that has nothing to do with CORS, and "no misconfiguration" would be false
 * confidence. Each reason says what to pass instead.
 */
import type { Observation } from './finding.ts';

export interface BaselineContext {
  url: URL;
  /** No --origin: the URL's own origin stood in for the trusted one. */
  trustedAssumed: boolean;
  /** The requests carried a cookie or an Authorization header. */
  credentialsGiven: boolean;
}

const CREDENTIALS_FLAGS = "--cookie 'name=value' or -H 'Authorization: Bearer ...'";

function statusProblem(status: number, method: string, context: BaselineContext): string | null {
  const got = `the baseline ${method} got ${status}`;
  if (status === 401 || status === 403) {
    return context.credentialsGiven
      ? `${got} with the credentials given: pass ones the API accepts (${CREDENTIALS_FLAGS})`
      : `${got}: the endpoint needs credentials; pass them (${CREDENTIALS_FLAGS})`;
  }
  if (status === 404) return `${got}: nothing there; pass the URL of an existing resource`;
  if (status === 405) return `${got}: the route has no ${method}; pass the method it has (-X METHOD)`;
  if (status >= 500) return `${got}: the server failed; scan an endpoint that answers, with the headers it needs (-H)`;
  if (status >= 400) return `${got}: the request was refused; pass the headers or cookie it needs (-H, --cookie)`;
  return null;
}

/** Why the observations of one method tested nothing, or null when the baseline is a usable CORS answer. */
export function baselineProblem(observations: readonly Observation[], context: BaselineContext): string | null {
  const baseline = observations.find((o) => o.probe.check === 'baseline' && o.purpose === 'request');
  if (!baseline) return "the scan's deadline passed before the baseline request";
  const { answer } = baseline;
  const method = answer.request.method;
  if (answer.error)
    return `cannot reach ${context.url.href}: ${answer.error}; check the URL and that the API is running`;
  if (answer.redirect) {
    const { status, location } = answer.redirect;
    return `${context.url.href} answered ${status}, a redirect to ${location}; scan the target instead ` +
      `(cors-lab scan ${location})`;
  }
  const status = statusProblem(answer.status ?? 0, method, context);
  if (status) return status;
  const preflight = observations.find((o) => o.probe.check === 'baseline' && o.purpose === 'preflight');
  const cors = [answer, preflight?.answer].some((a) =>
    a?.response?.slice(1).some((line) => /^access-control-/i.test(line)),
  );
  if (cors) return null;
  const origin = answer.request.origin;
  return context.trustedAssumed
    ? `no CORS header in the answers to Origin: ${origin}, the API's own origin, assumed trusted; ` +
        'pass --origin with the origin of the web app your API allows'
    : `no CORS header in the answers to Origin: ${origin} (--origin); ` +
        'pass -X with the method that has CORS, or --cookie if CORS needs a logged-in request';
}
