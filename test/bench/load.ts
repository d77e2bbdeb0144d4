/**
 * A small HTTP/1.1 load generator for loopback: `connections` keep-alive
 * sockets, each sending its next request once the previous answer is in
 * (Content-Length framing, as the lab and Hono answer). Bounded by a request
 * count or a duration, whichever comes first.
 */
import { connect } from 'node:net';

export interface LoadOptions {
  port: number;
  host: string;
  /** The request bytes for request number i (must ask for keep-alive to keep the socket). */
  request: (i: number) => string;
  connections: number;
  /** The address the connections come from (another 127.x address: another client of the journal). */
  localAddress?: string;
  total?: number;
  durationMs?: number;
}

export interface LoadFigures {
  requests: number;
  ms: number;
  rps: number;
  statuses: Record<number, number>;
  /** Connections that failed or closed before answering. */
  errors: number;
}

export function load(options: LoadOptions): Promise<LoadFigures> {
  const { port, host, request, connections, localAddress, total = Infinity, durationMs = Infinity } = options;
  const figures: LoadFigures = { requests: 0, ms: 0, rps: 0, statuses: {}, errors: 0 };
  const started = performance.now();
  let sent = 0;
  const more = (): boolean => sent < total && performance.now() - started < durationMs;
  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const socket = connect({ port, host, ...(localAddress ? { localAddress } : {}) });
      socket.setNoDelay(true);
      let buffer: Buffer = Buffer.alloc(0);
      const next = (): void => {
        if (!more()) {
          socket.end();
          return resolve();
        }
        socket.write(request(sent++));
      };
      socket.on('connect', next);
      socket.on('data', (chunk: Buffer) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        for (;;) {
          const end = buffer.indexOf('\r\n\r\n');
          if (end < 0) return;
          const head = buffer.toString('latin1', 0, end);
          const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
          if (buffer.length < end + 4 + length) return;
          const status = Number(head.slice(9, 12));
          figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
          figures.requests++;
          buffer = buffer.subarray(end + 4 + length);
          if (/\r\nconnection: *close/i.test(head)) {
            socket.destroy();
            return void one().then(resolve);
          }
          next();
        }
      });
      socket.on('error', () => {
        figures.errors++;
        resolve();
      });
    });
  return Promise.all(Array.from({ length: connections }, one)).then(() => {
    figures.ms = performance.now() - started;
    figures.rps = (figures.requests / figures.ms) * 1000;
    return figures;
  });
}
