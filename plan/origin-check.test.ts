/** `server.acceptOrigins`: the final origin's own Origin check answers 403 to any other origin, and to none. */
import { describe, expect, it } from 'vitest';
import type { ServerPlan } from '../format/schema.ts';
import { answerPlanned } from './answer.ts';
import { REFUSED_ORIGIN_BODY } from './origin-check.ts';
import { DEFAULT_ORIGIN_MAP } from './origins.ts';
import { encodePlan, plannedPath } from './plan-url.ts';

const PLAN: ServerPlan = { acceptOrigins: ['{page}'], actual: { headers: { 'X-Changed': 'yes' }, body: 'moved the money' } };

function answer(method: string, headers: Record<string, string>, server: ServerPlan = PLAN) {
  const target = plannedPath('r1', 0, encodePlan({ page: 'app', server }), '/transfer');
  const planned = answerPlanned({ method, target, headers }, { self: 'api', origins: DEFAULT_ORIGIN_MAP, serverPlan: (s) => s as ServerPlan });
  if (!planned) throw new Error('not planned');
  return planned;
}

describe('acceptOrigins', () => {
  it('answers the page\'s own origin as planned', () => {
    const { reply, entry } = answer('POST', { origin: DEFAULT_ORIGIN_MAP.app });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('moved the money');
    expect(entry?.status).toBe(200);
  });

  // An attacker's page, a sandboxed one, a look-alike and a request without Origin: none gets past the check.
  for (const origin of [DEFAULT_ORIGIN_MAP.evil, 'null', `${DEFAULT_ORIGIN_MAP.app}.evil.localhost`, DEFAULT_ORIGIN_MAP.api2, undefined]) {
    it(`answers 403 without the planned headers or body to Origin ${origin ?? '(none)'}`, () => {
      const { reply, entry } = answer('POST', origin === undefined ? {} : { origin });
      expect(reply.status).toBe(403);
      expect(reply.body).toBe(REFUSED_ORIGIN_BODY);
      expect(reply.headers.map(([name]) => name)).not.toContain('X-Changed');
      expect(entry?.status).toBe(403);
    });
  }

  it('leaves preflights to CORS, and a plan without the list answers everyone', () => {
    const preflight = answer('OPTIONS', { origin: DEFAULT_ORIGIN_MAP.evil, 'access-control-request-method': 'PUT' });
    expect(preflight.reply.status).toBe(204);
    expect(answer('POST', { origin: DEFAULT_ORIGIN_MAP.evil }, { actual: {} }).reply.status).toBe(200);
  });

  it('expands {origin:NAME} tokens in the list', () => {
    const plan: ServerPlan = { acceptOrigins: ['{origin:api2}'] };
    expect(answer('POST', { origin: DEFAULT_ORIGIN_MAP.api2 }, plan).reply.status).toBe(200);
    expect(answer('POST', { origin: DEFAULT_ORIGIN_MAP.app }, plan).reply.status).toBe(403);
  });
});
