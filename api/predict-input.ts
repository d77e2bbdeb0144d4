/**
 * The checks on what a user hands `predict()` for their own request and response: every field
 * named by its path (`request.headers["x y"]: not a header name`), thrown as one PredictInputError,
 * never a guess. Plain code, no schema library, so `cors-lab/model` stays light.
 */
import { headerValueProblem, isToken, type HeaderLines } from '../format/headers.ts';
import { problemText } from '../format/problems/index.ts';
import type { Exchange, ExchangeAnswer } from '../experiments/model/exchange.ts';
import { addressSpaceOf } from '../probe/address-space.ts';
import { expandTokens } from '../plan/answer.ts';
import { DEFAULT_ORIGIN_MAP } from '../plan/origins.ts';

/** Header lines as a record (a value array for repeated lines) or as [name, value] pairs in order. */
export type HeadersInput =
  | Readonly<Record<string, string | readonly string[]>>
  | ReadonlyArray<readonly [string, string]>;

/** One answer from the server, as it was sent. */
export interface AnswerInput {
  status: number;
  headers?: HeadersInput;
}

/** A request from any page origin to any URL, and what the server answered. No lab names. */
export interface AnyOriginInput {
  /** The page's origin, e.g. `http://localhost:3000`, or `null` for a sandboxed frame. */
  origin: string;
  request: {
    /** Absolute, or relative to `origin`. */
    url: string;
    /** Default GET. */
    method?: string;
    headers?: HeadersInput;
    /** The request body, if any (a GET or HEAD has none: fetch() throws). */
    body?: string | null;
    /** fetch()'s credentials; default same-origin. */
    credentials?: 'omit' | 'same-origin' | 'include';
    /** fetch()'s mode; default cors. */
    mode?: 'cors' | 'no-cors' | 'same-origin';
    /** Default fetch. */
    api?: 'fetch' | 'xhr';
    /** fetch()'s redirect; default follow. */
    redirect?: 'follow' | 'error' | 'manual';
  };
  /** The answer to the OPTIONS preflight, when the request needs one. */
  preflight?: AnswerInput;
  response: AnswerInput;
  /** Whether the user granted the page Local Network Access (Chromium asks); default denied. */
  browser?: { localNetworkAccess?: 'denied' | 'granted' };
  /** The browser engine whose behaviour is predicted; this build models Chromium's. */
  engine?: 'chromium';
}

/** A field of predict()'s input is wrong; `field` is its path, `message` starts with it. */
export class PredictInputError extends Error {
  override readonly name = 'PredictInputError';
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A misspelt field (`request.heders`) is named, not ignored. */
function onlyKeys(value: Record<string, unknown>, field: string, keys: readonly string[]): void {
  const unknown = Object.keys(value).find((key) => !keys.includes(key));
  if (unknown !== undefined)
    throw new PredictInputError(field ? `${field}.${unknown}` : unknown, `unknown field (known: ${keys.join(', ')})`);
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new PredictInputError(field, `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
}

/**
 * The model answers through the lab's plan, which reads `{page}`, `{reflect}` and `{origin:NAME}` in a
 * response value as tokens (servers/answer.ts): such a value cannot be taken literally, so it is refused.
 */
function holdsPlanToken(value: string): boolean {
  try {
    return expandTokens(value, '', { page: 'null', origins: DEFAULT_ORIGIN_MAP, requestOrigin: '' }) !== value;
  } catch {
    return true;
  }
}

function headerLine(name: unknown, value: unknown, field: string, answer: boolean): [string, string] {
  if (typeof name !== 'string' || !isToken(name)) throw new PredictInputError(field, 'not a header name');
  if (typeof value !== 'string') throw new PredictInputError(field, 'a header value is a string');
  // The lab's wire rule (what its plan may carry, and what Node can send): tab, visible ASCII, 0x80-0xFF.
  const problem = headerValueProblem(value);
  if (problem) throw new PredictInputError(field, problem);
  if (answer && holdsPlanToken(value)) {
    throw new PredictInputError(
      field,
      'holds {page}, {reflect} or {origin:...}, which the model cannot take literally',
    );
  }
  return [name, value];
}

/** `answer`: a response's or preflight's headers, which go through the lab's plan. */
function headerLines(value: unknown, field: string, answer: boolean): HeaderLines {
  if (value === undefined) return [];
  if (Array.isArray(value)) {
    return value.map((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2)
        throw new PredictInputError(`${field}[${i}]`, 'a header line is [name, value]');
      return headerLine(pair[0], pair[1], `${field}[${i}]`, answer);
    });
  }
  if (!isRecord(value)) throw new PredictInputError(field, 'an object of header names, or an array of [name, value]');
  return Object.entries(value).flatMap(([name, lines]) => {
    const at = `${field}[${JSON.stringify(name)}]`;
    const values: unknown[] = Array.isArray(lines) ? lines : [lines];
    return values.map((line, i) => headerLine(name, line, Array.isArray(lines) ? `${at}[${i}]` : at, answer));
  });
}

/** A final response's status: 200-599 (a 1xx is never what fetch sees). */
function answerOf(value: unknown, field: string): ExchangeAnswer {
  if (!isRecord(value)) throw new PredictInputError(field, 'an object { status, headers }');
  onlyKeys(value, field, ['status', 'headers']);
  const status = value['status'];
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
    throw new PredictInputError(`${field}.status`, `${JSON.stringify(status)} is not an HTTP status from 200 to 599`);
  }
  return { status, headers: headerLines(value['headers'], `${field}.headers`, true) };
}

/** `origin` as the browser serializes it: scheme, host and port only, or "null". */
function originOf(value: unknown): string {
  if (value === 'null') return value;
  const problem = 'not an origin (scheme://host[:port], e.g. http://localhost:3000, or "null")';
  if (typeof value !== 'string') throw new PredictInputError('origin', problem);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PredictInputError('origin', problem);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value.replace(/\/$/, ''))
    throw new PredictInputError('origin', problem);
  return url.origin;
}

function urlOf(value: unknown, origin: string): string {
  if (typeof value !== 'string') throw new PredictInputError('request.url', 'a URL is a string');
  let url: URL;
  try {
    url = origin === 'null' ? new URL(value) : new URL(value, origin);
  } catch {
    throw new PredictInputError(
      'request.url',
      `${JSON.stringify(value)} is not a URL${origin === 'null' ? ' (with origin "null" it must be absolute)' : ''}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PredictInputError('request.url', `${url.protocol} is not http: or https:`);
  return url.href;
}

/** https://fetch.spec.whatwg.org/#dom-request step 36: a GET or HEAD request with a body is a TypeError. */
function bodyOf(value: unknown, method: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new PredictInputError('request.body', 'a body is a string or null');
  if (['GET', 'HEAD'].includes(method.toUpperCase()))
    throw new PredictInputError('request.body', problemText({ code: 'bodyWithGet' }));
  return value;
}

/** The checked exchange, or a PredictInputError naming the first wrong field. */
export function exchangeOf(input: unknown): Exchange {
  if (!isRecord(input)) throw new PredictInputError('input', 'an object { origin, request, preflight?, response }');
  onlyKeys(input, '', ['origin', 'request', 'preflight', 'response', 'browser', 'engine']);
  const origin = originOf(input['origin']);
  const request = input['request'];
  if (!isRecord(request))
    throw new PredictInputError('request', 'an object { url, method, headers, credentials, mode }');
  onlyKeys(request, 'request', ['url', 'method', 'headers', 'body', 'credentials', 'mode', 'api', 'redirect']);
  const method = request['method'] ?? 'GET';
  if (typeof method !== 'string' || !isToken(method))
    throw new PredictInputError('request.method', `${JSON.stringify(method)} is not a method (an HTTP token)`);
  const body = bodyOf(request['body'], method);
  oneOf(input['engine'], 'engine', ['chromium'], 'chromium');
  const browser = input['browser'];
  if (browser !== undefined && !isRecord(browser))
    throw new PredictInputError('browser', 'an object { localNetworkAccess }');
  if (browser) onlyKeys(browser, 'browser', ['localNetworkAccess']);
  const url = urlOf(request['url'], origin);
  // The model places an opaque page (a sandboxed frame) where the lab's are, on loopback (its creator's, unknown here).
  const page = origin === 'null' ? 'loopback' : addressSpaceOf(new URL(origin).hostname);
  return {
    origin,
    addressSpaces: { page, target: addressSpaceOf(new URL(url).hostname) },
    request: {
      url,
      method,
      headers: headerLines(request['headers'], 'request.headers', false),
      body,
      credentials: oneOf(
        request['credentials'],
        'request.credentials',
        ['omit', 'same-origin', 'include'],
        'same-origin',
      ),
      mode: oneOf(request['mode'], 'request.mode', ['cors', 'no-cors', 'same-origin'], 'cors'),
      api: oneOf(request['api'], 'request.api', ['fetch', 'xhr'], 'fetch'),
      redirect: oneOf(request['redirect'], 'request.redirect', ['follow', 'error', 'manual'], 'follow'),
    },
    preflight: input['preflight'] === undefined ? null : answerOf(input['preflight'], 'preflight'),
    response: answerOf(input['response'], 'response'),
    localNetworkAccess: oneOf(
      browser?.['localNetworkAccess'],
      'browser.localNetworkAccess',
      ['denied', 'granted'],
      'denied',
    ),
  };
}
