/**
 * `predict()` for the user's own request and response: any page origin, any URL, no lab
 * names. The model decides (experiments/model/exchange.ts hands it the pair); this file shapes
 * the answer and says it in the user's terms, with the user's URLs.
 */
import { explain as explainStep, type ExplainContext, type Explanation } from '../experiments/model/explain.ts';
import { preflightNeeded, predictExchange, type Exchange } from '../experiments/model/exchange.ts';
import type { ModelReason } from '../experiments/model/model-reasons.ts';
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { Outcome } from '../format/reasons.ts';
import { exchangeOf } from './predict-input.ts';

/** Chromium's names for what stopped the request: the model's reasons, and mixed content, checked before CORS. */
export type AnyOriginReason = ModelReason | 'mixed-content';

/** What Chromium does with the user's request, as the model predicts it. */
export interface AnyOriginPrediction {
  /** `incomplete`: the model needs an answer the input does not hold (`missing` says which). */
  outcome: Outcome | 'incomplete';
  /** `preflight`: the request needs a preflight and `preflight` was not given; `redirect`: the response redirects. */
  missing: 'preflight' | 'redirect' | null;
  reason: AnyOriginReason | null;
  /** The value Chromium names with the reason (a method, a header, a header value). */
  failedParameter: string | null;
  preflight: {
    /** The request is not CORS-safelisted: method or headers. https://fetch.spec.whatwg.org/#cors-preflight-fetch */
    needed: boolean;
    /** It goes out (Local Network Access or mixed content can stop the request before it). */
    sent: boolean;
    /** Access-Control-Request-Method and -Headers it carries. */
    requestMethod: string | null;
    requestHeaders: string | null;
  };
  /** Status JavaScript can read (0 for an opaque response), or null. */
  status: number | null;
  responseType: StepPrediction['responseType'];
  /** Response header names JavaScript can read, and those it cannot (lower-case, sorted). */
  readableHeaders: string[];
  hiddenHeaders: string[];
  /**
   * `sent`: the actual request carries the browser's cookies for the URL (those its SameSite and
   * third-party cookie settings let through; the model does not know the browser's jar).
   */
  cookies: 'sent' | 'not-sent';
  /** The line Chromium prints in the console, or null when it prints none. */
  console: string | null;
  /** What to change, or null when nothing needs to. */
  fix: string | null;
  /** What the page gets instead of a response when fetch() itself refuses (e.g. a forbidden method). */
  pageError: string | null;
  /** The Location of a redirect the input stops at. */
  location: string | null;
  /** The verdict, console line, fix and reference pages in words, with the user's URLs (what explain() returns). */
  explanation: Explanation;
  /** The request as the prediction read it. */
  request: {
    origin: string;
    url: string;
    method: string;
    api: 'fetch' | 'xhr';
    credentials: Exchange['request']['credentials'];
  };
}

/**
 * https://w3c.github.io/webappsec-mixed-content/#should-block-fetch: an https page may not fetch
 * http, unless the URL is potentially trustworthy (loopback). Chromium blocks it before any CORS check.
 */
function isMixedContent(exchange: Exchange): boolean {
  const url = new URL(exchange.request.url);
  return (
    exchange.origin.startsWith('https:') && url.protocol === 'http:' && exchange.addressSpaces.target !== 'loopback'
  );
}

function contextOf(exchange: Exchange): ExplainContext {
  const { url, api, method } = exchange.request;
  return {
    url,
    pageOrigin: exchange.origin,
    api,
    method,
    credentialsInclude: exchange.request.credentials === 'include',
  };
}

function requestOf(exchange: Exchange): AnyOriginPrediction['request'] {
  const { url, method, api, credentials } = exchange.request;
  return { origin: exchange.origin, url, method, api, credentials };
}

/** The model's words; Local Network Access named by the target's real address space. */
function explanationOf(step: StepPrediction, exchange: Exchange): Explanation {
  const words = explainStep(step, contextOf(exchange));
  if (exchange.addressSpaces.target !== 'local') return words;
  const local = (text: string | null): string | null => text?.replaceAll('`loopback`', '`local`') ?? null;
  return { ...words, verdict: local(words.verdict) ?? '', console: local(words.console), fix: local(words.fix) };
}

/** The request and response as the user gave them: validated (PredictInputError), then predicted. */
export async function predictAnyOrigin(input: unknown): Promise<AnyOriginPrediction> {
  const exchange = exchangeOf(input);
  const request = requestOf(exchange);
  const sameOrigin = exchange.origin === new URL(exchange.request.url).origin;
  // Needed even when mixed content or Local Network Access stops the request before its preflight goes out.
  const needed = exchange.request.mode === 'cors' && !sameOrigin && preflightNeeded(exchange.request).needed;
  if (isMixedContent(exchange)) {
    const fix = `Serve ${new URL(exchange.request.url).origin} over https: an https page may not fetch http.`;
    const verdict =
      `Blocked before sending: mixed content. The page at ${exchange.origin} was loaded over https ` +
      `and asked for ${exchange.request.url} over http.`;
    const mdn = 'https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content';
    return {
      ...blank(request),
      outcome: 'blocked',
      reason: 'mixed-content',
      preflight: { needed, sent: false, requestMethod: null, requestHeaders: null },
      fix,
      pageError: 'TypeError: Failed to fetch',
      explanation: { verdict, console: null, fix, mdn, firefox: null },
    };
  }
  const predicted = await predictExchange(exchange);
  const step = predicted.step;
  const preflightRequest = step.requests.find((r) => r.kind === 'preflight');
  const facts = {
    ...blank(request),
    preflight: {
      needed: preflightRequest !== undefined || needed,
      sent: preflightRequest !== undefined,
      requestMethod: preflightRequest?.accessControlRequestMethod ?? null,
      requestHeaders: preflightRequest?.accessControlRequestHeaders ?? null,
    },
  };
  if (!predicted.complete) {
    const verdict =
      predicted.missing === 'preflight'
        ? missingPreflight(exchange, facts.preflight)
        : missingHop(exchange, predicted.location);
    return {
      ...facts,
      outcome: 'incomplete',
      missing: predicted.missing,
      location: predicted.location,
      explanation: { verdict, console: null, fix: null, mdn: null, firefox: null },
    };
  }
  const words = explanationOf(step, exchange);
  const withCookies =
    exchange.request.credentials === 'include' || (exchange.request.credentials === 'same-origin' && sameOrigin);
  return {
    ...facts,
    outcome: step.outcome,
    reason: step.reason as ModelReason | null,
    failedParameter: step.failedParameter,
    status: step.status,
    responseType: step.responseType,
    readableHeaders: predicted.readableHeaders,
    hiddenHeaders: predicted.hiddenHeaders,
    cookies: step.reachedServer && withCookies ? 'sent' : 'not-sent',
    console: words.console,
    fix: words.fix,
    pageError: step.pageError,
    explanation: words,
  };
}

function missingPreflight(exchange: Exchange, preflight: AnyOriginPrediction['preflight']): string {
  const headers = preflight.requestHeaders ? `, Access-Control-Request-Headers: ${preflight.requestHeaders}` : '';
  return (
    'Incomplete: the preflight answer is missing. ' +
    `This request needs a preflight (OPTIONS ${exchange.request.url} with ` +
    `Access-Control-Request-Method: ${preflight.requestMethod ?? exchange.request.method}${headers}), ` +
    'so the verdict depends ' +
    'on how the server answers it: give that answer as preflight: { status, headers }.'
  );
}

function missingHop(exchange: Exchange, location: string | null): string {
  return (
    `Incomplete: the response to ${exchange.request.url} redirects to ${location ?? 'its Location'}, ` +
    'and the verdict depends on ' +
    'the next hop. Predict the request to the Location as well (its Origin is "null" when the redirect leaves the ' +
    "URL's origin; https://fetch.spec.whatwg.org/#http-redirect-fetch)."
  );
}

/** The prediction in words, with the user's URLs: the verdict, Chromium's console line, the fix. */
export function explainAnyOrigin(prediction: AnyOriginPrediction): Explanation {
  return prediction.explanation;
}

function blank(request: AnyOriginPrediction['request']): AnyOriginPrediction {
  return {
    outcome: 'blocked',
    missing: null,
    reason: null,
    failedParameter: null,
    preflight: { needed: false, sent: false, requestMethod: null, requestHeaders: null },
    status: null,
    responseType: null,
    readableHeaders: [],
    hiddenHeaders: [],
    cookies: 'not-sent',
    console: null,
    fix: null,
    pageError: null,
    location: null,
    explanation: { verdict: '', console: null, fix: null, mdn: null, firefox: null },
    request,
  };
}
