/** The origin app through `app.request` with real Origin headers, no port (Hono's way). */
import { describe, expect, it } from 'vitest';
import type { ServerPlan } from '../format/schema.ts';
import { Journal } from './journal.ts';
import type { LabContext } from './lab-context.ts';
import { createOriginApp } from './origin-app.ts';
import { originMap, originsAtPortBase } from '../plan/origins.ts';
import { encodePlan, plannedPath, toBase64Url } from '../plan/plan-url.ts';
import { RunIds } from './run-ids.ts';

const origins = originsAtPortBase(7000);
const APP = 'http://localhost:7000';
const API2 = 'http://localhost:7002';

function lab(): LabContext {
  return { origins, originMap: originMap(origins), journal: new Journal(), clientDir: null, hosts: new Set(), runIds: new RunIds() };
}

function planned(server: ServerPlan, options: { page?: 'app' | 'null' | 'evil'; run?: string; hop?: number; path?: string } = {}): string {
  return `http://localhost:7001${plannedPath(options.run ?? 'r1', options.hop ?? 0, encodePlan({ page: options.page ?? 'app', server }), options.path ?? '/data')}`;
}

const PREFLIGHT_HEADERS = { Origin: APP, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-custom' };

describe('planned answers', () => {
  const server: ServerPlan = {
    preflight: { status: 200, headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Methods': 'PUT' } },
    actual: { status: 201, headers: { 'Access-Control-Allow-Origin': '{reflect}', 'X-Other': '{origin:api2}' }, body: 'hi' },
  };

  it('answers a preflight (OPTIONS + Access-Control-Request-Method) with the preflight plan', async () => {
    const res = await createOriginApp('api', lab()).request(new Request(planned(server), { method: 'OPTIONS', headers: PREFLIGHT_HEADERS }));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-methods')).toBe('PUT');
  });

  it('answers an OPTIONS without Access-Control-Request-Method as an actual request', async () => {
    const res = await createOriginApp('api', lab()).request(new Request(planned(server), { method: 'OPTIONS', headers: { Origin: APP } }));
    expect(res.status).toBe(201);
  });

  it('answers other requests with the actual plan, tokens expanded', async () => {
    for (const origin of ['https://attacker.example', 'null']) {
      const res = await createOriginApp('api', lab()).request(new Request(planned(server), { method: 'PUT', headers: { Origin: origin } }));
      expect(res.status).toBe(201);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('x-other')).toBe(API2);
      expect(await res.text()).toBe('hi');
    }
  });

  it('expands {page} to "null" for a sandboxed page', async () => {
    const res = await createOriginApp('api', lab()).request(planned({ actual: { headers: { 'Access-Control-Allow-Origin': '{page}' } } }, { page: 'null' }));
    expect(res.headers.get('access-control-allow-origin')).toBe('null');
  });

  it('answers with defaults: 204 with no CORS headers for a preflight, 200 for the rest', async () => {
    const app = createOriginApp('api', lab());
    const pre = await app.request(new Request(planned({}), { method: 'OPTIONS', headers: PREFLIGHT_HEADERS }));
    expect(pre.status).toBe(204);
    expect([...pre.headers.keys()].filter((k) => k.startsWith('access-control'))).toEqual([]);
    const actual = await app.request(planned({}));
    expect(actual.status).toBe(200);
    expect([...actual.headers.keys()].filter((k) => k.startsWith('access-control'))).toEqual([]);
  });

  it('redirects hop by hop to the named origin, userinfo and plan kept, then answers actual', async () => {
    const plan: ServerPlan = { redirects: [{ status: 307, to: 'api2', userinfo: 'u:p', headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { body: 'end' } };
    const app = createOriginApp('api', lab());
    const first = await app.request(planned(plan, { path: '/x?y=1' }));
    expect(first.status).toBe(307);
    const location = first.headers.get('location') ?? '';
    expect(location).toBe(`http://u:p@localhost:7002${plannedPath('r1', 1, encodePlan({ page: 'app', server: plan }), '/x?y=1')}`);
    const second = await createOriginApp('api2', lab()).request(location.replace('u:p@', ''));
    expect(second.status).toBe(200);
    expect(await second.text()).toBe('end');
  });

  it('gives every preflight, at every hop, the preflight plan', async () => {
    const plan: ServerPlan = { preflight: { status: 299 }, redirects: [{ to: 'api2' }] };
    const res = await createOriginApp('api2', lab()).request(new Request(planned(plan, { hop: 1 }), { method: 'OPTIONS', headers: PREFLIGHT_HEADERS }));
    expect(res.status).toBe(299);
  });

  it('records what it received in the journal under the run id', async () => {
    const context = lab();
    await createOriginApp('api', context).request(new Request(planned(server, { run: 'j1' }), { method: 'OPTIONS', headers: { ...PREFLIGHT_HEADERS, Cookie: 'a=1', Referer: `${APP}/` } }));
    const [entry] = context.journal.read('j1').entries;
    expect(entry).toMatchObject({ origin: 'api', kind: 'preflight', method: 'OPTIONS', path: '/data', hop: 0, originHeader: APP, accessControlRequestMethod: 'PUT', accessControlRequestHeaders: 'x-custom', cookie: 'a=1', referer: `${APP}/`, status: 200 });
    expect(entry?.responseHeaders).toContainEqual(['Access-Control-Allow-Origin', APP]);
  });

  it('serves the journal to its own origin only: it holds the cookies requests carried', async () => {
    const context = lab();
    const app = createOriginApp('partner', context);
    await app.request(planned({}, { run: 'j2' }));
    for (const origin of ['null', 'http://evil.example']) {
      const res = await app.request(new Request('http://127.0.0.1:7003/__journal/j2?since=0', { headers: { Origin: origin } }));
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect((await res.json()).entries).toHaveLength(1);
    }
    const refused = await app.request(new Request('http://127.0.0.1:7003/__journal/j2?since=-1', { headers: { Origin: 'null' } }));
    expect(refused.status).toBe(400);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('bad plans get a 400 naming the field, and the server keeps serving', () => {
  const cases: Array<[string, string, string]> = [
    ['a header name with a space', planned({ actual: { headers: { 'X Bad': '1' } } }), 'server.actual.headers["X Bad"]'],
    ['CR/LF in a value', planned({ actual: { headers: { 'X-A': 'a\r\nSet-Cookie: x' } } }), 'server.actual.headers["X-A"]'],
    ['an unknown redirect origin', planned({ redirects: [{ to: 'apii' as 'api' }] }), 'server.redirects[0].to'],
    ['an unknown {origin:NAME} token', planned({ actual: { headers: { 'X-A': '{origin:nope}' } } }), 'server.actual.headers["X-A"]'],
    ['an unknown page', `http://localhost:7001${plannedPath('r', 0, encodePlan({ page: 'moon' as 'app', server: {} }), '/')}`, 'page'],
    ['an undecodable plan', 'http://localhost:7001/__cl/r/0/!!!/', 'plan'],
    ['a plan that is not JSON', `http://localhost:7001/__cl/r/0/${toBase64Url('nope')}/`, 'plan'],
    ['a bad hop', 'http://localhost:7001/__cl/r/zz/abc/', 'hop'],
  ];
  for (const [what, url, field] of cases) {
    it(`${what} -> 400 on ${field}`, async () => {
      const app = createOriginApp('api', lab());
      const res = await app.request(url);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/json');
      const body = await res.json();
      expect(body.field).toBe(field);
      expect(body.error).toMatch(new RegExp(`^${field.replace(/[[\]"]/g, '\\$&')}: `));
      expect(body.error.startsWith(`${field}: ${field}:`), body.error).toBe(false);
      expect((await app.request(planned({}))).status).toBe(200);
    });
  }

  it('answers unknown routes with 404 JSON', async () => {
    const res = await createOriginApp('api', lab()).request('http://localhost:7001/nothing');
    expect(res.status).toBe(404);
    expect((await res.json()).error).toContain('no route GET /nothing');
  });
});

describe('runner page', () => {
  it('inlines the runner and knows the app origin', async () => {
    const res = await createOriginApp('evil', lab()).request('http://evil.localhost:7004/__runner');
    const html = await res.text();
    expect(html).toContain(`data-app-origin="${APP}"`);
    expect(html).toContain('corsLab');
    expect(res.headers.get('content-security-policy')).toBeNull();
  });

  it('sandboxes itself (opaque origin) with ?sandbox', async () => {
    const res = await createOriginApp('app', lab()).request(`${APP}/__runner?sandbox`);
    expect(res.headers.get('content-security-policy')).toBe('sandbox allow-scripts');
  });
});
