/**
 * A route that writes its reply itself stays the only reply when a server of @hono/node-server started in the process
 * before the lab's modules loaded (origin-app.ts, ALREADY_SENT): a user's own Hono API beside cors-lab's fixture.
 * In a fresh module registry of its own (vitest.config.ts, ISOLATED_TESTS), so that the order is this file's.
 */
import { getRequestListener } from '@hono/node-server';
import { afterAll, expect, it } from 'vitest';
import { paced } from '../test/pace/machine-pace.ts';
import type { Lab } from './lab.ts';
import { originMap } from '../plan/origins.ts';
import { JOURNAL_PREFIX, ORIGINS_PATH } from '../plan/routes.ts';

const errors: unknown[] = [];
const onError = (error: unknown): void => void errors.push(error);
process.on('unhandledRejection', onError);
let lab: Lab | undefined;
afterAll(async () => {
  await lab?.close();
  process.off('unhandledRejection', onError);
});

it('a raw reply is not followed by an empty one when another Hono server came first', async () => {
  // What serve() does first: the process's Request and Response become the server's own.
  const builtIn = globalThis.Response;
  getRequestListener(() => new Response('theirs'));
  expect(globalThis.Response).not.toBe(builtIn);
  // The case under test: the library's marker is built after that, from the server's Response.
  const { RESPONSE_ALREADY_SENT } = await import('@hono/node-server/utils/response');
  expect(Object.getPrototypeOf(RESPONSE_ALREADY_SENT)).toBe(globalThis.Response.prototype);
  const { startLab } = await import('./lab.ts');
  lab = await startLab({ clientDir: null });
  const { app } = originMap(lab.origins);
  // The journal is one of the routes that write their reply raw.
  const reply = await fetch(`${app}${JOURNAL_PREFIX}no-such-run?since=0`);
  expect(reply.status).toBe(200);
  expect(await reply.json()).toMatchObject({ entries: [] });
  // The second write is tried as soon as the route returns, before the first reply's bytes reach this client; one
  // more round trip to the same server passes the turn in which Node reports the rejection.
  await (await fetch(`${app}${ORIGINS_PATH}`)).arrayBuffer();
  expect(errors.map(String)).toEqual([]);
}, paced(30_000));
