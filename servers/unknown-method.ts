/**
 * Node's HTTP parser refuses methods outside its own list (`CHICKEN`, or a
 * lower-case `patch`) with a 400 before any handler runs, but the Fetch
 * standard lets a page send any token as a method. This `clientError`
 * listener parses such a request from the bytes Node kept, answers it from
 * its plan like any other, and closes the connection. Every other client
 * error gets Node's usual 400.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { answerPlanned, jsonReply, type AnswerContext, type IncomingRequest } from './answer.ts';
import type { Journal } from './journal.ts';
import { writeToSocket } from './write-reply.ts';

interface ParserError extends Error {
  code?: string;
  rawPacket?: Buffer;
}

/** Parses the request line and header block; null when incomplete. */
export function parseRawRequest(raw: Buffer): IncomingRequest | null {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [requestLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const match = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) (\S+) HTTP\/1\.[01]$/.exec(requestLine);
  if (!match) return null;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return { method: match[1] ?? '', target: match[2] ?? '/', headers };
}

export function answerUnknownMethods(server: Server, context: AnswerContext, journal: Journal): void {
  server.on('clientError', (error: ParserError, socket: Socket) => {
    if (!socket.writable) return void socket.destroy();
    const request = error.code === 'HPE_INVALID_METHOD' && error.rawPacket ? parseRawRequest(error.rawPacket) : null;
    if (!request) return void socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    try {
      const answer = answerPlanned(request, context) ?? { reply: jsonReply(404, { error: `no route ${request.method} ${request.target}` }), run: null, entry: null };
      if (answer.run && answer.entry) journal.record(answer.run, answer.entry);
      writeToSocket(socket, answer.reply, request.method);
    } catch (failure) {
      writeToSocket(socket, jsonReply(500, { error: String(failure) }), request.method);
    }
  });
}
