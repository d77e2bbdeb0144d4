/**
 * The Node request listener of one origin. It refuses request targets other
 * than a path or an absolute http URL (request-target.ts) and foreign hosts
 * (host-check.ts), and answers planned URLs itself, straight from the Node
 * request to the raw reply: the lab's hot path stays as fast as a bare
 * server, HEAD needs no special case, and header names such as `__proto__`
 * are kept as received. Everything else goes to the origin's Hono app.
 */
import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { completeAnswer } from '../plan/middleware/run-middleware.ts';
import { answerPlanned, jsonReply, type PlannedAnswer } from '../plan/answer.ts';
import { checkedServerPlan } from './plan-check.ts';
import { foreignHostReply } from './host-check.ts';
import { journalClient } from './journal-client.ts';
import type { LabContext } from './lab-context.ts';
import type { OriginName } from '../plan/origins.ts';
import { trackReply } from './pending-replies.ts';
import { PLAN_PREFIX } from '../plan/routes.ts';
import { requestTarget } from './request-target.ts';
import { writeToResponse } from './write-reply.ts';

/** Request headers from the raw lines: lower-case names, repeated lines joined with ", ", no prototype to collide with. */
export function receivedHeaders(rawHeaders: readonly string[]): Record<string, string> {
  const headers = Object.create(null) as Record<string, string>;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const value = rawHeaders[i + 1]!;
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

export function originListener(self: OriginName, lab: LabContext, fetch: Parameters<typeof getRequestListener>[0]): RequestListener {
  const hono = getRequestListener(fetch);
  return function answerOriginRequest(req: IncomingMessage, res: ServerResponse): void {
    trackReply(req.socket, res);
    const method = req.method ?? 'GET';
    try {
      const parsed = requestTarget(req.url ?? '/');
      if (parsed.kind === 'refused') {
        return writeToResponse(res, jsonReply(400, { error: parsed.message, field: 'target' }), method);
      }
      // An absolute-form target's authority is the host asked for, whatever Host says (RFC 9112 3.2.2).
      const refused = foreignHostReply(parsed.host ?? req.headers.host, lab.hosts);
      if (refused) return writeToResponse(res, refused, method);
      const target = parsed.path;
      // Hono routes the origin-form under the checked host.
      req.url = target;
      if (parsed.host !== null) req.headers.host = parsed.host;
      const answer = target.startsWith(PLAN_PREFIX) ? answerPlanned({ method, target, headers: receivedHeaders(req.rawHeaders) }, { self, origins: lab.originMap, notRunFetch: lab.runIds.notRunFetch, serverPlan: checkedServerPlan }) : null;
      if (!answer) return void hono(req, res);
      // A plan that mounts a real middleware answers through it: the only asynchronous path.
      // `.catch` after `.then`: a throw while writing must not become an unhandled rejection (it ends the process).
      if (answer.middleware) return void completeAnswer(answer).then((done) => send(done, req, res)).catch((error: unknown) => failed(error, res, method));
      send(answer, req, res);
    } catch (error) {
      failed(error, res, method);
    }
  };

  function send(answer: PlannedAnswer, req: IncomingMessage, res: ServerResponse): void {
    const client = journalClient(req.socket.remoteAddress);
    if (answer.run && answer.entry) lab.journal.record(answer.run, answer.entry, client);
    writeToResponse(res, answer.reply, req.method ?? 'GET');
  }

  /** A bug, not a plan problem (those are 400s): say so, and keep the origin serving. */
  function failed(error: unknown, res: ServerResponse, method: string): void {
    if (res.headersSent || res.writableEnded) return void res.destroy();
    writeToResponse(res, jsonReply(500, { error: `internal error on origin ${self}: ${(error as Error).message}` }), method);
  }
}
