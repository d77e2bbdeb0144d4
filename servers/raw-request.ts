/**
 * A strict HTTP/1.1 request parser for the requests Node's own parser
 * refuses only for their method (unknown-method.ts). It accepts the RFC 9112
 * grammar for what the lab needs (origin-form and absolute-form targets,
 * Content-Length bodies) and refuses everything else with the status Node
 * would give, so it never answers a request it read differently from the
 * client:
 * https://httpwg.org/specs/rfc9112.html#request.line
 * https://httpwg.org/specs/rfc9112.html#header.field.syntax
 * https://httpwg.org/specs/rfc9112.html#message.body.length
 */
import type { IncomingRequest } from '../plan/answer.ts';
import { requestTarget } from './request-target.ts';

export interface RawLimits {
  /** Request line and header block together, as Node's maxHeaderSize (431 beyond). */
  maxHeaderBytes: number;
  /** Header lines, as Node's maxHeadersCount (400 beyond). */
  maxHeaders: number;
  /** Largest Content-Length read (413 beyond). */
  maxBodyBytes: number;
}

export type RawParse =
  | { kind: 'incomplete' }
  /** `length`: bytes of this message, body included; anything after it is another request. */
  | { kind: 'request'; request: IncomingRequest; length: number }
  | { kind: 'refused'; status: 400 | 413 | 431; message: string };

const TCHAR = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** method SP request-target SP HTTP-version; the target is visible ASCII (its form: request-target.ts). */
const REQUEST_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) ([\x21-\x7e]+) HTTP\/1\.([01])$/;
/** field-value: visible ASCII, SP, HTAB and obs-text; OWS around it is not part of it. */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const refuse = (status: 400 | 413 | 431, message: string): RawParse => ({ kind: 'refused', status, message });

/** Parses one request from the start of `raw`. */
export function parseRawRequest(raw: Buffer, limits: RawLimits): RawParse {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  if (/(^|[^\r])\n/.test(head)) return refuse(400, 'a bare LF ends a line: lines end with CRLF');
  if ((end < 0 ? text.length : end + 4) > limits.maxHeaderBytes) return refuse(431, `the request line and headers exceed ${limits.maxHeaderBytes} bytes`);
  const lines = head.split('\r\n');
  // Complete lines can be judged before the rest arrives: a slow client learns early.
  const complete = end < 0 ? lines.slice(0, -1) : lines;
  if (complete.length - 1 > limits.maxHeaders) return refuse(400, `more than ${limits.maxHeaders} header lines`);
  const [requestLine, ...fieldLines] = complete;
  if (requestLine === undefined) return { kind: 'incomplete' };
  const match = REQUEST_LINE.exec(requestLine);
  if (!match) return refuse(400, 'the request line is not "METHOD /path HTTP/1.1"');
  const target = requestTarget(match[2] ?? '');
  if (target.kind === 'refused') return refuse(400, target.message);
  const headers = Object.create(null) as Record<string, string>;
  const counts = new Map<string, number>();
  for (const line of fieldLines) {
    if (line.startsWith(' ') || line.startsWith('\t')) return refuse(400, 'obsolete line folding');
    const colon = line.indexOf(':');
    // field-line = field-name ":" OWS field-value OWS: a line without a colon is no header line.
    if (colon < 0) return refuse(400, `a header line without a colon: ${JSON.stringify(line.slice(0, 100))}`);
    const name = line.slice(0, colon);
    if (!TCHAR.test(name)) return refuse(400, `invalid header name ${JSON.stringify(name.slice(0, 100))} (no whitespace before the colon)`);
    const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    if (!FIELD_VALUE.test(value)) return refuse(400, `invalid characters in the value of ${name}`);
    const lower = name.toLowerCase();
    counts.set(lower, (counts.get(lower) ?? 0) + 1);
    headers[lower] = lower in headers ? `${headers[lower]}, ${value}` : value;
  }
  if (end < 0) return { kind: 'incomplete' };
  if (match[3] === '1' && counts.get('host') !== 1) return refuse(400, 'an HTTP/1.1 request has exactly one Host header');
  if ('transfer-encoding' in headers) return refuse(400, 'Transfer-Encoding is not accepted with this method: send Content-Length');
  const lengthText = headers['content-length'];
  let bodyLength = 0;
  if (lengthText !== undefined) {
    if (!/^\d{1,15}$/.test(lengthText)) return refuse(400, `invalid Content-Length ${JSON.stringify(lengthText.slice(0, 40))}: one decimal number`);
    bodyLength = Number(lengthText);
    if (bodyLength > limits.maxBodyBytes) return refuse(413, `the body exceeds ${limits.maxBodyBytes} bytes`);
  }
  const length = end + 4 + bodyLength;
  if (raw.length < length) return { kind: 'incomplete' };
  // An absolute-form target's authority is the host asked for, whatever Host says (RFC 9112 3.2.2).
  if (target.host !== null) headers.host = target.host;
  return { kind: 'request', request: { method: match[1] ?? '', target: target.path, headers }, length };
}

/**
 * Where the failed request begins in the packet Node's parser refused.
 * llhttp stops at the first byte that no method it knows continues
 * (`errorAt`), so the request starts at a message boundary (the packet's
 * start, or just after the LF ending the previous message's head) from which
 * the bytes up to `errorAt` are a prefix of a known method. Null when no
 * offset fits (e.g. right after a body): the lab cannot tell, so it refuses.
 */
export function requestStart(packet: Buffer, errorAt: number, knownMethods: readonly string[]): number | null {
  const longest = Math.max(...knownMethods.map((m) => m.length));
  for (let start = errorAt; start >= 0 && start >= errorAt - longest; start--) {
    if (start > 0 && packet[start - 1] !== 0x0a) continue;
    const prefix = packet.toString('latin1', start, errorAt);
    const next = packet.toString('latin1', start, errorAt + 1);
    const stopsHere = knownMethods.some((m) => m.startsWith(prefix)) && !knownMethods.some((m) => m.startsWith(next) || `${m} ` === next);
    return stopsHere ? start : null;
  }
  return null;
}
