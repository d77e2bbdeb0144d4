/** The groups of format 1.2's socket APIs: coverage, opposite pairs, and what each group must show. */
import { describe, expect, it } from 'vitest';
import { catalog } from './index.ts';

const group = (name: string) => catalog.filter((e) => e.group === name);
const steps = (name: string) => group(name).flatMap((e) => [{ request: e.request, expect: e.expect, page: e.page }, ...(e.then ?? []).map((s) => ({ request: { ...e.request, ...s.request }, expect: s.expect, page: s.page ?? e.page }))]);

describe('format 1.2 groups websocket and eventsource', () => {
  for (const name of ['websocket', 'eventsource']) {
    it(`"${name}" has at least 6 experiments, allowed and blocked both, all of its API`, () => {
      expect(group(name).length).toBeGreaterThanOrEqual(6);
      const own = steps(name).filter((s) => s.request.api === name);
      expect(new Set(own.map((s) => s.expect?.outcome))).toEqual(new Set(['allowed', 'blocked']));
      expect(group(name).every((e) => e.request.api === name || e.then?.some((s) => s.request?.api === name))).toBe(true);
    });
  }

  it('websocket: opened true and false, the handshake from evil accepted and refused, cookies sent and not', () => {
    const own = steps('websocket').filter((s) => s.request.api === 'websocket');
    expect(new Set(own.map((s) => s.expect?.opened))).toEqual(new Set([true, false]));
    const fromEvil = own.filter((s) => s.page === 'evil');
    expect(new Set(fromEvil.map((s) => s.expect?.opened))).toEqual(new Set([true, false]));
    expect(new Set(own.map((s) => s.expect?.cookieSent).filter((v) => v !== undefined))).toEqual(new Set([true, false]));
    // No CORS: a WebSocket is never preflighted, and a refused one has no reason.
    expect(own.every((s) => s.expect?.preflight !== true && (s.expect?.outcome !== 'blocked' || s.expect.reason === null))).toBe(true);
  });

  it('eventsource: the CORS reasons of a stream, and a stream that is none (no reason)', () => {
    const reasons = new Set(steps('eventsource').map((s) => s.expect?.reason));
    for (const reason of ['MissingAllowOriginHeader', 'WildcardOriginNotAllowed', 'InvalidAllowCredentials', null]) expect(reasons).toContain(reason);
    expect(group('eventsource').some((e) => e.request.credentials === 'include' && e.expect?.outcome === 'allowed')).toBe(true);
  });
});
