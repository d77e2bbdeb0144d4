/** The experiment as code to paste elsewhere: a fetch() call and a curl pair. */
import { msg } from '@lit/localize';
import { headerLines } from '../../format/headers.ts';
import { corsUnsafeRequestHeaderNames, isSafelistedMethod, normalizeMethod } from '../../experiments/model/request-headers.ts';
import { resolveRequest } from '../../format/format-defaults.ts';
import type { Experiment } from '../../format/schema.ts';

const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

export function fetchSnippet(experiment: Experiment, url: string): string {
  const r = resolveRequest(experiment.request);
  const init: Record<string, unknown> = {};
  if (r.method !== 'GET') init.method = r.method;
  const headers = headerLines(r.headers);
  if (headers.length) init.headers = headers;
  if (r.body !== null) init.body = r.body;
  if (r.mode !== 'cors') init.mode = r.mode;
  if (r.credentials !== 'same-origin') init.credentials = r.credentials;
  if (r.redirect !== 'follow') init.redirect = r.redirect;
  if (r.referrerPolicy !== undefined) init.referrerPolicy = r.referrerPolicy;
  const args = Object.keys(init).length ? `, ${JSON.stringify(init, null, 2)}` : '';
  return `const response = await fetch(${JSON.stringify(url)}${args});\nconsole.log(response.status, response.type, [...response.headers]);`;
}

/** The preflight (when the browser would send one) and the actual request, as curl commands. */
export function curlPair(experiment: Experiment, url: string, pageOrigin: string): string {
  const r = resolveRequest(experiment.request);
  const method = normalizeMethod(r.method);
  const headers = headerLines(r.headers);
  const unsafe = corsUnsafeRequestHeaderNames(headers);
  const lines: string[] = [];
  if (r.mode === 'cors' && (!isSafelistedMethod(method) || unsafe.length)) {
    lines.push(msg('# the preflight the browser sends first', { id: 'share.curl-preflight' }));
    lines.push(`curl -i -X OPTIONS ${quote(url)} -H ${quote(`Origin: ${pageOrigin}`)} -H ${quote(`Access-Control-Request-Method: ${method}`)}${unsafe.length ? ` -H ${quote(`Access-Control-Request-Headers: ${unsafe.join(',')}`)}` : ''}`);
  }
  lines.push(msg('# the actual request', { id: 'share.curl-actual' }));
  const parts = [`curl -i -X ${method} ${quote(url)} -H ${quote(`Origin: ${pageOrigin}`)}`, ...headers.map(([n, v]) => `-H ${quote(`${n}: ${v}`)}`)];
  if (r.body !== null) parts.push(`--data-raw ${quote(r.body)}`);
  lines.push(parts.join(' '));
  return lines.join('\n');
}
