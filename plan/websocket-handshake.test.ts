/** The plan's answer to a WebSocket handshake (RFC 6455 §4.2.1, §10.2), pure: what the servers and the model share. */
import { describe, expect, it } from 'vitest';
import type { ServerPlan } from '../format/schema.ts';
import { answerPlanned } from './answer.ts';
import { DEFAULT_ORIGIN_MAP } from './origins.ts';
import { encodePlan, plannedPath } from './plan-url.ts';
import { handshakeVerdict, isWebSocketHandshake } from './websocket-handshake.ts';

const HANDSHAKE = { upgrade: 'websocket', connection: 'keep-alive, Upgrade', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', 'sec-websocket-version': '13' };
const APP = DEFAULT_ORIGIN_MAP.app;

function answer(server: ServerPlan, headers: Record<string, string>, redirects = 0) {
  const target = plannedPath('r1', redirects, encodePlan({ page: 'app', server }), '/ws');
  const planned = answerPlanned({ method: 'GET', target, headers }, { self: 'api', origins: DEFAULT_ORIGIN_MAP, serverPlan: (s) => s as ServerPlan });
  if (!planned) throw new Error('not planned');
  return planned;
}

describe('the WebSocket handshake', () => {
  it('is told by Upgrade: websocket and a Connection that lists upgrade', () => {
    expect(isWebSocketHandshake(HANDSHAKE)).toBe(true);
    expect(isWebSocketHandshake({ upgrade: 'WebSocket', connection: 'Upgrade' })).toBe(true);
    expect(isWebSocketHandshake({ upgrade: 'websocket' })).toBe(false);
    expect(isWebSocketHandshake({ upgrade: 'h2c', connection: 'Upgrade' })).toBe(false);
  });

  it('accepts the origins the plan lists, tokens expanded, and refuses every other, "null" and none included', () => {
    const plan = { acceptOrigins: ['{page}', 'http://partner.example'] };
    const expand = (v: string) => v.replace('{page}', APP);
    expect(handshakeVerdict({ ...HANDSHAKE, origin: APP }, plan, expand).accepted).toBe(true);
    expect(handshakeVerdict({ ...HANDSHAKE, origin: 'http://partner.example' }, plan, expand).accepted).toBe(true);
    for (const origin of ['http://evil.localhost:5314', 'null', `${APP}/`, APP.toUpperCase()]) {
      expect(handshakeVerdict({ ...HANDSHAKE, origin }, plan, expand), origin).toMatchObject({ accepted: false });
    }
    expect(handshakeVerdict(HANDSHAKE, plan, expand).accepted).toBe(false);
    expect(handshakeVerdict({ ...HANDSHAKE, origin: 'null' }, 'any', expand).accepted).toBe(true);
    expect(handshakeVerdict({ ...HANDSHAKE, origin: APP }, undefined, expand).accepted).toBe(false);
  });

  it('answers through the plan: 101 without a body, 403 JSON naming server.websocket, journaled with the Origin', () => {
    const accepted = answer({ websocket: { acceptOrigins: ['{page}'] } }, { ...HANDSHAKE, origin: APP });
    expect(accepted.reply).toEqual({ status: 101, headers: [['Upgrade', 'websocket'], ['Connection', 'Upgrade']], body: '' });
    expect(accepted.entry).toMatchObject({ kind: 'actual', status: 101, originHeader: APP });
    const refused = answer({ websocket: { acceptOrigins: ['{page}'] } }, { ...HANDSHAKE, origin: 'http://evil.localhost:5314' });
    expect(refused.reply.status).toBe(403);
    expect(refused.reply.headers.map(([name]) => name)).toEqual(['Content-Type', 'Content-Length', 'Connection']);
    expect(JSON.parse(refused.reply.body)).toEqual({ error: 'Origin http://evil.localhost:5314 is not in server.websocket.acceptOrigins', field: 'server.websocket' });
  });

  it('answers a hop before the last with its redirect, which a WebSocket cannot follow', () => {
    const server: ServerPlan = { websocket: 'any', redirects: [{ to: 'api2' }] };
    expect(answer(server, { ...HANDSHAKE, origin: APP }).reply.status).toBe(302);
    expect(answer(server, { ...HANDSHAKE, origin: APP }, 1).reply.status).toBe(101);
  });

  it('names the field of a malformed handshake (400), and leaves a plain GET to the plan\'s actual answer', () => {
    expect(JSON.parse(answer({ websocket: 'any' }, { ...HANDSHAKE, 'sec-websocket-key': 'x' }).reply.body)).toMatchObject({ field: 'sec-websocket-key' });
    expect(answer({ websocket: 'any' }, { ...HANDSHAKE, 'sec-websocket-version': '8' }).reply.status).toBe(400);
    expect(answer({ websocket: 'any' }, { origin: APP }).reply.status).toBe(200);
  });
});
