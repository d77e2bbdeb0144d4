/**
 * Format 1.2 `websocket`: the Node side of a WebSocket on a lab origin. A planned URL's handshake is
 * answered from its plan (plan/websocket-handshake.ts through answer.ts) and journaled like any request
 * (Origin, Cookie); an accepted socket gets one text message and a close frame, and the server reads
 * nothing the page sends. Bounded: at most MAX_OPEN_SOCKETS open per lab (503 JSON beyond), each ended
 * after SOCKET_LIFETIME_MS at the latest. https://www.rfc-editor.org/rfc/rfc6455#section-5.2
 *
 * Any page the user visits can open WebSockets to planned URLs it builds itself, with made-up run ids, again
 * and again, and so keep the bound full while the learner's own runs get 503. Runs the lab issued (run-ids.ts:
 * only its own pages and the headless runner hold them) may use every place; made-up ids share at most
 * MAX_UNISSUED_SOCKETS, so a hostile page leaves the rest to the lab's runs.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { answerPlanned, jsonReply, type AnswerContext, type RawReply } from '../plan/answer.ts';
import { isWebSocketHandshake } from '../plan/websocket-handshake.ts';
import { MAX_OPEN_SOCKETS, SOCKET_LIFETIME_MS, socketMessage } from '../format/sockets.ts';
import { PLAN_PREFIX } from '../plan/routes.ts';
import { parsePlannedPath } from '../plan/plan-url.ts';
import { foreignHostReply } from './host-check.ts';
import type { Journal } from './journal.ts';
import { journalClient } from './journal-client.ts';
import { receivedHeaders } from './origin-listener.ts';
import { requestTarget } from './request-target.ts';
import { writeToSocket } from './write-reply.ts';

/** RFC 6455 §1.3: the GUID the server appends to the client's key before hashing. */
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export function acceptKey(key: string): string {
  return createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
}

/** One unmasked frame from the server (RFC 6455 §5.2): FIN set, the opcode, the payload length, the payload. */
export function serverFrame(opcode: number, payload: Buffer): Buffer {
  const head = payload.length < 126
    ? Buffer.from([0x80 | opcode, payload.length])
    : Buffer.from([0x80 | opcode, 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([head, payload]);
}

const TEXT = 0x1;
const CLOSE = 0x8;
/** Close code 1000, normal closure (RFC 6455 §7.4.1). */
const NORMAL_CLOSURE = Buffer.from([0x03, 0xe8]);

/** Of the MAX_OPEN_SOCKETS places, those sockets of run ids this lab did not issue may hold at once. */
export const MAX_UNISSUED_SOCKETS = 16;

/** The lab's open sockets: counted against the bound, and ended when the lab closes. */
export class OpenSockets {
  readonly #open = new Set<Duplex>();
  readonly #unissued = new Set<Duplex>();

  get count(): number {
    return this.#open.size;
  }

  /** Open sockets of run ids this lab did not issue. */
  get unissuedCount(): number {
    return this.#unissued.size;
  }

  /** Why a new socket of an issued (or made-up) run id may not open now, or null when it may. */
  refusal(issued: boolean): string | null {
    if (this.#open.size >= MAX_OPEN_SOCKETS) {
      return `at most ${MAX_OPEN_SOCKETS} WebSockets are open at once on this lab`;
    }
    if (!issued && this.#unissued.size >= MAX_UNISSUED_SOCKETS) {
      return `at most ${MAX_UNISSUED_SOCKETS} WebSockets of run ids this lab did not issue are open at once ` +
        '(the other places are kept for its own runs)';
    }
    return null;
  }

  add(socket: Duplex, issued = true): void {
    this.#open.add(socket);
    if (!issued) this.#unissued.add(socket);
    const timer = setTimeout(() => socket.destroy(), SOCKET_LIFETIME_MS);
    // A client that hangs up (its FIN; an upgraded socket stays half-open) frees its place at once, not after
    // SOCKET_LIFETIME_MS: the server writes all it has at once, and a room of attendees must not fill the bound.
    socket.once('end', () => socket.destroy());
    socket.once('close', () => {
      clearTimeout(timer);
      this.#open.delete(socket);
      this.#unissued.delete(socket);
    });
  }

  closeAll(): void {
    for (const socket of this.#open) socket.destroy();
  }
}

export interface UpgradeContext extends AnswerContext {
  journal: Journal;
  hosts: ReadonlySet<string>;
  sockets: OpenSockets;
  /** Whether this lab issued the run id (run-ids.ts). */
  issued: (run: string) => boolean;
}

/** The run id of a planned path, or null when the path is no plan (answerPlanned then says why). */
function runOf(path: string): string | null {
  try {
    return parsePlannedPath(path)?.run ?? null;
  } catch {
    return null;
  }
}

/** Answers the `upgrade` event of one origin's server: every handshake gets an answer, none crashes it. */
export function answerWebSocketUpgrades(server: Server, context: () => UpgradeContext): void {
  server.on('upgrade', function answerUpgrade(req: IncomingMessage, socket: Duplex): void {
    socket.on('error', () => socket.destroy());
    const lab = context();
    const refuse = (reply: RawReply): void => writeToSocket(socket, reply, 'GET');
    const method = req.method ?? 'GET';
    const parsed = requestTarget(req.url ?? '/');
    if (parsed.kind === 'refused') return refuse(jsonReply(400, { error: parsed.message, field: 'target' }));
    const foreign = foreignHostReply(parsed.host ?? req.headers.host, lab.hosts);
    if (foreign) return refuse(foreign);
    const headers = receivedHeaders(req.rawHeaders);
    if (method !== 'GET' || !isWebSocketHandshake(headers) || !parsed.path.startsWith(PLAN_PREFIX)) {
      const error = 'only a WebSocket handshake (GET, Upgrade: websocket) to a planned URL is upgraded';
      return refuse(jsonReply(400, { error, field: 'upgrade' }));
    }
    const run = runOf(parsed.path);
    const issued = run !== null && lab.issued(run);
    const full = lab.sockets.refusal(issued);
    if (full) return refuse(jsonReply(503, { error: full, field: 'websocket' }));
    const answer = answerPlanned({ method, target: parsed.path, headers, closesConnection: true }, lab);
    if (!answer) return refuse(jsonReply(404, { error: `no route ${parsed.path}`, field: 'target' }));
    const accepted = answer.reply.status === 101;
    const accept: [string, string] = ['Sec-WebSocket-Accept', acceptKey(headers['sec-websocket-key'] ?? '')];
    const reply: RawReply = accepted ? { ...answer.reply, headers: [...answer.reply.headers, accept] } : answer.reply;
    if (answer.run && answer.entry) {
      const client = journalClient(req.socket.remoteAddress);
      lab.journal.record(answer.run, { ...answer.entry, responseHeaders: reply.headers }, client);
    }
    if (!accepted) return refuse(reply);
    lab.sockets.add(socket, issued);
    const lines = reply.headers.map(([name, value]) => `${name}: ${value}`);
    const head = ['HTTP/1.1 101 Switching Protocols', ...lines, '', ''].join('\r\n');
    const self = lab.origins[lab.self];
    socket.write(Buffer.from(head, 'latin1'));
    socket.write(serverFrame(TEXT, Buffer.from(socketMessage(self), 'utf8')));
    socket.write(serverFrame(CLOSE, NORMAL_CLOSURE));
    // Whatever the page sends (its close frame, or anything else) ends the connection: nothing is buffered.
    socket.once('data', () => socket.end());
    socket.resume();
  });
}
