/**
 * Which connections still owe a reply. The raw-packet path (unknown-method.ts)
 * answers a request that was pipelined behind others on the same connection;
 * its reply must wait until theirs are written, or it would cut them off.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

interface Pending {
  count: number;
  waiters: Array<() => void>;
}

const pending = new WeakMap<Socket, Pending>();

/** Counts `res` as owed on its connection until it is written (or the connection dies). */
export function trackReply(socket: Socket, res: ServerResponse): void {
  let state = pending.get(socket);
  if (!state) {
    state = { count: 0, waiters: [] };
    pending.set(socket, state);
  }
  const owed = state;
  owed.count++;
  res.once('close', () => {
    owed.count--;
    if (owed.count === 0) for (const waiter of owed.waiters.splice(0)) waiter();
  });
}

/** Runs `then` once every reply owed on the connection is written. */
export function afterPendingReplies(socket: Socket, then: () => void): void {
  const state = pending.get(socket);
  if (!state || state.count === 0) then();
  else state.waiters.push(then);
}
