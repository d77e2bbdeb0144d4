/**
 * Writes a raw reply below the WHATWG `Headers` layer, which would trim
 * values and join repeated lines: the lab must put exactly the plan's header
 * lines on the wire (e.g. two Access-Control-Allow-Origin lines).
 */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { NULL_BODY_STATUSES, headerNameProblem, headerValueProblem } from '../format/headers.ts';
import { jsonReply, type RawReply } from '../plan/answer.ts';

/** Lines HTTP/2 forbids in a message (RFC 9113 8.2.2); Node refuses to send them. */
const CONNECTION_SPECIFIC = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

export function writeToResponse(res: ServerResponse, reply: RawReply, method: string): void {
  res.sendDate = false;
  const http2 = res.req.httpVersionMajor === 2;
  const lines = http2 ? reply.headers.filter(([name]) => !CONNECTION_SPECIFIC.has(name.toLowerCase())) : reply.headers;
  res.writeHead(reply.status, lines.flat());
  res.end(method === 'HEAD' ? undefined : Buffer.from(reply.body, 'latin1'));
}

/**
 * For requests Node's parser refused (see unknown-method.ts): the whole
 * HTTP/1.1 message by hand, then the connection closes. A planned reply
 * already says `Connection: close` (answer.ts); other replies get their
 * framing here.
 */
export function writeToSocket(socket: Duplex, planned: RawReply, method: string): void {
  // Node checks every line writeHead gets; this path writes latin1 by hand, so it checks them
  // here: a line that slipped past the plan checks is a bug, answered 500, never written.
  const bad = planned.headers.find(([n, v]) => headerNameProblem(n) ?? headerValueProblem(v));
  const reply = bad ? jsonReply(500, { error: `internal error: refused to write the header line ${JSON.stringify(bad[0])}` }) : planned;
  const lines = [...reply.headers];
  if (!lines.some(([n]) => n.toLowerCase() === 'content-length')) lines.push(['Content-Length', String(reply.body.length)]);
  if (!lines.some(([n]) => n.toLowerCase() === 'connection')) lines.push(['Connection', 'close']);
  const head = [`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? 'Status'}`, ...lines.map(([n, v]) => `${n}: ${v}`), '', ''].join('\r\n');
  socket.end(Buffer.from(head + (method === 'HEAD' ? '' : reply.body), 'latin1'));
}

/** The same reply as a fetch Response (for `app.request` in tests): repeated lines get joined here. */
export function toResponse(reply: RawReply): Response {
  const headers = new Headers();
  for (const [name, value] of reply.headers) headers.append(name, value);
  const nullBody = NULL_BODY_STATUSES.includes(reply.status);
  return new Response(nullBody ? null : reply.body, { status: reply.status, headers });
}
