/**
 * Node's HTTP parser refuses methods outside its own list (`CHICKEN`, or a
 * lower-case `patch`) with a 400 before any handler runs, but the Fetch
 * standard lets a page send any token as a method. This `clientError`
 * listener takes over such a connection: it finds where the request starts
 * in the packet Node refused, reads the rest (split packets, a body) with the
 * strict parser of raw-request.ts and Node's own size limits, answers after
 * any replies still owed on the connection (pipelining), and closes the
 * connection. Every other client error gets Node's usual 400.
 */
import { METHODS, maxHeaderSize, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { completeAnswer } from '../plan/middleware/run-middleware.ts';
import { answerPlanned, jsonReply, type AnswerContext, type PlannedAnswer, type RawReply } from '../plan/answer.ts';
import { foreignHostReply } from './host-check.ts';
import type { Journal } from './journal.ts';
import { journalClient } from './journal-client.ts';
import { afterPendingReplies } from './pending-replies.ts';
import { parseRawRequest, requestStart, type RawLimits } from './raw-request.ts';
import { writeToSocket } from './write-reply.ts';

interface ParserError extends Error {
  code?: string;
  rawPacket?: Buffer;
  bytesParsed?: number;
}

/** The default of RawPathContext.timeoutMs. */
export const RAW_REQUEST_TIMEOUT_MS = 10_000;
/** Node's default maxHeadersCount. */
const NODE_MAX_HEADERS = 2000;
/**
 * Bodies are read (to keep framing) but not used by the plan; larger ones are
 * refused rather than buffered, so a thousand hostile connections hold at
 * most tens of MB.
 */
const MAX_BODY_BYTES = 64 * 1024;

/** What Node itself answers a request its parser refused (its default clientError), as JSON naming the part. */
function parserErrorReply(code: string | undefined): RawReply {
  if (code === 'HPE_HEADER_OVERFLOW') return jsonReply(431, { error: `the request line and headers exceed ${maxHeaderSize} bytes`, field: 'request' });
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return jsonReply(408, { error: 'the request was not complete in time', field: 'request' });
  return jsonReply(400, { error: `malformed HTTP request (${code ?? 'parse error'})`, field: 'request' });
}

export interface RawPathContext extends AnswerContext {
  journal: Journal;
  hosts: () => ReadonlySet<string>;
  /** A client that has not sent its whole request by then gets a 408 (slow-client defence). */
  timeoutMs: number;
}

export function answerUnknownMethods(server: Server, context: RawPathContext): void {
  const limits: RawLimits = { maxHeaderBytes: maxHeaderSize, maxHeaders: server.maxHeadersCount || NODE_MAX_HEADERS, maxBodyBytes: MAX_BODY_BYTES };
  const takenOver = new WeakSet<Socket>();
  server.on('clientError', (error: ParserError, socket: Socket) => {
    // Node reports each later packet of a connection we took over again; we read those ourselves.
    if (takenOver.has(socket)) return;
    if (!socket.writable) return void socket.destroy();
    const start = error.code === 'HPE_INVALID_METHOD' && error.rawPacket && error.bytesParsed !== undefined ? requestStart(error.rawPacket, error.bytesParsed, METHODS) : null;
    if (start === null || !error.rawPacket) return void afterPendingReplies(socket, () => writeToSocket(socket, parserErrorReply(error.code), 'GET'));
    takenOver.add(socket);
    let buffer = error.rawPacket.subarray(start);
    const timer = setTimeout(() => finish(jsonReply(408, { error: `the request was not complete within ${context.timeoutMs} ms`, field: 'request' }), 'GET'), context.timeoutMs);
    const finish = (reply: RawReply, method: string): void => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.pause();
      afterPendingReplies(socket, () => writeToSocket(socket, reply, method));
    };
    const attempt = (): void => {
      const parsed = parseRawRequest(buffer, limits);
      if (parsed.kind === 'incomplete') return;
      if (parsed.kind === 'refused') return finish(jsonReply(parsed.status, { error: parsed.message, field: 'request' }), 'GET');
      const request = { ...parsed.request, closesConnection: true };
      const refused = foreignHostReply(request.headers.host, context.hosts());
      if (refused) return finish(refused, request.method);
      let answer: ReturnType<typeof answerPlanned>;
      try {
        answer = answerPlanned(request, context);
      } catch (failure) {
        return finish(jsonReply(500, { error: `internal error on origin ${context.self}: ${(failure as Error).message}` }), request.method);
      }
      answer ??= { reply: jsonReply(404, { error: `no route ${request.method} ${request.target}` }), run: null, entry: null };
      const send = (done: PlannedAnswer): void => {
        if (done.run && done.entry) context.journal.record(done.run, done.entry, journalClient(socket.remoteAddress));
        finish(done.reply, request.method);
      };
      // A plan that mounts a real middleware answers through it, on this path as on the normal one.
      if (answer.middleware) {
        clearTimeout(timer);
        socket.off('data', onData);
        completeAnswer(answer).then(send).catch((failure: unknown) => finish(jsonReply(500, { error: `internal error on origin ${context.self}: ${(failure as Error).message}` }), request.method));
        return;
      }
      send(answer);
    };
    const onData = (chunk: Buffer): void => {
      buffer = Buffer.concat([buffer, chunk]);
      attempt();
    };
    socket.on('data', onData);
    socket.once('close', () => clearTimeout(timer));
    attempt();
  });
}
