/**
 * A planned body is never served as code (answer.ts, refuseScriptBody): a shared link's `body` loaded by the
 * runner page of `app`, a frame on the playground's origin, would run its author's code there.
 */
import { describe, expect, it } from 'vitest';
import type { ServerPlan } from '../experiments/schema.ts';
import { answerPlanned } from './answer.ts';
import { DEFAULT_ORIGIN_MAP } from './origins.ts';
import { encodePlan, plannedPath } from './plan-url.ts';

const PAYLOAD = "parent.document.title = 'owned'";

function answer(server: ServerPlan, headers: Record<string, string>) {
  const target = plannedPath('r1', 0, encodePlan({ page: 'app', server }), '/x');
  const planned = answerPlanned({ method: 'GET', target, headers }, { self: 'app', origins: DEFAULT_ORIGIN_MAP, serverPlan: (s) => s as ServerPlan });
  if (!planned) throw new Error('not planned');
  return { status: planned.reply.status, body: planned.reply.body };
}

describe('a planned body asked for as a script', () => {
  for (const destination of ['script', 'worker', 'sharedworker', 'serviceworker', 'audioworklet', 'paintworklet', 'xslt']) {
    for (const [field, actual] of [['body', { body: PAYLOAD }], ['bodyBase64', { bodyBase64: btoa(PAYLOAD) }]] as const) {
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
    const middleware = { actual: { body: PAYLOAD }, middleware: { name: 'hono/cors', options: { origin: '*' } } } as ServerPlan;
    expect(answer(middleware, { 'sec-fetch-dest': 'script' }).status).toBe(400);
    const target = plannedPath('r1', 1, encodePlan({ page: 'app', server: { redirects: [{ to: 'app' }], actual: { body: PAYLOAD } } }), '/x');
    const planned = answerPlanned({ method: 'GET', target, headers: { 'sec-fetch-dest': 'script' } }, { self: 'app', origins: DEFAULT_ORIGIN_MAP, serverPlan: (s) => s as ServerPlan });
    expect(planned?.reply.status).toBe(400);
  });

  it('is served as planned to fetch(), XHR, an image and a stylesheet, and a script without one gets the lab\'s', () => {
    for (const destination of ['empty', 'image', 'style']) {
      expect(answer({ actual: { body: PAYLOAD } }, { 'sec-fetch-dest': destination })).toEqual({ status: 200, body: PAYLOAD });
    }
    expect(answer({ actual: { body: PAYLOAD } }, {})).toEqual({ status: 200, body: PAYLOAD });
    expect(answer({}, { 'sec-fetch-dest': 'script' })).toEqual({ status: 200, body: 'throw new Error("secret");\n' });
  });
});
