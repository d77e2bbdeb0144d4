/**
 * The bench's reference: a bare Hono app with `hono/cors` on @hono/node-server,
 * answering a response like the lab's planned one. Prints `{ ports, hosts }`.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
app.use(cors({ origin: '*' }));
app.all('*', (c) => c.text('cors-lab: api answered'));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ ports: [info.port], hosts: [`127.0.0.1:${info.port}`] })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
