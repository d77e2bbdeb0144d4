/**
 * One plain HTTP request, to the scanned URL only, with a deadline: the whole
 * exchange up to the response headers must fit in it (a server dripping one
 * byte at a time cannot stretch it, as it would an idle timeout), and the body
 * is never read: the socket is closed once the headers are in, so nothing the
 * server sends afterwards keeps the process alive.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

import { REQUEST_DEADLINE_MS } from './deadlines.ts';

/**
 * A request as the scan sent it, and as `scan --prove` replays it: `headers` holds the headers the request is
 * about (the user's -H, or a preflight's Access-Control-Request-*), besides Origin and Cookie, which have their
 * own fields (on the wire, Host, Accept and `User-Agent: cors-lab-scan` are added); `credentials` says
 * whether a cookie or an Authorization header went with it. A preflight is `method: 'OPTIONS'`, never credentialed.
 */
export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  origin: string;
  credentials: boolean;
  cookie?: string;
}

export interface Answer {
  request: SentRequest;
  /** The request as sent: request line, Host, Origin and the other headers (a cookie's value is not shown). */
  requestLines: string[];
  /** Status line and the CORS-related header lines as received; null when no answer came. */
  response: string[] | null;
  status: number | null;
  /** Why no answer came (connection refused, deadline, TLS). */
  error: string | null;
  /** A 3xx answer's Location, resolved against the URL: the scan does not follow it (CORS is decided there too). */
  redirect: { status: number; location: string } | null;
  /** Each CORS header's values as received, joined with ", " when it came more than once (null: absent). */
  allowOrigin: string | null;
  /** How many Access-Control-Allow-Origin header lines came: more than one is invalid, whatever they say. */
  allowOriginLines: number;
  allowCredentials: string | null;
  allowMethods: string | null;
  allowHeaders: string | null;
  vary: string | null;
}

/** Header lines that decide or explain the CORS outcome. */
const SHOWN = /^(access-control-|vary$|location$)/i;

function headerValues(raw: string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === name) values.push(raw[i + 1]!);
  return values;
}

function headerValue(raw: string[], name: string): string | null {
  const values = headerValues(raw, name);
  return values.length ? values.join(', ') : null;
}

function describeError(error: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    ECONNRESET: 'connection reset',
  };
  // Node's message repeats the code and the address ("connect ECONNREFUSED 127.0.0.1:9"): the known codes say it in
  // words instead.
  if (error.code && words[error.code]) return `${error.code} (${words[error.code]})`;
  return error.code ? `${error.code}: ${error.message}` : error.message;
}

/** Where a redirect points, as an absolute URL when it parses (it is the server's text: printed escaped). */
function redirectOf(response: IncomingMessage, url: URL): Answer['redirect'] {
  const status = response.statusCode ?? 0;
  const location = response.headers.location;
  if (status < 300 || status > 399 || location === undefined) return null;
  return { status, location: URL.canParse(location, url) ? new URL(location, url).href : location };
}

function linesOf(url: URL, sent: SentRequest): string[] {
  const cookie =
    sent.cookie === undefined
      ? []
      : [
          `Cookie: ${sent.cookie
            .split(';')
            .map((c) => `${c.split('=')[0]!.trim()}=...`)
            .join('; ')}`,
        ];
  const others = Object.entries(sent.headers).map(
    ([name, value]) => `${name}: ${/^authorization$/i.test(name) ? '...' : value}`,
  );
  return [
    `${sent.method} ${url.pathname}${url.search} HTTP/1.1`,
    `Host: ${url.host}`,
    `Origin: ${sent.origin}`,
    ...others,
    ...cookie,
  ];
}

export function send(sent: SentRequest, deadlineMs = REQUEST_DEADLINE_MS): Promise<Answer> {
  const url = new URL(sent.url);
  const base = {
    request: sent,
    requestLines: linesOf(url, sent),
    status: null,
    redirect: null,
    allowOrigin: null,
    allowOriginLines: 0,
    allowCredentials: null,
    allowMethods: null,
    allowHeaders: null,
    vary: null,
  };
  const headers: Record<string, string> = {
    Accept: '*/*',
    'User-Agent': 'cors-lab-scan',
    ...sent.headers,
    Origin: sent.origin,
  };
  if (sent.cookie !== undefined) headers['Cookie'] = sent.cookie;
  return new Promise((resolve) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      { method: sent.method, headers, agent: false },
      (response: IncomingMessage) => {
        clearTimeout(deadline);
        // The headers are all the scan needs: the body is dropped unread, with its connection.
        response.destroy();
        const raw = response.rawHeaders;
        const lines = [`HTTP/${response.httpVersion} ${response.statusCode} ${response.statusMessage}`];
        for (let i = 0; i < raw.length; i += 2) if (SHOWN.test(raw[i]!)) lines.push(`${raw[i]}: ${raw[i + 1]}`);
        resolve({
          ...base,
          response: lines,
          status: response.statusCode ?? null,
          error: null,
          redirect: redirectOf(response, url),
          allowOrigin: headerValue(raw, 'access-control-allow-origin'),
          allowOriginLines: headerValues(raw, 'access-control-allow-origin').length,
          allowCredentials: headerValue(raw, 'access-control-allow-credentials'),
          allowMethods: headerValue(raw, 'access-control-allow-methods'),
          allowHeaders: headerValue(raw, 'access-control-allow-headers'),
          vary: headerValue(raw, 'vary'),
        });
      },
    );
    // A deadline, not an idle timeout (request.setTimeout restarts with every byte received).
    const late = (): Error =>
      Object.assign(new Error(`no answer within ${deadlineMs / 1000} s`), { code: 'ETIMEDOUT' });
    const deadline = setTimeout(() => request.destroy(late()), deadlineMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      resolve({ ...base, response: null, error: describeError(error) });
    });
    request.end();
  });
}
