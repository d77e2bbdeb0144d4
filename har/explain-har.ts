/**
 * What `cors-lab explain FILE.har` says of each cross-origin request: the model's verdict from
 * what the HAR recorded (api/predict-any-origin.ts), and, where the HAR lacks an answer the
 * verdict depends on, exactly that, never a guess.
 */
import { predictAnyOrigin, type AnyOriginPrediction } from '../api/predict-any-origin.ts';
import { PredictInputError, type AnyOriginInput } from '../api/predict-input.ts';
import { preflightNeeded } from '../experiments/model/exchange.ts';
import {
  crossOriginRequests,
  header,
  type CrossOriginRequest,
  type PageOriginSource,
} from './cross-origin-requests.ts';
import type { Har, HarEntry, HarHeader } from './har-file.ts';

export interface HarFinding {
  /** The entry's place in `log.entries`. */
  entry: number;
  /** The preflight's place in `log.entries`, when the HAR holds it. */
  preflightEntry: number | null;
  method: string;
  url: string;
  pageOrigin: string;
  pageOriginFrom: PageOriginSource;
  /**
   * `unknown`: the verdict depends on an answer the HAR did not record (`verdict` says which); a
   * failed request whose reason the HAR does not hold is `blocked` with `reason` null.
   */
  outcome: AnyOriginPrediction['outcome'] | 'unknown';
  /** Chromium's name for the block, as `predict()` types it. */
  reason: AnyOriginPrediction['reason'];
  /** The value Chromium names with the reason (a method, a header, a header value). */
  failedParameter: string | null;
  /** What the browser reported when the request failed (`net::ERR_FAILED`), as recorded. */
  failure: string | null;
  preflightNeeded: boolean;
  verdict: string;
  console: string | null;
  fix: string | null;
}

export interface HarReport {
  findings: HarFinding[];
  skipped: Array<{ entry: number; url: string; why: string }>;
}

/**
 * Headers the browser adds on its own, which a page did not set: the forbidden ones (Origin,
 * Referer, Sec-*, ...) the model drops itself; these are allowed to a page, so they are dropped
 * here. `Cache-Control`/`Pragma: no-cache` come from DevTools' "Disable cache".
 * https://fetch.spec.whatwg.org/#forbidden-request-header
 */
const BROWSER_ADDED = ['user-agent', 'priority'];
const DEVTOOLS_NO_CACHE = ['cache-control', 'pragma'];

/** The headers the page set, as far as the HAR tells (HTTP/2 pseudo-headers such as `:path` are the wire's). */
function pageHeaders(entry: HarEntry, preflight: HarEntry | null): Array<[string, string]> {
  const listed = (header(preflight?.request.headers ?? [], 'access-control-request-headers') ?? '')
    .toLowerCase()
    .split(',')
    .map((n) => n.trim());
  return entry.request.headers
    .filter((h) => !h.name.startsWith(':') && !BROWSER_ADDED.includes(h.name.toLowerCase()))
    .filter(
      (h) =>
        !(
          DEVTOOLS_NO_CACHE.includes(h.name.toLowerCase()) &&
          h.value === 'no-cache' &&
          !listed.includes(h.name.toLowerCase())
        ),
    )
    .map((h): [string, string] => [h.name, h.value]);
}

const recorded = (entry: HarEntry): boolean => entry.response.status > 0;
const lines = (headers: readonly HarHeader[]): Array<[string, string]> =>
  headers.filter((h) => !h.name.startsWith(':')).map((h) => [h.name, h.value]);
const answerOf = (entry: HarEntry) => ({ status: entry.response.status, headers: lines(entry.response.headers) });

/** What a response the HAR lacks could be: one that passes every check, and one with no CORS header. */
function standIns(pageOrigin: string) {
  const allowing = {
    'Access-Control-Allow-Origin': pageOrigin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': '*',
  };
  return [
    { status: 200, headers: allowing },
    { status: 200, headers: {} },
  ];
}

async function findingOf(request: CrossOriginRequest): Promise<HarFinding> {
  const { entry, preflight, pageOrigin } = request;
  // A cross-origin request sends cookies only with credentials "include": their presence says so.
  const withCookies = entry.request.cookieCount > 0 || header(entry.request.headers, 'cookie') !== undefined;
  const base: Omit<AnyOriginInput, 'response'> = {
    origin: pageOrigin,
    request: {
      url: entry.request.url,
      method: entry.request.method,
      headers: pageHeaders(entry, preflight),
      credentials: withCookies ? 'include' : 'same-origin',
      api: entry.resourceType === 'xhr' ? 'xhr' : 'fetch',
    },
    ...(preflight && recorded(preflight) ? { preflight: answerOf(preflight) } : {}),
  };
  const finding = {
    entry: entry.index,
    preflightEntry: preflight?.index ?? null,
    method: entry.request.method,
    url: entry.request.url,
    pageOrigin,
    pageOriginFrom: request.pageOriginFrom,
    failure: entry.failure,
    preflightNeeded: preflightNeeded({ method: entry.request.method, headers: pageHeaders(entry, preflight) }).needed,
  };
  try {
    if (recorded(entry)) {
      // The request went out, so a preflight it needed passed (Playwright's HAR records none): one that allows it.
      const passed =
        finding.preflightNeeded && !base.preflight ? { preflight: passedPreflight(pageOrigin, entry, preflight) } : {};
      return { ...finding, ...wordsOf(await predictAnyOrigin({ ...base, ...passed, response: answerOf(entry) })) };
    }
    // No response recorded: the verdict stands only if it is the same whatever the response said.
    const [passing, bare] = await Promise.all(
      standIns(pageOrigin).map((response) => predictAnyOrigin({ ...base, response })),
    );
    if (
      passing &&
      bare &&
      passing.outcome === bare.outcome &&
      passing.reason === bare.reason &&
      bare.outcome !== 'incomplete'
    ) {
      return { ...finding, ...wordsOf(bare) };
    }
    // A recorded failure is the page's TypeError: blocked, for a reason the file does not hold.
    return {
      ...finding,
      outcome: entry.failure ? 'blocked' : 'unknown',
      reason: null,
      failedParameter: null,
      verdict: unrecorded(finding, preflight),
      console: null,
      fix: null,
    };
  } catch (error) {
    if (!(error instanceof PredictInputError)) throw error;
    return {
      ...finding,
      outcome: 'unknown',
      reason: null,
      failedParameter: null,
      verdict: `Cannot read this entry: ${error.message}`,
      console: null,
      fix: null,
    };
  }
}

/** The answer of a preflight that let this request through. */
function passedPreflight(pageOrigin: string, entry: HarEntry, preflight: HarEntry | null) {
  const unsafe = preflightNeeded({
    method: entry.request.method,
    headers: pageHeaders(entry, preflight),
  }).unsafeHeaders;
  const allow = {
    'Access-Control-Allow-Origin': pageOrigin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Methods': entry.request.method,
  };
  return {
    status: 204,
    headers: unsafe.length ? { ...allow, 'Access-Control-Allow-Headers': unsafe.join(', ') } : allow,
  };
}

function wordsOf(
  prediction: AnyOriginPrediction,
): Pick<HarFinding, 'outcome' | 'reason' | 'failedParameter' | 'verdict' | 'console' | 'fix'> {
  const { verdict, console, fix } = prediction.explanation;
  return {
    outcome: prediction.outcome,
    reason: prediction.reason,
    failedParameter: prediction.failedParameter,
    verdict,
    console,
    fix,
  };
}

function unrecorded(finding: Pick<HarFinding, 'failure' | 'preflightNeeded'>, preflight: HarEntry | null): string {
  const failed = finding.failure ? `It failed (${finding.failure}) and the HAR` : 'The HAR';
  const missing =
    finding.preflightNeeded && !(preflight && recorded(preflight))
      ? 'neither its preflight answer nor its response'
      : 'no response';
  return (
    `${failed} holds ${missing}: Chromium records none for a request CORS blocked, so the reason is not in the file. ` +
    `${finding.preflightNeeded ? 'It needed a preflight. ' : 'It needed no preflight. '}` +
    'The console line shows the reason, or run: cors-lab probe URL --origin PAGE-ORIGIN.'
  );
}

/** Every cross-origin request of the HAR, explained, in the HAR's order. */
export async function explainHar(har: Har): Promise<HarReport> {
  const { requests, skipped } = crossOriginRequests(har);
  const findings: HarFinding[] = [];
  for (const request of requests) findings.push(await findingOf(request));
  return { findings, skipped: skipped.map(({ entry, why }) => ({ entry: entry.index, url: entry.request.url, why })) };
}
