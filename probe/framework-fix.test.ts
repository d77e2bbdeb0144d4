/**
 * The fix in each framework's terms. Express's `cors` and `hono/cors` snippets are applied as printed (the code
 * runs against the real packages) and the answers they give are fed back to the model, which must then allow the
 * request; the real-Chromium check is test/e2e/probe-framework.spec.ts. Fastify and nginx (not installed) are
 * checked for their exact option names and directives.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import expressCors from 'cors';
import { Hono } from 'hono';
import { cors as honoCors } from 'hono/cors';
import type { HeaderLines } from '../format/headers.ts';
import { replayWire } from './explain-probe.ts';
import { FRAMEWORKS, type Framework } from './framework.ts';
import { frameworkFix, frameworkFixText, preflightStatusAdvice, type FrameworkFix } from './framework-fix.ts';
import type { WireResponse } from '../runner/cdp-watch.ts';
import { mergeFixes, probeFix, type ProbeFix } from './probe-fix.ts';
import { probeRequest, type ProbeOptions, type ProbeRequest } from './probe-options.ts';

const ORIGIN = 'http://localhost:3000';
const OTHER = 'http://127.0.0.1:4000';
const PATH = '/api/items';
const answer = (status: number, headers: HeaderLines): WireResponse => ({ status, headers, addressSpace: 'Loopback' });

/** The probes of the tests: a credentialed PUT with a token, and a DELETE, from two origins. */
const PROBES: Array<Partial<ProbeOptions>> = [
  { method: 'PUT', headers: { Authorization: 'Bearer x' }, credentials: 'include' },
  { method: 'DELETE', origin: OTHER },
];

/** The server before the fix: a 404 to OPTIONS (no route), an actual answer with no CORS header. */
function brokenFix(url: string): { fix: ProbeFix; requests: ProbeRequest[] } {
  const requests = PROBES.map((p) => probeRequest({ url, origin: ORIGIN, ...p }));
  const wire = { preflight: answer(404, [['Content-Type', 'text/plain']]), actual: null };
  return { fix: mergeFixes(requests.map((r) => probeFix(replayWire(r, wire)!, r, wire))), requests };
}

const written = (fix: ProbeFix, name: Framework, url: string): FrameworkFix =>
  frameworkFix(fix, { name, guessed: false, basis: null }, url)!;

type Send = (method: string, headers: Record<string, string>) => Promise<WireResponse>;

/** The model, fed what the fixed server answers to the preflight and the request, allows every probe. */
async function expectAllowed(requests: readonly ProbeRequest[], send: Send): Promise<void> {
  for (const r of requests) {
    const asked = {
      Origin: r.origin,
      'Access-Control-Request-Method': r.method,
      'Access-Control-Request-Headers': 'authorization',
    };
    const preflight = await send('OPTIONS', asked);
    const actual = await send(r.method, { Origin: r.origin, ...Object.fromEntries(r.headers) });
    const replay = replayWire(r, { preflight, actual });
    const verdict = [replay?.prediction.outcome, replay?.prediction.reason];
    expect([r.method, r.origin, ...verdict]).toEqual([r.method, r.origin, 'allowed', null]);
  }
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('Express cors: the snippet, applied with the real package', () => {
  it('names the options as cors does, and the server it configures allows every probe', async () => {
    const middlewares: Array<(req: IncomingMessage, res: ServerResponse, next: () => void) => void> = [];
    const server = createServer((req, res) => {
      const run = (i: number): void => {
        const middleware = middlewares[i];
        if (middleware) middleware(req, res, () => run(i + 1));
        else res.end('ok');
      };
      run(0);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { fix, requests } = brokenFix(`${base}${PATH}`);
    const express = written(fix, 'express', `${base}${PATH}`);
    expect(express.setup).toBe("import cors from 'cors';");
    expect(express.code).toBe(
      [
        'app.use(cors({',
        `  origin: ['${ORIGIN}', '${OTHER}'],`,
        '  credentials: true,',
        "  methods: ['PUT', 'DELETE'],",
        "  allowedHeaders: ['authorization'],",
        '}));',
      ].join('\n'),
    );
    // The printed code itself configures the server.
    const app = { use: (m: (typeof middlewares)[number]) => middlewares.push(m) };
    new Function('app', 'cors', express.code)(app, expressCors);
    await expectAllowed(requests, (method, headers) => send(`${base}${PATH}`, method, headers));
  });
});

describe('hono/cors: the snippet, applied with the real package', () => {
  it('names the options as hono/cors does, mounted on the path, and allows every probe', async () => {
    const url = `http://127.0.0.1:8080${PATH}`;
    const { fix, requests } = brokenFix(url);
    const hono = written(fix, 'hono', url);
    expect(hono.setup).toBe("import { cors } from 'hono/cors';");
    expect(hono.code).toBe(
      [
        "app.use('/api/*', cors({",
        `  origin: ['${ORIGIN}', '${OTHER}'],`,
        '  credentials: true,',
        "  allowMethods: ['PUT', 'DELETE'],",
        "  allowHeaders: ['authorization'],",
        '}));',
      ].join('\n'),
    );
    const app = new Hono();
    new Function('app', 'cors', hono.code)(app, honoCors);
    app.all('*', (c) => c.text('ok'));
    await expectAllowed(requests, async (method, headers) => {
      const response = await app.request(url, { method, headers });
      const lines: HeaderLines = [];
      response.headers.forEach((value, name) => lines.push([name, value]));
      return answer(response.status, lines);
    });
  });
});

describe('@fastify/cors and nginx: exact names', () => {
  it('@fastify/cors: fastify.register(cors, options) with the plugin\'s option names', async () => {
    const { fix } = brokenFix(`http://127.0.0.1:8080${PATH}`);
    const fastify = written(fix, 'fastify', `http://127.0.0.1:8080${PATH}`);
    expect(fastify.setup).toBe("import cors from '@fastify/cors';");
    // The code runs as written against a recorder of register(): the options object is what the plugin gets.
    const registered: unknown[] = [];
    type AsyncBody = new (...args: string[]) => (...a: unknown[]) => Promise<void>;
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as AsyncBody;
    const plugin = Symbol('cors');
    const recorder = { register: async (...args: unknown[]) => void registered.push(args) };
    await new AsyncFunction('fastify', 'cors', fastify.code)(recorder, plugin);
    const options = {
      origin: [ORIGIN, OTHER],
      credentials: true,
      methods: ['PUT', 'DELETE'],
      allowedHeaders: ['authorization'],
    };
    expect(registered).toEqual([[plugin, options]]);
  });

  it('nginx: add_header ... always, the OPTIONS block that returns 204, a map for several origins', () => {
    const { fix } = brokenFix(`http://127.0.0.1:8080${PATH}`);
    const nginx = written(fix, 'nginx', `http://127.0.0.1:8080${PATH}`).code.split('\n').map((l) => l.trim());
    expect(nginx).toEqual(expect.arrayContaining([
      'map $http_origin $cors_origin {',
      `"${ORIGIN}" $http_origin;`,
      `"${OTHER}" $http_origin;`,
      `location ${PATH} {`,
      'if ($request_method = OPTIONS) {',
      'add_header Access-Control-Allow-Origin $cors_origin always;',
      'add_header Access-Control-Allow-Credentials "true" always;',
      'add_header Access-Control-Allow-Methods "PUT, DELETE" always;',
      'add_header Access-Control-Allow-Headers "authorization" always;',
      'add_header Vary "Origin" always;',
      'return 204;',
    ]));
    // The preflight's set sits inside the if block, the actual answer's after it.
    const allowOrigin = 'add_header Access-Control-Allow-Origin $cors_origin always;';
    expect(nginx.indexOf('return 204;')).toBeLessThan(nginx.lastIndexOf(allowOrigin));
  });

  it('one origin: nginx names it, with no map', () => {
    const r = probeRequest({ url: `http://127.0.0.1:8080${PATH}`, origin: ORIGIN });
    const wire = { preflight: null, actual: answer(200, []) };
    const code = written(probeFix(replayWire(r, wire)!, r, wire), 'nginx', r.url).code;
    expect(code).toContain(`add_header Access-Control-Allow-Origin "${ORIGIN}" always;`);
    expect(code).not.toContain('map $http_origin');
  });
});

describe('a preflight answered 401/403 or 404/405, in each framework\'s terms', () => {
  for (const framework of FRAMEWORKS) {
    it(`${framework}: 401 means auth before CORS, 404 means no OPTIONS route`, () => {
      const auth = /^The preflight got 401: an auth layer answers OPTIONS before CORS does\. .*let OPTIONS through/;
      expect(preflightStatusAdvice(401, framework)).toMatch(auth);
      expect(preflightStatusAdvice(403, framework)).toMatch(/^The preflight got 403/);
      const noRoute = /^The preflight got 404: nothing answers OPTIONS at this URL \(no OPTIONS route\)\./;
      expect(preflightStatusAdvice(404, framework)).toMatch(noRoute);
      expect(preflightStatusAdvice(405, framework)).toMatch(/^The preflight got 405/);
      const redirected = /^The preflight got 302: something redirects OPTIONS .* may not be redirected/;
      expect(preflightStatusAdvice(302, framework)).toMatch(redirected);
      expect(preflightStatusAdvice(500, framework)).toBeNull();
      expect(preflightStatusAdvice(204, framework)).toBeNull();
    });
  }
  it('in the framework\'s words', () => {
    expect(preflightStatusAdvice(401, 'express')).toContain('app.use(cors(...)) first, then app.use(auth)');
    expect(preflightStatusAdvice(401, 'fastify')).toContain('Register @fastify/cors before your auth hook');
    expect(preflightStatusAdvice(401, 'hono')).toContain('before your auth middleware');
    expect(preflightStatusAdvice(401, 'nginx')).toContain('before auth_basic and auth_request');
    expect(preflightStatusAdvice(404, 'fastify')).toContain('wildcard OPTIONS route');
  });
  it('the printed fix starts with the advice, then the code', () => {
    const { fix } = brokenFix(`http://127.0.0.1:8080${PATH}`);
    const text = frameworkFixText(written(fix, 'express', `http://127.0.0.1:8080${PATH}`)).split('\n');
    expect(text[0]).toMatch(/^The preflight got 404/);
    expect(text[1]).toBe(
      'Express cors: these options allow these requests and keep what your server allows now ' +
        '(changed: origin, credentials, methods, allowedHeaders).',
    );
    expect(text[2]).toBe("import cors from 'cors';");
  });
});

/** A request over node:http, which sends Origin and Access-Control-Request-* as given (a page could not). */
function send(url: string, method: string, headers: Record<string, string>): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      res.resume();
      const lines: HeaderLines = [];
      const raw = res.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) lines.push([raw[i] as string, raw[i + 1] as string]);
      res.on('end', () => resolve(answer(res.statusCode ?? 0, lines)));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('what the server allows now is kept: exposed headers and max-age', () => {
  const url = `http://127.0.0.1:8080${PATH}`;
  const r = probeRequest({ url, origin: ORIGIN, method: 'PUT' });
  // The preflight caches for 600 s but misses PUT; a GET saw the actual answer expose X-Total-Count.
  const preflight = answer(204, [
    ['Access-Control-Allow-Origin', 'https://app.example'],
    ['Access-Control-Max-Age', '600'],
  ]);
  const get = probeRequest({ url, origin: ORIGIN });
  const actual = answer(200, [
    ['Access-Control-Allow-Origin', ORIGIN],
    ['Access-Control-Expose-Headers', 'X-Total-Count'],
  ]);
  const fix = mergeFixes([
    probeFix(replayWire(r, { preflight, actual: null })!, r, { preflight, actual: null }),
    probeFix(replayWire(get, { preflight: null, actual })!, get, { preflight: null, actual }),
  ]);
  const expected: Record<Exclude<Framework, 'headers'>, string[]> = {
    express: ["exposedHeaders: ['X-Total-Count'],", 'maxAge: 600,'],
    fastify: ["exposedHeaders: ['X-Total-Count'],", 'maxAge: 600,'],
    hono: ["exposeHeaders: ['X-Total-Count'],", 'maxAge: 600,'],
    nginx: [
      'add_header Access-Control-Expose-Headers "X-Total-Count" always;',
      'add_header Access-Control-Max-Age "600" always;',
    ],
  };
  for (const [framework, lines] of Object.entries(expected)) {
    it(`${framework} keeps them`, () => {
      const code = written(fix, framework as Framework, url).code.split('\n').map((l) => l.trim());
      expect(code).toEqual(expect.arrayContaining(lines));
    });
  }
  it('hono/cors with those options sends them', async () => {
    const app = new Hono();
    const code = written(fix, 'hono', url).code;
    new Function('app', 'cors', code)(app, honoCors);
    app.all('*', (c) => c.text('ok'));
    const asked = { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT' };
    const options = await app.request(url, { method: 'OPTIONS', headers: asked });
    const got = await app.request(url, { headers: { Origin: ORIGIN } });
    expect(options.headers.get('access-control-max-age')).toBe('600');
    expect(got.headers.get('access-control-expose-headers')).toBe('X-Total-Count');
    expect(options.headers.get('access-control-allow-methods')?.split(',')).toContain('PUT');
  });
});

describe('what the server sends goes into code the user copies: nothing it sends can write code', () => {
  const url = `http://127.0.0.1:8080${PATH}`;
  const r = probeRequest({ url, origin: ORIGIN, method: 'PUT' });
  const hostile = [
    ['Access-Control-Allow-Origin', "http://a.example');process.exit('"],
    ['Access-Control-Allow-Methods', "GET, it's, $http_cookie"],
  ] as HeaderLines;
  const preflight = answer(204, hostile);
  const fix = probeFix(replayWire(r, { preflight, actual: null })!, r, { preflight, actual: null });
  it('a value that is not exactly an origin is not kept as one', () => {
    expect(fix.needs.origins).toEqual([ORIGIN]);
  });
  it('JavaScript: every name is one string literal', () => {
    const code = written(fix, 'express', url).code;
    const seen: unknown[] = [];
    new Function('app', 'cors', code)({ use: () => undefined }, (options: unknown) => seen.push(options));
    expect(seen).toEqual([{ origin: [ORIGIN], methods: ['GET', "it's", '$http_cookie', 'PUT'] }]);
  });
  it('nginx: a name with $ (a variable there) is left out', () => {
    const code = written(fix, 'nginx', url).code;
    expect(code).toContain('add_header Access-Control-Allow-Methods "GET, it\'s, PUT" always;');
    expect(code).not.toContain('$http_cookie');
  });
});
