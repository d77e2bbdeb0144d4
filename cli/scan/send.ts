/** One plain HTTP request with an Origin header, to the scanned URL only, bounded in time. */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Probe } from './probes.ts';

export const REQUEST_TIMEOUT_MS = 5000;

export interface Answer {
  probe: Probe;
  /** The request as sent: request line, Host and Origin. */
  request: string[];
  /** Status line and the CORS-related header lines as received; null when no answer came. */
  response: string[] | null;
  /** Why no answer came (connection refused, timeout, TLS). */
  error: string | null;
  allowOrigin: string | null;
  allowCredentials: string | null;
  vary: string | null;
}

/** Header lines that decide or explain the CORS outcome. */
const SHOWN = /^(access-control-|vary$)/i;

function headerValue(raw: string[], name: string): string | null {
  const values: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === name) values.push(raw[i + 1]!);
  return values.length ? values.join(', ') : null;
}

function describeError(error: NodeJS.ErrnoException): string {
  const words: Record<string, string> = { ECONNREFUSED: 'connection refused', ENOTFOUND: 'host not found', ECONNRESET: 'connection reset' };
  // Node's message repeats the code and the address ("connect ECONNREFUSED 127.0.0.1:9"): the known codes say it in words instead.
  if (error.code && words[error.code]) return `${error.code} (${words[error.code]})`;
  return error.code ? `${error.code}: ${error.message}` : error.message;
}

export function send(url: URL, probe: Probe, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Answer> {
  const requestLines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, `Origin: ${probe.origin}`];
  const base = { probe, request: requestLines, allowOrigin: null, allowCredentials: null, vary: null };
  return new Promise((resolve) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      { method: 'GET', headers: { Origin: probe.origin, Accept: '*/*', 'User-Agent': 'cors-lab-scan' }, agent: false },
      (response: IncomingMessage) => {
        response.resume();
        const raw = response.rawHeaders;
        const lines = [`HTTP/${response.httpVersion} ${response.statusCode} ${response.statusMessage}`];
        for (let i = 0; i < raw.length; i += 2) if (SHOWN.test(raw[i]!)) lines.push(`${raw[i]}: ${raw[i + 1]}`);
        resolve({
          ...base,
          response: lines,
          error: null,
          allowOrigin: headerValue(raw, 'access-control-allow-origin'),
          allowCredentials: headerValue(raw, 'access-control-allow-credentials'),
          vary: headerValue(raw, 'vary'),
        });
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ ...base, response: null, error: describeError(error) }));
    request.end();
  });
}
