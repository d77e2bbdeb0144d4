/** The model of the socket APIs: WebSocket handshakes (no CORS, the server's Origin check) and event streams. */
import { describe, expect, it } from 'vitest';
import type { Experiment, ExperimentInput } from '../../format/schema.ts';
import { experimentSchema } from '../../format/schema.ts';
import { DEFAULT_ORIGIN_MAP } from '../../plan/origins.ts';
import { experimentUrl, predictExperiment } from './predict.ts';
import { explain } from './explain.ts';
import { fixFor } from './fix.ts';
import { eventStreamProblem } from './socket-model.ts';

const parse = (input: ExperimentInput): Experiment => experimentSchema.parse(input);
const predict = (input: ExperimentInput) => predictExperiment(parse(input), DEFAULT_ORIGIN_MAP, 'r1');
const base = { id: 'x', title: 'x', group: 'x' };
const APP = DEFAULT_ORIGIN_MAP.app;

describe('the model of a WebSocket', () => {
  it('opens when the plan accepts the page\'s Origin: no preflight, the Origin on the handshake, no reason', () => {
    const [step] = predict({ ...base, request: { api: 'websocket', target: 'api' }, server: { websocket: { acceptOrigins: ['{page}'] } } });
    expect(step).toMatchObject({ outcome: 'allowed', reason: null, opened: true, preflight: false, reachedServer: true, originSeen: APP });
    expect(step!.requests.map((r) => [r.kind, r.method, r.status])).toEqual([['actual', 'GET', 101]]);
  });

  for (const [title, input] of [
    ['another Origin', { ...base, page: 'evil', request: { api: 'websocket', target: 'api' }, server: { websocket: { acceptOrigins: ['{origin:app}'] } } }],
    ['a plan with CORS headers but no server.websocket', { ...base, request: { api: 'websocket', target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } }],
  ] as const) {
    it(`is refused for ${title}: blocked with no reason, opened false, the 403 reached the server`, () => {
      const [step] = predict(input as ExperimentInput);
      expect(step).toMatchObject({ outcome: 'blocked', reason: null, opened: false, reachedServer: true });
      expect(step!.requests[0]!.status).toBe(403);
      expect(step!.checks.at(-1)).toMatchObject({ ok: false, stage: 'actual' });
    });
  }

  it('opens from evil when the plan accepts "any", sending the page\'s Origin ("null" from a sandboxed page)', () => {
    expect(predict({ ...base, page: 'evil', request: { api: 'websocket', target: 'api' }, server: { websocket: 'any' } })[0]).toMatchObject({ opened: true, originSeen: DEFAULT_ORIGIN_MAP.evil });
    expect(predict({ ...base, page: 'null', request: { api: 'websocket', target: 'api' }, server: { websocket: 'any' } })[0]).toMatchObject({ opened: true, originSeen: 'null' });
  });

  it('sends a same-site cookie on the handshake, and no SameSite=Lax cookie from another site', () => {
    const login = (page: 'app' | 'evil'): ExperimentInput => ({
      ...base,
      browser: { thirdPartyCookies: 'allowed' },
      request: { target: 'api', credentials: 'include' },
      server: { websocket: 'any', actual: { headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true', 'Set-Cookie': 'id=1; SameSite=Lax' } } },
      then: [{ page, request: { api: 'websocket' } }],
    });
    expect(predict(login('app'))[1]).toMatchObject({ opened: true, cookieSent: true });
    expect(predict(login('evil'))[1]).toMatchObject({ opened: true, cookieSent: false });
  });

  it('explains an opened socket as no CORS, a refused one as the server\'s choice, and fixes neither with a CORS header', () => {
    const refused: ExperimentInput = { ...base, page: 'evil', request: { api: 'websocket', target: 'api' }, server: { websocket: { acceptOrigins: ['{page}'] } } };
    const [opened] = predict(refused);
    const context = { url: experimentUrl(parse(refused), DEFAULT_ORIGIN_MAP, 'r1'), pageOrigin: DEFAULT_ORIGIN_MAP.evil, api: 'websocket' as const, method: 'GET', credentialsInclude: false };
    expect(explain(opened!, context).verdict).toMatch(/^Allowed: the WebSocket opened.*No CORS applies/);
    const [blocked] = predict({ ...refused, server: { websocket: { acceptOrigins: ['{origin:app}'] } } });
    const words = explain(blocked!, context);
    expect(words.verdict).toMatch(/^Blocked by the server: it refused the WebSocket handshake \(403\)/);
    expect(words.fix).toMatch(/acceptOrigins/);
    expect(explain(blocked!, context, 'zh-CN').verdict).toMatch(/握手/);
    const fix = fixFor(parse({ ...refused, server: { websocket: { acceptOrigins: ['{origin:app}'] } } }), DEFAULT_ORIGIN_MAP);
    expect(fix.changes).toEqual([]);
    expect(fix.impossible).toMatch(/acceptOrigins/);
  });
});

describe('the model of an EventSource', () => {
  it('is a CORS request: allowed on the page\'s origin, blocked without Access-Control-Allow-Origin elsewhere, never preflighted', () => {
    expect(predict({ ...base, request: { api: 'eventsource', target: 'app' } })[0]).toMatchObject({ outcome: 'allowed', reason: null, preflight: false });
    expect(predict({ ...base, request: { api: 'eventsource', target: 'api' } })[0]).toMatchObject({ outcome: 'blocked', reason: 'MissingAllowOriginHeader', preflight: false, reachedServer: true });
    expect(predict({ ...base, request: { api: 'eventsource', target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } })[0]).toMatchObject({ outcome: 'allowed' });
  });

  it('takes credentials from withCredentials: "*" refused, exact origin and credentials allowed', () => {
    const credentialed = (headers: Record<string, string>): ExperimentInput => ({ ...base, request: { api: 'eventsource', target: 'api', credentials: 'include' }, server: { actual: { headers } } });
    expect(predict(credentialed({ 'Access-Control-Allow-Origin': '*' }))[0]).toMatchObject({ outcome: 'blocked', reason: 'WildcardOriginNotAllowed' });
    expect(predict(credentialed({ 'Access-Control-Allow-Origin': '{page}' }))[0]).toMatchObject({ outcome: 'blocked', reason: 'InvalidAllowCredentials' });
    expect(predict(credentialed({ 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true' }))[0]).toMatchObject({ outcome: 'allowed' });
  });

  it('fails a stream that is not a 200 text/event-stream, with no reason, and fixes it with the header or the status', () => {
    const plain: ExperimentInput = { ...base, request: { api: 'eventsource', target: 'app' }, server: { actual: { headers: { 'Content-Type': 'text/plain' } } } };
    expect(predict(plain)[0]).toMatchObject({ outcome: 'blocked', reason: null, reachedServer: true });
    expect(fixFor(parse(plain), DEFAULT_ORIGIN_MAP).changes).toMatchObject([{ header: 'Content-Type', value: 'text/event-stream' }]);
    const failing: ExperimentInput = { ...base, request: { api: 'eventsource', target: 'app' }, server: { actual: { status: 500 } } };
    expect(predict(failing)[0]).toMatchObject({ outcome: 'blocked', reason: null });
    expect(fixFor(parse(failing), DEFAULT_ORIGIN_MAP).changes).toMatchObject([{ status: 200 }]);
  });

  it('reads the MIME type\'s essence: parameters and case aside', () => {
    expect(eventStreamProblem(200, 'Text/Event-Stream; charset=utf-8')).toBeNull();
    expect(eventStreamProblem(200, undefined)).toBe('type');
    expect(eventStreamProblem(204, 'text/event-stream')).toBe('status');
  });
});
