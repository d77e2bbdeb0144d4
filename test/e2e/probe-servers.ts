/**
 * A small API of the probe tests' own, on loopback: each path answers with
 * one CORS configuration (right or wrong), so a test can probe it as a
 * user's server. `{reflect}` in a value is the request's Origin.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  headers?: Record<string, string | string[]>;
}

export interface Route {
  preflight?: Reply;
  actual?: Reply;
}

export interface ApiServer {
  url: string;
  /** Requests received, as "METHOD path". */
  seen: string[];
  /** The Origin header of each request received (same order as `seen`; "-" for none). */
  origins: string[];
  /** The Cookie header of each request received ("-" for none). */
  cookies: string[];
  close(): Promise<void>;
}

function write(res: import('node:http').ServerResponse, reply: Reply | undefined, origin: string | undefined, fallbackStatus: number): void {
  const headers = Object.fromEntries(
    Object.entries(reply?.headers ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.map((v) => v.replace('{reflect}', origin ?? '')) : value.replace('{reflect}', origin ?? '')]),
  );
  res.writeHead(reply?.status ?? fallbackStatus, headers);
  res.end(res.req.method === 'OPTIONS' ? '' : 'ok');
}

export async function startApi(routes: Record<string, Route>): Promise<ApiServer> {
  const seen: string[] = [];
  const origins: string[] = [];
  const cookies: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    seen.push(`${req.method} ${path}`);
    origins.push(req.headers.origin ?? '-');
    cookies.push(req.headers.cookie ?? '-');
    const route = routes[path];
    if (!route) return void res.writeHead(404).end();
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    write(res, preflight ? route.preflight : route.actual, req.headers.origin, preflight ? 204 : 200);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    origins,
    cookies,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A loopback port nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
