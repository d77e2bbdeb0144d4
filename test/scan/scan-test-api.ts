/**
 * APIs for `cors-lab scan`'s tests and the README's examples, one loopback server (127.0.0.1, a free port)
 * whose path picks the API, as web-platform-tests' servers take their policy from the URL:
 * `/vulnerable/CLASS` carries the class, `/fixed/CLASS` is its correct twin, `/tested-nothing/WHY` is an
 * endpoint whose baseline is no CORS answer, `/only-post` has CORS on POST only and `/logged-in` only for a
 * request with the session cookie. Each answers with the headers below and a small JSON body; it records
 * what it received.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FindingId } from '../../cli/scan/finding.ts';

/** The origin the APIs are written for: what `--origin` names in the examples. */
export const TRUSTED = 'https://app.example.com';
/** A hosting suffix (RFC 2606 name) that only `--trusted-third-party` adds to the scan's list. */
export const OWN_HOSTING = 'pages.hosting.example';
/** The cookie of a logged-in user, for the APIs that need one. */
export const SESSION_COOKIE = 'session=s1';

type Headers = Record<string, string>;
interface Request {
  method: string;
  origin: string;
  cookie: string;
  requestMethod: string;
  requestHeaders: string;
}
type Api = (request: Request) => { status: number; headers: Headers };

const preflight = (request: Request): boolean => request.method === 'OPTIONS' && request.requestMethod !== '';
const LISTED = {
  'Access-Control-Allow-Methods': 'GET, POST',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization',
};

/**
 * Trusts the origins `test` accepts, the right way otherwise: the origin echoed, Vary: Origin, listed methods and
 * headers.
 */
function trusting(
  test: (origin: string) => boolean,
  options: { credentials?: boolean; vary?: boolean; listed?: Headers } = {},
): Api {
  return (request) => {
    const headers: Headers = options.vary === false ? {} : { Vary: 'Origin' };
    if (test(request.origin)) {
      headers['Access-Control-Allow-Origin'] = request.origin;
      if (options.credentials !== false) headers['Access-Control-Allow-Credentials'] = 'true';
      if (preflight(request)) Object.assign(headers, options.listed ?? LISTED);
    }
    return { status: preflight(request) ? 204 : 200, headers };
  };
}

const exact = trusting((o) => o === TRUSTED);
const fixed =
  (headers: Headers): Api =>
  (request) => ({ status: preflight(request) ? 204 : 200, headers });
const needsSession =
  (api: Api): Api =>
  (request) =>
    request.cookie.split('; ').includes(SESSION_COOKIE) || preflight(request)
      ? api(request)
      : { status: 401, headers: {} };

/** Each class on an API built with it, and the correct twin. */
export const APIS: Record<FindingId, { vulnerable: Api; fixed: Api }> = {
  'origin-reflected': { vulnerable: trusting(() => true), fixed: exact },
  'null-trusted': { vulnerable: trusting((o) => o === TRUSTED || o === 'null'), fixed: exact },
  'prefix-match': { vulnerable: trusting((o) => o.startsWith(TRUSTED)), fixed: exact },
  'suffix-match': { vulnerable: trusting((o) => /^https:\/\/.*example\.com$/.test(o)), fixed: exact },
  'substring-match': { vulnerable: trusting((o) => o !== '' && TRUSTED.includes(o)), fixed: exact },
  'unescaped-dot': {
    vulnerable: trusting((o) => /^https:\/\/app.example.com$/.test(o)),
    fixed: trusting((o) => /^https:\/\/app\.example\.com$/.test(o)),
  },
  'any-subdomain': {
    vulnerable: trusting((o) => /^https:\/\/([a-z0-9-]+\.)*example\.com$/.test(o)),
    fixed: trusting((o) => ['https://app.example.com', 'https://admin.example.com'].includes(o)),
  },
  'http-trusted': { vulnerable: trusting((o) => o === TRUSTED || o === 'http://app.example.com'), fixed: exact },
  'third-party-trusted': {
    vulnerable: trusting((o) => o === TRUSTED || o.endsWith('.github.io'), { credentials: false }),
    fixed: exact,
  },
  'parser-bypass': {
    vulnerable: trusting((o) => /^https:\/\/([a-z0-9.-]+)/.exec(o)?.[1] === 'app.example.com'),
    fixed: exact,
  },
  // `*` is right for a public resource: the twin drops the credentials.
  'wildcard-with-credentials': {
    vulnerable: fixed({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' }),
    fixed: fixed({ 'Access-Control-Allow-Origin': '*' }),
  },
  'wildcard-on-authenticated': {
    vulnerable: needsSession(fixed({ 'Access-Control-Allow-Origin': '*' })),
    fixed: needsSession(exact),
  },
  'invalid-allow-origin': {
    vulnerable: fixed({ 'Access-Control-Allow-Origin': `${TRUSTED}, https://admin.example.com` }),
    fixed: exact,
  },
  'fixed-third-party-origin': {
    vulnerable: fixed({ 'Access-Control-Allow-Origin': 'https://cdpn.io', 'Access-Control-Allow-Credentials': 'true' }),
    fixed: exact,
  },
  'missing-vary-origin': { vulnerable: trusting((o) => o === TRUSTED, { vary: false }), fixed: exact },
  'request-headers-reflected': {
    vulnerable: (request) =>
      trusting((o) => o === TRUSTED, { listed: { ...LISTED, 'Access-Control-Allow-Headers': request.requestHeaders } })(
        request,
      ),
    fixed: exact,
  },
  'request-method-reflected': {
    vulnerable: (request) =>
      trusting((o) => o === TRUSTED, { listed: { ...LISTED, 'Access-Control-Allow-Methods': request.requestMethod } })(
        request,
      ),
    fixed: exact,
  },
};

/** Endpoints whose baseline is no CORS answer: the scan must say it tested nothing. */
export const TESTED_NOTHING: Record<string, Api> = {
  'no-cors': () => ({ status: 200, headers: {} }),
  unauthorized: () => ({ status: 401, headers: {} }),
  forbidden: () => ({ status: 403, headers: {} }),
  'not-found': () => ({ status: 404, headers: {} }),
  'server-error': () => ({ status: 500, headers: {} }),
  redirect: () => ({ status: 302, headers: { Location: '/login' } }),
};

const ROUTES: Record<string, Api> = {
  ...Object.fromEntries(
    Object.entries(APIS).flatMap(([id, apis]) => [
      [`/vulnerable/${id}`, apis.vulnerable],
      [`/fixed/${id}`, apis.fixed],
    ]),
  ),
  ...Object.fromEntries(Object.entries(TESTED_NOTHING).map(([why, api]) => [`/tested-nothing/${why}`, api])),
  // CORS on POST only (and its preflight): a scan of GET tests nothing; -X POST finds the reflection.
  '/only-post': (request) => {
    const post = request.method === 'POST' || (request.method === 'OPTIONS' && request.requestMethod === 'POST');
    return post ? trusting(() => true)(request) : { status: request.method === 'OPTIONS' ? 204 : 200, headers: {} };
  },
  // CORS only for a logged-in request: without --cookie the scan gets 401 and says so.
  '/logged-in': needsSession(trusting(() => true)),
  // Trusts every page under a hosting suffix the built-in list does not know: --trusted-third-party names it.
  '/trusts-own-hosting': trusting((o) => o === TRUSTED || o.endsWith(`.${OWN_HOSTING}`)),
};

export interface ScanTestApi {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  /** Every request received, in order. */
  seen: Array<{ method: string; path: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

export async function startScanTestApi(): Promise<ScanTestApi> {
  const seen: ScanTestApi['seen'] = [];
  const server: Server = createServer((incoming, response) => {
    const path = new URL(incoming.url ?? '/', 'http://127.0.0.1').pathname;
    seen.push({ method: incoming.method ?? '', path, headers: incoming.headers });
    const api = ROUTES[path];
    if (!api)
      return void response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"no such API"}');
    const header = (name: string): string => String(incoming.headers[name] ?? '');
    const request: Request = {
      method: incoming.method ?? '',
      origin: header('origin'),
      cookie: header('cookie'),
      requestMethod: header('access-control-request-method'),
      requestHeaders: header('access-control-request-headers'),
    };
    const { status, headers } = api(request);
    response
      .writeHead(status, { 'Content-Type': 'application/json', ...headers })
      .end(status === 204 ? undefined : '{"secret":"42"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
