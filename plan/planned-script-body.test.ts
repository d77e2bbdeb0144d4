/**
 * A planned body is never served as code (answer.ts, refuseScriptBody): a shared link's `body` loaded by the
 * runner page of `app`, a frame on the playground's origin, would run its author's code there.
 */
import { describe, expect, it } from 'vitest';
import type { ServerPlan } from '../format/schema.ts';
import { SCRIPT_LIKE_DESTINATIONS, answerPlanned, type AnswerContext } from './answer.ts';
import { DEFAULT_ORIGIN_MAP } from './origins.ts';
import { encodePlan, plannedPath } from './plan-url.ts';

const PAYLOAD = "parent.document.title = 'owned'";
const CONTEXT: AnswerContext = { self: 'app', origins: DEFAULT_ORIGIN_MAP, serverPlan: (s) => s as ServerPlan };

function answer(server: ServerPlan, headers: Record<string, string>, hop = 0) {
  const target = plannedPath('r1', hop, encodePlan({ page: 'app', server }), '/x');
  const planned = answerPlanned({ method: 'GET', target, headers }, CONTEXT);
  if (!planned) throw new Error('not planned');
  return { status: planned.reply.status, body: planned.reply.body };
}

describe('a planned body asked for as a script', () => {
  const bodies = [['body', { body: PAYLOAD }], ['bodyBase64', { bodyBase64: btoa(PAYLOAD) }]] as const;
  it('covers every script-like destination of Fetch', () => {
    expect([...SCRIPT_LIKE_DESTINATIONS].sort()).toEqual(
      ['audioworklet', 'paintworklet', 'script', 'serviceworker', 'sharedworker', 'worker', 'xslt'],
    );
  });
  for (const destination of SCRIPT_LIKE_DESTINATIONS) {
    for (const [field, actual] of bodies) {
      it(`is refused with 400 JSON naming server.actual.${field} (Sec-Fetch-Dest: ${destination})`, () => {
        const reply = answer({ actual }, { 'sec-fetch-dest': destination });
        expect(reply.status).toBe(400);
        expect(reply.body).not.toContain('owned');
        expect(JSON.parse(reply.body)).toMatchObject({ field: `server.actual.${field}` });
        expect(JSON.parse(reply.body).error).toContain(`Sec-Fetch-Dest: ${destination}`);
      });
    }
  }

  it('is refused behind a middleware too, and for every redirect hop that ends in it', () => {
    const middleware = { name: 'hono/cors', options: { origin: '*' } };
    expect(answer({ actual: { body: PAYLOAD }, middleware } as ServerPlan, { 'sec-fetch-dest': 'script' }).status).toBe(400);
    const redirected: ServerPlan = { redirects: [{ to: 'app' }], actual: { body: PAYLOAD } };
    expect(answer(redirected, { 'sec-fetch-dest': 'script' }, 0).status).toBe(302);
    expect(answer(redirected, { 'sec-fetch-dest': 'script' }, 1).status).toBe(400);
  });

  it('is served as planned to fetch(), XHR, an image and a stylesheet; a script without one gets the lab\'s', () => {
    for (const destination of ['empty', 'image', 'style']) {
      const reply = answer({ actual: { body: PAYLOAD } }, { 'sec-fetch-dest': destination });
      expect(reply).toEqual({ status: 200, body: PAYLOAD });
    }
    expect(answer({ actual: { body: PAYLOAD } }, {})).toEqual({ status: 200, body: PAYLOAD });
    expect(answer({}, { 'sec-fetch-dest': 'script' })).toEqual({ status: 200, body: 'throw new Error("secret");\n' });
  });
});
