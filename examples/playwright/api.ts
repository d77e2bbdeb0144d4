/**
 * A tiny items API on loopback, with its CORS written by hand three times: `right`
 * (an allow-list, credentials, the methods and headers the app sends, Vary),
 * `wrong` (the usual copy-paste: `*` everywhere, no OPTIONS handling) and
 * `reflect` (what Express's `cors({ origin: true, credentials: true })` does:
 * any origin echoed back, with credentials, so any site can read a user's data).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const APP_ORIGIN = 'http://localhost:3000';
const ALLOWED_ORIGINS = [APP_ORIGIN];

export type CorsConfig = 'right' | 'wrong' | 'reflect';

function rightCors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  if (origin && ALLOWED_ORIGINS.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Expose-Headers', 'X-Total-Count');
  }
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, DELETE');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    res.setHeader('Access-Control-Max-Age', '600');
    res.writeHead(204).end();
    return true;
  }
  return false;
}

function wrongCors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  if (req.method === 'OPTIONS') {
    res.writeHead(404).end();
    return true;
  }
  return false;
}

function reflectCors(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Vary', 'Origin');
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, DELETE');
    res.writeHead(204).end();
    return true;
  }
  return false;
}

const CORS: Record<CorsConfig, (req: IncomingMessage, res: ServerResponse) => boolean> = {
  right: rightCors,
  wrong: wrongCors,
  reflect: reflectCors,
};

export interface Api {
  url: string;
  close(): Promise<void>;
}

export async function startApi(config: CorsConfig): Promise<Api> {
  const server: Server = createServer((req, res) => {
    if (CORS[config](req, res)) return;
    if (!req.url?.startsWith('/items')) return void res.writeHead(404).end();
    res.setHeader('X-Total-Count', '2');
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify([{ id: 1 }, { id: 2 }]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
