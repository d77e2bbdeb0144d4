/**
 * scan against the CORS middleware people run, configured right and wrong: hono/cors on @hono/node-server and
 * the Express `cors` package on node:http, on 127.0.0.1. A right configuration comes out clean (exit 0: the
 * libraries' default echo of Access-Control-Request-Headers is an info note, not a misconfiguration); each
 * wrong one is found with its class and severity.
 */
import { serve } from '@hono/node-server';
import expressCors, { type CorsOptions } from 'cors';
import { Hono } from 'hono';
import { cors as honoCors } from 'hono/cors';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../cli-in-memory.ts';

const TRUSTED = 'https://app.example.com';
const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

async function listening(server: Server): Promise<string> {
  servers.push(server);
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/items`;
}

function hono(options: Parameters<typeof honoCors>[0]): Promise<string> {
  const app = new Hono();
  app.use('*', honoCors(options));
  app.all('/api/items', (c) => c.json({ items: [] }));
  return listening(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server);
}

async function express(options: CorsOptions): Promise<string> {
  const middleware = expressCors(options);
  const server = createServer((request, response) =>
    middleware(request, response, () => void response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return listening(server);
}

type Case = [what: string, start: () => Promise<string>, exit: number, prints: string[]];
const CASES: Case[] = [
  [
    'hono/cors with the exact origin',
    () => hono({ origin: TRUSTED, credentials: true }),
    0,
    ['INFO   request-headers-reflected', 'No CORS misconfiguration found. (1 hardening note (info) above)'],
  ],
  [
    'hono/cors, headers listed',
    () => hono({ origin: TRUSTED, credentials: true, allowHeaders: ['Content-Type'] }),
    0,
    ['No CORS misconfiguration found.\n'],
  ],
  ['hono/cors with a list', () => hono({ origin: [TRUSTED, 'https://admin.example.com'], credentials: true }), 0, []],
  ['hono/cors with * (public)', () => hono({ origin: '*' }), 0, []],
  [
    'hono/cors echoing the origin',
    () => hono({ origin: (origin) => origin, credentials: true }),
    1,
    ['HIGH   origin-reflected', 'LOW    request-headers-reflected'],
  ],
  ['cors with the exact origin', () => express({ origin: TRUSTED, credentials: true }), 0, []],
  ['cors with its defaults (* for all)', () => express({}), 0, []],
  ['cors with origin: true', () => express({ origin: true, credentials: true }), 1, ['HIGH   origin-reflected']],
  [
    'cors with an unanchored regular expression',
    () => express({ origin: /example\.com$/, credentials: true }),
    1,
    ['HIGH   suffix-match', 'HIGH   http-trusted'],
  ],
];

describe('scan on real CORS middleware', () => {
  for (const [what, start, exit, prints] of CASES) {
    it(`${what}: exit ${exit}${prints.length ? `, ${prints.join(', ')}` : ''}`, async () => {
      const { code, out } = await cli('scan', await start(), '--origin', TRUSTED);
      for (const text of prints) expect(out).toContain(text);
      if (exit === 0) expect(out).toContain('No CORS misconfiguration found.');
      expect(code).toBe(exit);
    });
  }
});
