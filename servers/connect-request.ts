/**
 * CONNECT asks for a tunnel through a proxy (RFC 9110 9.3.6); the lab is no
 * proxy, and no page can send it (a forbidden method in the Fetch standard).
 * Node hands a CONNECT request to a `connect` listener and, without one,
 * closes the connection with no answer at all. This listener answers 400
 * JSON naming the method (a client error: the lab's 5xx come only from
 * plans that ask for one), after any replies still owed on the connection.
 * https://httpwg.org/specs/rfc9110.html#CONNECT
 * https://fetch.spec.whatwg.org/#forbidden-method
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { jsonReply } from '../plan/answer.ts';
import { afterPendingReplies } from './pending-replies.ts';
import { writeToSocket } from './write-reply.ts';

export function answerConnect(server: Server): void {
  server.on('connect', (_request: IncomingMessage, stream: Duplex) => {
    // A server's `connect` event carries the connection's net.Socket.
    const socket = stream as Socket;
    const error = 'CONNECT asks for a tunnel through a proxy: the lab is not a proxy';
    const reply = jsonReply(400, { error, field: 'method' });
    afterPendingReplies(socket, () => writeToSocket(socket, reply, 'CONNECT'));
  });
}
