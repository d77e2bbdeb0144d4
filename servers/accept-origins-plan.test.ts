/**
 * A hostile `server.acceptOrigins` in a plan URL (any page can build one): the origin answers 400 with JSON
 * naming the field, and goes on serving.
 */
import { describe, expect, it } from 'vitest';
import { answerPlanned } from '../plan/answer.ts';
import { DEFAULT_ORIGIN_MAP } from '../plan/origins.ts';
import { encodePlan, plannedPath } from '../plan/plan-url.ts';
import { checkedServerPlan } from './plan-check.ts';

function answer(server: unknown) {
  const target = plannedPath('r1', 0, encodePlan({ page: 'app', server } as Parameters<typeof encodePlan>[0]), '/x');
  const planned = answerPlanned({ method: 'POST', target, headers: { origin: DEFAULT_ORIGIN_MAP.evil } }, { self: 'api', origins: DEFAULT_ORIGIN_MAP, serverPlan: checkedServerPlan });
  if (!planned) throw new Error('not planned');
  return planned.reply;
}

describe('acceptOrigins from the network', () => {
  for (const [bad, field] of [
    ['{origin:nowhere}', 'server.acceptOrigins[0]'],
    [42, 'server.acceptOrigins[0]'],
    [Array.from({ length: 17 }, () => '*'), 'server.acceptOrigins'],
  ] as const) {
    it(`answers 400 naming ${field} for ${JSON.stringify(bad).slice(0, 40)}`, () => {
      const reply = answer({ acceptOrigins: Array.isArray(bad) ? bad : [bad] });
      expect(reply.status).toBe(400);
      expect((JSON.parse(reply.body) as { field: string }).field).toBe(field);
    });
  }

  it('keeps serving: the next good plan is answered', () => {
    answer({ acceptOrigins: ['{origin:nowhere}'] });
    expect(answer({ acceptOrigins: ['{origin:evil}'] }).status).toBe(200);
  });
});
