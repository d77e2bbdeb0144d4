/**
 * A raw TCP client for the hostile suites: sends bytes exactly as given
 * (in chunks, with pauses, for split packets and slow clients) to a loopback
 * port and collects everything until the server closes or a deadline passes.
 */
import { connect } from 'node:net';

export interface RawExchange {
  /** Everything the server sent, latin1 (one char a byte). */
  text: string;
  /** The server closed the connection before the deadline. */
  closed: boolean;
}

export function rawExchange(port: number, chunks: Array<string | Buffer>, options: { pauseMs?: number; deadlineMs?: number; host?: string; localAddress?: string } = {}): Promise<RawExchange> {
  const { pauseMs = 0, deadlineMs = 5000, host = '127.0.0.1', localAddress } = options;
  return new Promise((resolve) => {
    let text = '';
    let done = false;
    const socket = connect({ port, host, ...(localAddress ? { localAddress } : {}) });
    const finish = (closed: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      socket.destroy();
      resolve({ text, closed });
    };
    const deadline = setTimeout(() => finish(false), deadlineMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (done || socket.destroyed) return;
        socket.write(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk);
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      }
    });
  });
}

export interface ParsedResponse {
  status: number;
  statusLine: string;
  /** Header lines as sent, in order. */
  lines: string[];
  head: string;
  body: string;
}

/** Splits the responses on one connection (Content-Length framing; the lab sends no chunked replies). */
export function parseResponses(text: string): ParsedResponse[] {
  const out: ParsedResponse[] = [];
  let rest = text;
  while (rest.length) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) break;
    const head = rest.slice(0, end);
    const [statusLine = '', ...lines] = head.split('\r\n');
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(`\r\n${lines.join('\r\n')}`)?.[1] ?? rest.length - end - 4);
    out.push({ status: Number(statusLine.split(' ')[1]), statusLine, lines, head, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
  return out;
}

/** Lines of a response head that break HTTP/1.1 (control bytes, no colon, whitespace before it). */
export function malformedHeadLines(response: ParsedResponse): string[] {
  const bad = response.lines.filter((line) => !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+:[\t\x20-\x7e\x80-\xff]*$/.test(line));
  if (!/^HTTP\/1\.1 \d{3} [\t\x20-\x7e\x80-\xff]*$/.test(response.statusLine)) bad.push(response.statusLine);
  return bad;
}

/** A GET (or any method) request's bytes, closing after the reply. */
export function requestBytes(method: string, target: string, host: string, headers: string[] = []): string {
  return [`${method} ${target} HTTP/1.1`, `Host: ${host}`, ...headers, 'Connection: close', '', ''].join('\r\n');
}
