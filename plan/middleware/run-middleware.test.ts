/**
 * The real middleware behind a lab origin, through `app.request` with real
 * Origin headers (Hono's way): what each one sends, the journal recording it,
 * and options refused with the field named.
 */
import { describe, expect, it } from 'vitest';
import type { ServerPlan } from '../../format/schema.ts';
import { validateExperiments } from '../../format/validate.ts';
import { Journal } from '../../servers/journal.ts';
import type { LabContext } from '../../servers/lab-context.ts';
import { createOriginApp } from '../../servers/origin-app.ts';
import { originMap, originsAtPortBase } from '../origins.ts';
import { encodePlan, plannedPath } from '../plan-url.ts';
import type { MiddlewareCall } from '../answer.ts';
import { completeAnswer, runMiddleware } from './run-middleware.ts';
import { RunIds } from '../../servers/run-ids.ts';

const origins = originsAtPortBase(7000);
const APP = 'http://localhost:7000';
const PARTNER = 'http://127.0.0.1:7003';

function labContext(): LabContext {
  return { origins, originMap: originMap(origins), journal: new Journal(), clientDir: null, hosts: new Set(), runIds: new RunIds() };
}

function planned(server: ServerPlan, redirectsTo?: 'api2'): string {
  const plan: ServerPlan = redirectsTo ? { ...server, redirects: [{ to: redirectsTo }] } : server;
  return `http://localhost:7001${plannedPath('m1', 0, encodePlan({ page: 'app', server: plan }), '/data')}`;
}

async function send(server: ServerPlan, init: RequestInit & { headers: Record<string, string> }): Promise<Response> {
  return createOriginApp('api', labContext()).request(new Request(planned(server), init));
}

const preflight = (headers: Record<string, string> = {}) => ({ method: 'OPTIONS', headers: { Origin: APP, 'Access-Control-Request-Method': 'PUT', ...headers } });

describe('hono/cors behind an origin', () => {
  it("origin '*' with credentials: true sends * and Allow-Credentials together (the trap)", async () => {
    const res = await send({ middleware: { name: 'hono/cors', options: { origin: '*', credentials: true } } }, { headers: { Origin: APP } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toBeNull();
  });

  it('an origin list echoes a listed origin with Vary: Origin, and sends nothing to others', async () => {
    const server: ServerPlan = { middleware: { name: 'hono/cors', options: { origin: ['{page}'] } } };
    const listed = await send(server, { headers: { Origin: APP } });
    expect(listed.headers.get('access-control-allow-origin')).toBe(APP);
    expect(listed.headers.get('vary')).toBe('Origin');
    for (const origin of ['https://attacker.example', 'null', PARTNER]) {
      const other = await send(server, { headers: { Origin: origin } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answers the preflight itself with 204, whatever the route would say, echoing the requested headers', async () => {
    const res = await send({ middleware: { name: 'hono/cors' }, preflight: { status: 401 } }, preflight({ 'Access-Control-Request-Headers': 'x-a, x-b' }));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toBe('x-a,x-b');
    expect(res.headers.get('vary')).toBe('Access-Control-Request-Headers');
  });

  it("keeps the route's status, body and other headers, and drops the plan's own CORS headers", async () => {
    const res = await send(
      { middleware: { name: 'hono/cors', options: { exposeHeaders: ['X-Total'] } }, actual: { status: 201, body: 'made', headers: { 'X-Total': '3', 'Access-Control-Allow-Origin': 'https://plan.example' } } },
      { method: 'POST', headers: { Origin: APP } },
    );
    expect(res.status).toBe(201);
    expect(await res.text()).toBe('made');
    expect(res.headers.get('x-total')).toBe('3');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe('X-Total');
  });

  it('records what the middleware really sent in the journal', async () => {
    const context = labContext();
    await createOriginApp('api', context).request(new Request(planned({ middleware: { name: 'hono/cors', options: { maxAge: 60 } } }), preflight()));
    const [entry] = context.journal.read('m1').entries;
    expect(entry?.status).toBe(204);
    expect(entry?.responseHeaders).toContainEqual(['access-control-max-age', '60']);
  });

  it('applies only at the final hop: a redirecting hop answers from its plan', async () => {
    const res = await createOriginApp('api', labContext()).request(new Request(planned({ middleware: { name: 'hono/cors' } }, 'api2'), { headers: { Origin: APP } }));
    expect(res.status).toBe(302);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the Express cors package behind an origin', () => {
  it('reflects an origin matching a "/regex/" string, and not one that does not', async () => {
    const server: ServerPlan = { middleware: { name: 'cors', options: { origin: '/^http:\\/\\/localhost:\\d+$/', credentials: true } } };
    const ok = await send(server, { headers: { Origin: APP } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP);
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    expect(ok.headers.get('vary')).toBe('Origin');
    for (const origin of ['http://evil.localhost:7004', 'http://localhost:7000.attacker.example', 'null']) {
      const refused = await send(server, { headers: { Origin: origin } });
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answers a preflight with optionsSuccessStatus, or passes it on with preflightContinue', async () => {
    const answered = await send({ middleware: { name: 'cors', options: { optionsSuccessStatus: 200 } } }, preflight());
    expect(answered.status).toBe(200);
    expect(answered.headers.get('access-control-allow-methods')).toBe('GET,HEAD,PUT,PATCH,POST,DELETE');
    const passed = await send({ middleware: { name: 'cors', options: { preflightContinue: true } }, preflight: { status: 404 } }, preflight());
    expect(passed.status).toBe(404);
    expect(passed.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('echoes Access-Control-Request-Headers unless allowedHeaders is given', async () => {
    const echoed = await send({ middleware: { name: 'cors' } }, preflight({ 'Access-Control-Request-Headers': 'authorization' }));
    expect(echoed.headers.get('access-control-allow-headers')).toBe('authorization');
    const listed = await send({ middleware: { name: 'cors', options: { allowedHeaders: ['Content-Type'] } } }, preflight({ 'Access-Control-Request-Headers': 'authorization' }));
    expect(listed.headers.get('access-control-allow-headers')).toBe('Content-Type');
  });

  it('origin: false turns CORS off', async () => {
    const res = await send({ middleware: { name: 'cors', options: { origin: false } } }, { headers: { Origin: APP } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('server.middleware validation', () => {
  const base = { id: 'x', title: 'x', group: 'hono-cors', request: { target: 'api' } };
  it.each([
    [{ name: 'express' }, 'f.json: server.middleware.name: name must be one of "hono/cors", "cors"'],
    [{ name: 'hono/cors', options: { origin: 3 } }, 'f.json: server.middleware.options.origin: origin is a string ("*" or one origin) or an array of origins'],
    [{ name: 'hono/cors', options: { allowMethods: ['PUT GET'] } }, 'f.json: server.middleware.options.allowMethods[0]: each method is an HTTP token'],
    [{ name: 'hono/cors', options: { maxAge: -1 } }, 'f.json: server.middleware.options.maxAge: maxAge is at least 0'],
    [{ name: 'hono/cors', options: { allowOrigin: '*' } }, 'f.json: server.middleware.options: unknown field "allowOrigin"'],
    [{ name: 'cors', options: { origin: '/a(/' } }, 'f.json: server.middleware.options.origin: invalid regular expression /a(/'],
    [{ name: 'cors', options: { origin: ['/ok/', '/[/'] } }, 'f.json: server.middleware.options.origin[1]: invalid regular expression /[/'],
    [{ name: 'cors', options: { optionsSuccessStatus: 100 } }, 'f.json: server.middleware.options.optionsSuccessStatus: optionsSuccessStatus must be 200-599'],
    [{ name: 'cors', options: { credentials: 'yes' } }, 'f.json: server.middleware.options.credentials: credentials is true or false'],
    [{ name: 'hono/cors', options: { origin: ['{page}', '{origin:apii}'] } }, 'f.json: server.middleware.options.origin[1]: {origin:apii}: unknown origin "apii"'],
  ])('refuses %j with the field named', (middleware, message) => {
    expect(() => validateExperiments({ ...base, server: { middleware } }, 'f.json')).toThrow(message);
  });

  it('answers 400 JSON naming the field, never 500, for a bad middleware plan in a URL', async () => {
    const res = await createOriginApp('api', labContext()).request(planned({ middleware: { name: 'nope' } } as unknown as ServerPlan));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe('server.middleware.name');
  });
});

describe('the wire check on what the middleware writes', () => {
  // Options the schema would refuse, handed straight to the runner: the last check before any write.
  const call = (options: Record<string, unknown>, method = 'GET'): MiddlewareCall => ({
    middleware: { name: 'cors', options } as MiddlewareCall['middleware'],
    method,
    headers: { origin: APP, ...(method === 'OPTIONS' ? { 'access-control-request-method': 'PUT' } : {}) },
    handler: { status: 200, headers: [], body: 'ok' },
    closesConnection: false,
  });

  it('refuses a line the middleware would write with CR LF, naming the option that made it', async () => {
    await expect(runMiddleware(call({ exposedHeaders: 'X-A\r\nSet-Cookie: lab=owned' }))).rejects.toMatchObject({ field: 'server.middleware.options.exposedHeaders' });
    await expect(runMiddleware(call({ origin: 'http://a\u010d\u010aSet-Cookie: lab=owned' }))).rejects.toThrow(/would send Access-Control-Allow-Origin: invalid header value/);
  });

  it('completeAnswer turns it into the 400 JSON the journal records', async () => {
    const done = await completeAnswer({ reply: { status: 501, headers: [], body: '' }, run: 'm1', entry: null, middleware: call({ methods: 'GET\nX-Injected: 1' }, 'OPTIONS') });
    expect(done.reply.status).toBe(400);
    expect(JSON.parse(done.reply.body)).toMatchObject({ field: 'server.middleware.options.methods' });
  });
});
