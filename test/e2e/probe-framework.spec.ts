/**
 * Fixes in the user's framework, applied: real Express `cors` and `hono/cors` servers on 127.0.0.1 with a real
 * misconfiguration are probed in Chromium; the code the fix prints is run to configure a fresh server, and the
 * same probe is then allowed. Also the merged fix of several `--method`s, the 401 and 404 preflights, and
 * `--framework auto`.
 */
import { test, expect } from '@playwright/test';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import expressCors from 'cors';
import { Hono } from 'hono';
import { cors as honoCors } from 'hono/cors';
import { serve } from '@hono/node-server';
import { main } from '../../cli/main.ts';
import { probe, type ProbeOptions } from '../../probe/probe.ts';
import { launchChromium } from '../../runner/launch.ts';
import { startApi } from './probe-servers.ts';

const ORIGIN = 'http://localhost:3000';
const PATH = '/api/items';
/** A credentialed PUT with a token: the request a logged-in app sends. */
const PUT_WITH_TOKEN: Omit<ProbeOptions, 'url'> = {
  origin: ORIGIN,
  method: 'PUT',
  headers: { Authorization: 'Bearer x' },
  credentials: 'include',
};

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
interface Running {
  url: string;
  close(): Promise<void>;
}

function listening(server: Server): Promise<Running> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${PATH}`,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      }),
    ),
  );
}

/** An Express-style app (the connect middleware chain Express runs) whose route answers "ok". */
function expressApp(setup: (app: { use(m: Middleware): void }) => void): Promise<Running> {
  const chain: Middleware[] = [];
  setup({ use: (m) => void chain.push(m) });
  const server = createServer((req, res) => {
    const run = (i: number): void => {
      const middleware = chain[i];
      if (middleware) middleware(req, res, () => run(i + 1));
      else res.end('ok');
    };
    run(0);
  });
  return listening(server);
}

/** Auth as apps write it: no Authorization, 401. */
const auth: Middleware = (req, res, next) => {
  if (req.headers.authorization) return next();
  res.statusCode = 401;
  res.end('log in');
};

function honoApp(setup: (app: Hono) => void): Promise<Running> {
  const app = new Hono();
  setup(app);
  app.put(PATH, (c) => c.text('ok'));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({
        url: `http://127.0.0.1:${info.port}${PATH}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}

/** The code a printed fix holds: from the line that starts with `app.use(` to the end of the statement. */
function printedCode(fix: string | null): string {
  const start = fix?.search(/^app\.use\(/m) ?? -1;
  const end = fix?.lastIndexOf('}));') ?? -1;
  if (!fix || start < 0 || end < start) throw new Error(`no app.use(...) in the fix:\n${fix}`);
  return fix.slice(start, end + '}));'.length);
}

let browser: Browser;
const running: Running[] = [];
const started = async (server: Promise<Running>): Promise<Running> => {
  const r = await server;
  running.push(r);
  return r;
};

test.beforeAll(async () => {
  browser = await launchChromium();
});
test.afterAll(async () => {
  await Promise.all([browser.close(), ...running.map((r) => r.close())]);
});

test('Express cors allowing another origin: the printed cors() options, applied, make the probe allowed', async () => {
  const broken = await started(expressApp((app) => app.use(expressCors({ origin: 'https://app.example' }))));
  const before = await probe({ url: broken.url, ...PUT_WITH_TOKEN, framework: 'express' }, browser);
  expect([before.outcome, before.reason]).toEqual(['blocked', 'PreflightAllowOriginMismatch']);
  expect(before.framework).toEqual({ name: 'express', guessed: false, basis: null });
  const fix = before.explanation.fix;
  expect(fix).toContain("import cors from 'cors';");
  expect(fix).toContain(`origin: ['${ORIGIN}', 'https://app.example'],`);
  expect(fix).toContain('credentials: true,');
  expect(fix).toContain("allowedHeaders: ['authorization'],");
  const fixed = await started(expressApp((app) => new Function('app', 'cors', printedCode(fix))(app, expressCors)));
  const after = await probe({ url: fixed.url, ...PUT_WITH_TOKEN }, browser);
  expect([after.outcome, after.reason, after.preflight]).toEqual(['allowed', null, true]);
});

test('a preflight answered 401 by auth before cors: the fix says so, and cors first makes it allowed', async () => {
  const broken = await started(
    expressApp((app) => {
      app.use(auth);
      app.use(expressCors({ origin: [ORIGIN], credentials: true }));
    }),
  );
  const before = await probe({ url: broken.url, ...PUT_WITH_TOKEN, framework: 'express' }, browser);
  // No CORS header on the 401: Chromium names the missing Allow-Origin, the status is the cause.
  const got = [before.outcome, before.reason, before.preflightResponse?.status];
  expect(got).toEqual(['blocked', 'PreflightMissingAllowOriginHeader', 401]);
  expect(before.explanation.fix).toMatch(/^The preflight got 401: an auth layer answers OPTIONS before CORS does\./);
  expect(before.explanation.fix).toContain('app.use(cors(...)) first, then app.use(auth)');
  const code = printedCode(before.explanation.fix);
  const fixed = await started(
    expressApp((app) => {
      new Function('app', 'cors', code)(app, expressCors);
      app.use(auth);
    }),
  );
  const after = await probe({ url: fixed.url, ...PUT_WITH_TOKEN }, browser);
  expect([after.outcome, after.reason]).toEqual(['allowed', null]);
});

test('the same 401 with CORS headers on it (PreflightInvalidStatus) gets the same advice', async () => {
  const reflect = { 'Access-Control-Allow-Origin': '{reflect}' };
  const api = await startApi({ [PATH]: { preflight: { status: 401, headers: reflect } } });
  running.push({ url: api.url, close: () => api.close() });
  const result = await probe({ url: `${api.url}${PATH}`, origin: ORIGIN, method: 'PATCH' }, browser);
  expect([result.reason, result.preflightResponse?.status]).toEqual(['PreflightInvalidStatus', 401]);
  expect(result.explanation.fix).toMatch(/^The preflight got 401: an auth layer answers OPTIONS before CORS does\./);
  expect(result.explanation.fix).toContain('OPTIONS (preflight): status 204 (instead of 401)');
});

test('Hono with no OPTIONS route (404): the fix says so; the printed hono/cors line makes it allowed', async () => {
  const broken = await started(honoApp(() => undefined));
  const before = await probe({ url: broken.url, ...PUT_WITH_TOKEN, framework: 'hono' }, browser);
  const got = [before.outcome, before.reason, before.preflightResponse?.status];
  expect(got).toEqual(['blocked', 'PreflightMissingAllowOriginHeader', 404]);
  expect(before.explanation.fix).toMatch(/^The preflight got 404: nothing answers OPTIONS at this URL \(no OPTIONS/);
  expect(before.explanation.fix).toContain("import { cors } from 'hono/cors';");
  expect(before.explanation.fix).toContain("app.use('/api/*', cors({");
  const code = printedCode(before.explanation.fix);
  const fixed = await started(honoApp((app) => new Function('app', 'cors', code)(app, honoCors)));
  const after = await probe({ url: fixed.url, ...PUT_WITH_TOKEN }, browser);
  expect([after.outcome, after.reason]).toEqual(['allowed', null]);
});

function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), interactive: false };
  return main(['probe', ...args], io).then((code) => ({ code, out, err }));
}

test.describe('cors-lab probe --framework', () => {
  test('several --methods: one merged Allow-Methods line, nothing the server already sends', async () => {
    const allowGet = { 'Access-Control-Allow-Origin': '{reflect}', 'Access-Control-Allow-Methods': 'GET' };
    const actual = { headers: { 'Access-Control-Allow-Origin': '{reflect}', Vary: 'Origin' } };
    const api = await startApi({ [PATH]: { preflight: { headers: allowGet }, actual } });
    running.push({ url: api.url, close: () => api.close() });
    const methods = ['--method', 'GET', '--method', 'PUT', '--method', 'DELETE'];
    const { code, out } = await cli(`${api.url}${PATH}`, '--origin', ORIGIN, ...methods);
    expect(code).toBe(1);
    const merged = out.slice(out.indexOf('fix (every probe above)'));
    const line = 'OPTIONS (preflight): Access-Control-Allow-Methods: GET, PUT, DELETE (instead of GET)';
    expect(merged).toBe(`fix (every probe above)\n  ${line}\n\n`);
    // Each report points to the merged fix instead of repeating its own.
    expect(out.match(/see the fix of every probe, after the table/g)).toHaveLength(2);
    // Applied: the server that sends that line allows all three.
    const preflight = { headers: { ...allowGet, 'Access-Control-Allow-Methods': 'GET, PUT, DELETE' } };
    const fixed = await startApi({ [PATH]: { preflight, actual } });
    running.push({ url: fixed.url, close: () => fixed.close() });
    const again = await cli(`${fixed.url}${PATH}`, '--origin', ORIGIN, ...methods);
    expect(again.code).toBe(0);
  });

  test('auto: a guess from the headers, said to be one, then the fix in that framework', async () => {
    // hono/cors left at its defaults: `*`, which a credentialed request may not use, and its default methods.
    const api = await started(honoApp((app) => app.use(PATH, honoCors())));
    const args = ['--origin', ORIGIN, '--method', 'PUT', '--credentials', 'include', '--framework', 'auto'];
    const { code, out } = await cli(api.url, ...args);
    expect(code).toBe(1);
    const methods = 'GET,HEAD,PUT,POST,DELETE,PATCH(,QUERY)?';
    const basis = `Access-Control-Allow-Methods: ${methods} \\(the middleware's default\\)`;
    const guess = `Framework: hono, a guess from ${basis}`;
    expect(out).toMatch(new RegExp(`${guess} \\(--framework auto; name it with --framework\\)\\.`));
    expect(out).toContain("app.use('/api/*', cors({");
    expect(out).toContain('credentials: true,');
    // The library gives the same fix; applied, the probe is allowed.
    const before = await probe({ url: api.url, ...PUT_WITH_TOKEN, framework: 'auto' }, browser);
    expect(before.framework).toMatchObject({ name: 'hono', guessed: true });
    const printed = printedCode(before.explanation.fix);
    const fixed = await started(honoApp((app) => new Function('app', 'cors', printed)(app, honoCors)));
    const after = await probe({ url: fixed.url, ...PUT_WITH_TOKEN }, browser);
    expect([after.outcome, after.reason]).toEqual(['allowed', null]);
  });

  test('nginx and fastify print their own terms', async () => {
    const api = await startApi({ [PATH]: { preflight: { status: 404 } } });
    running.push({ url: api.url, close: () => api.close() });
    const nginx = await cli(`${api.url}${PATH}`, '--origin', ORIGIN, '--method', 'PUT', '--framework', 'nginx');
    expect(nginx.out).toContain('if ($request_method = OPTIONS) {');
    expect(nginx.out).toContain(`add_header Access-Control-Allow-Origin "${ORIGIN}" always;`);
    const fastify = await cli(`${api.url}${PATH}`, '--origin', ORIGIN, '--method', 'PUT', '--framework', 'fastify');
    expect(fastify.out).toContain('await fastify.register(cors, {');
    expect(fastify.out).toContain('wildcard OPTIONS route');
  });

  test('--json: the record holds the fix as data and the framework, beside the explanation', async () => {
    const api = await startApi({ [PATH]: { preflight: { status: 404 } } });
    running.push({ url: api.url, close: () => api.close() });
    const file = join(await mkdtemp(join(tmpdir(), 'probe-framework-')), 'out.json');
    const args = ['--origin', ORIGIN, '--method', 'PUT', '--framework', 'hono', '--json', file];
    const { code } = await cli(`${api.url}${PATH}`, ...args);
    expect(code).toBe(1);
    const record = JSON.parse(await readFile(file, 'utf8'));
    expect(record.framework).toEqual({ name: 'hono', guessed: false, basis: null });
    expect(record.fix.preflightStatus).toBe(404);
    expect(record.fix.needs).toMatchObject({ origins: [ORIGIN], methods: ['PUT'], preflight: true });
    expect(record.fix.changes).toContainEqual({ response: 'preflight', status: 204, sent: '404', seen: true });
    expect(record.observed.fix).toBeUndefined();
    expect(record.explanation.fix).toContain("app.use('/api/*', cors({");
  });

  test('a framework it does not know: exit 2 naming the flag', async () => {
    const { code, err, out } = await cli('http://127.0.0.1:1/x', '--origin', ORIGIN, '--framework', 'rails');
    expect(code).toBe(2);
    const choices = 'headers, express, fastify, hono, nginx, auto';
    expect(err).toContain(`probe: --framework: expected one of ${choices}, got "rails"`);
    expect(out).toBe('');
  });
});
