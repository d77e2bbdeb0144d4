/**
 * Hostile HTTP servers for tests, on loopback: raw sockets that write what no
 * HTTP library would (control characters, junk, endless redirects, huge or
 * dripping headers), so the CLI can be tested against a server that attacks it.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** What the server does with one connection, once the request's first bytes arrived: `request` is its head. */
export type Behaviour = (socket: Socket, request: string) => void;

export interface RawServer {
  url: string;
  /** Per connection: when it opened and when it closed (ms, the server's clock), and whether the client closed it. */
  connections: Array<{ opened: number; closed: number | null }>;
  close(): Promise<void>;
}

export async function rawServer(behaviour: Behaviour): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const connections: RawServer['connections'] = [];
  const server = createServer((socket) => {
    const record = { opened: Date.now(), closed: null as number | null };
    connections.push(record);
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      record.closed = Date.now();
      sockets.delete(socket);
    });
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      const first = head === '';
      head += chunk.toString('latin1');
      if (first) behaviour(socket, head);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The request's Origin header, or "null" when it sent none. */
export function originOf(request: string): string {
  return /\r\norigin: ([^\r\n]*)/i.exec(request)?.[1] ?? 'null';
}

/** The bytes a hostile server tries (write them as latin1): OSC 52 (write the clipboard), a CSI colour, the one-byte CSI. */
export const TERMINAL_ATTACK = '\x1b]52;c;ZXZpbA==\x07\x1b[31m\x9b2J';

/** Writes `text` one byte every `everyMs` until the socket closes; the timer ends with it. */
export function drip(socket: Socket, text: string, everyMs: number): void {
  let at = 0;
  const timer = setInterval(() => {
    if (socket.destroyed) return clearInterval(timer);
    socket.write(text[at % text.length]!, 'latin1');
    at++;
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}
