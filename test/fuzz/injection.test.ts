/**
 * Injection over every plan string that reaches the wire, on the normal path
 * (methods Node knows) and the raw-packet path (CHICKEN): each is refused
 * with a 400 JSON naming the field, and no response head carries an injected
 * line or a control byte. The same plans are refused by the schema, so
 * `cors-lab run` refuses such a file at load.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { jsonPath, validateExperiments } from '../../format/validate.ts';
import { toBase64Url } from '../../plan/plan-url.ts';
import { PLAN_PREFIX } from '../../plan/routes.ts';
import { malformedHeadLines, parseResponses, rawExchange, requestBytes } from './raw-client.ts';
import { suiteLab } from './suite-lab.ts';

/** Each tries to end the line and start `X-Injected`, directly or through what a latin1 write makes of it. */
const VALUES = ['\r\nX-Injected: 1', '\nX-Injected:1', '\rX-Injected:1', 'a\u0000b', 'a\u007fb', '\u010d\u010aX-Injected:1', '\u560d\u560aX-Injected:1', 'a\u0100b'];
const NAMES = ['X-A\r\nX-Injected: 1', 'X-A\u0000', 'X-\u010d\u010aX-Injected', 'X-A:B', 'X A', 'X-\u00e9'];

type Plan = { p: unknown; s: Record<string, unknown> };
interface Case {
  title: string;
  plan: Plan;
  field: readonly PropertyKey[];
  /** Preflight fields are reached only by a preflight, which Node always parses. */
  preflight?: boolean;
  /** The plan as JSON text, when JSON.stringify could not write it (too deep for its recursion). */
  json?: string;
}

const headerCases = (where: string, wrap: (headers: Record<string, unknown>) => Plan, path: readonly PropertyKey[], preflight = false): Case[] => [
  ...VALUES.map((v) => ({ title: `${where} header value ${JSON.stringify(v)}`, plan: wrap({ 'X-A': v }), field: [...path, 'X-A'], preflight })),
  ...VALUES.slice(0, 2).map((v) => ({ title: `${where} repeated header value ${JSON.stringify(v)}`, plan: wrap({ 'X-A': ['ok', v] }), field: [...path, 'X-A', 1], preflight })),
  ...NAMES.map((n) => ({ title: `${where} header name ${JSON.stringify(n)}`, plan: wrap({ [n]: 'x' }), field: [...path, n], preflight })),
  ...['Content-Length', 'transfer-encoding', 'Connection', 'Keep-Alive'].map((n) => ({ title: `${where} framing header ${n}`, plan: wrap({ [n]: n.length === 14 ? '0' : 'close' }), field: [...path, n], preflight })),
];

const CASES: Case[] = [
  ...headerCases('actual', (headers) => ({ p: 'app', s: { actual: { headers } } }), ['server', 'actual', 'headers']),
  ...headerCases('preflight', (headers) => ({ p: 'app', s: { preflight: { headers } } }), ['server', 'preflight', 'headers'], true),
  ...headerCases('redirect', (headers) => ({ p: 'app', s: { redirects: [{ to: 'api2', headers }] } }), ['server', 'redirects', 0, 'headers']),
  ...VALUES.map((v) => ({ title: `redirect path ${JSON.stringify(v)}`, plan: { p: 'app', s: { redirects: [{ to: 'api2', path: `/next${v}` }] } }, field: ['server', 'redirects', 0, 'path'] })),
  { title: 'redirect path setting a cookie', plan: { p: 'app', s: { redirects: [{ to: 'api2', path: '/x\r\nSet-Cookie: lab=owned' }] } }, field: ['server', 'redirects', 0, 'path'] },
  ...VALUES.map((v) => ({ title: `redirect userinfo ${JSON.stringify(v)}`, plan: { p: 'app', s: { redirects: [{ to: 'api2', userinfo: `u${v}:p` }] } }, field: ['server', 'redirects', 0, 'userinfo'] })),
  ...[1000, 99, 200.5, '200\r\nX-Injected: 1'].map((status) => ({ title: `actual status ${JSON.stringify(status)}`, plan: { p: 'app', s: { actual: { status } } }, field: ['server', 'actual', 'status'] })),
  ...[200, '302\r\nX-Injected: 1'].map((status) => ({ title: `redirect status ${JSON.stringify(status)}`, plan: { p: 'app', s: { redirects: [{ to: 'api2', status }] } }, field: ['server', 'redirects', 0, 'status'] })),
  { title: 'redirect to an unknown origin', plan: { p: 'app', s: { redirects: [{ to: 'api2\r\nX-Injected: 1' }] } }, field: ['server', 'redirects', 0, 'to'] },
  // server.middleware: option strings the real hono/cors or Express cors write as header values.
  ...VALUES.map((v) => ({ title: `hono/cors origin ${JSON.stringify(v)}`, plan: { p: 'app', s: { middleware: { name: 'hono/cors', options: { origin: `http://x${v}` } } } }, field: ['server', 'middleware', 'options', 'origin'] })),
  ...VALUES.map((v) => ({ title: `hono/cors origin list ${JSON.stringify(v)}`, plan: { p: 'app', s: { middleware: { name: 'hono/cors', options: { origin: ['http://localhost:1', `http://x${v}`] } } } }, field: ['server', 'middleware', 'options', 'origin', 1] })),
  ...VALUES.map((v) => ({ title: `cors origin ${JSON.stringify(v)}`, plan: { p: 'app', s: { middleware: { name: 'cors', options: { origin: `http://x${v}` } } } }, field: ['server', 'middleware', 'options', 'origin'] })),
  ...['methods', 'allowedHeaders', 'exposedHeaders'].flatMap((option) =>
    VALUES.map((v) => ({ title: `cors ${option} string ${JSON.stringify(v)}`, plan: { p: 'app', s: { middleware: { name: 'cors', options: { [option]: `X-A${v}` } } } }, field: ['server', 'middleware', 'options', option] })),
  ),
  { title: 'page with CR LF', plan: { p: 'app\r\nX-Injected: 1', s: {} }, field: ['page'] },
  { title: 'page an object whose toString is not callable', plan: { p: { toString: 1 }, s: {} }, field: ['page'] },
  { title: 'page arrays nested 5,000 deep', plan: { p: JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`), s: {} }, json: `{"p":${'['.repeat(5000)}${']'.repeat(5000)},"s":{}}`, field: ['page'] },
];

describe('injection over every plan field', () => {
  const suite = suiteLab();

  for (const c of CASES) {
    const paths = c.preflight ? ['normal'] : ['normal', 'raw-packet'];
    for (const path of paths) {
      it(`${c.title}: 400 naming ${jsonPath(c.field)} on the ${path} path, nothing injected`, async () => {
        const run = `inj-${Math.random().toString(36).slice(2, 10)}`;
        const target = `${PLAN_PREFIX}${run}/0/${toBase64Url(c.json ?? JSON.stringify(c.plan))}/`;
        const method = path === 'raw-packet' ? 'CHICKEN' : c.preflight ? 'OPTIONS' : 'GET';
        const headers = ['Origin: http://localhost:1', ...(c.preflight ? ['Access-Control-Request-Method: PUT'] : [])];
        const { text } = await rawExchange(suite.port, [requestBytes(method, target, `localhost:${suite.port}`, headers)]);
        const [response] = parseResponses(text);
        expect(response?.statusLine).toMatch(/^HTTP\/1\.1 400 Bad Request$/);
        expect(malformedHeadLines(response!)).toEqual([]);
        expect(response!.lines.filter((l) => /^(x-injected|set-cookie):/i.test(l))).toEqual([]);
        expect(JSON.parse(response!.body)).toMatchObject({ field: jsonPath(c.field) });
        expect(suite.lab.journal.read(run).entries.map((e) => e.status)).toEqual([400]);
      });
    }
  }

  for (const [title, server] of [
    ['the plan', { actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}' } } }],
    ['hono/cors', { middleware: { name: 'hono/cors', options: { origin: '{reflect}' } } }],
    ['Express cors', { middleware: { name: 'cors', options: { origin: ['{reflect}'] } } }],
  ] as const) {
    it(`refuses a hostile Origin reflected by {reflect} through ${title} on the raw-packet path, nothing injected`, async () => {
      const target = `${PLAN_PREFIX}refl/0/${toBase64Url(JSON.stringify({ p: 'app', s: server }))}/`;
      for (const origin of ['http://a\x7fb', 'http://a\x00b', 'http://a\x01b']) {
        const { text } = await rawExchange(suite.port, [requestBytes('CHICKEN', target, `localhost:${suite.port}`, [`Origin: ${origin}`])]);
        const [response] = parseResponses(text);
        expect(response?.status).toBe(400);
        expect(malformedHeadLines(response!)).toEqual([]);
        expect([response!.statusLine, ...response!.lines].join('')).not.toMatch(/[\x00-\x08\x0a-\x1f\x7f]/);
      }
    });
  }
});

describe('the schema refuses the same plans, so `cors-lab run` refuses the file at load', () => {
  const experiment = (plan: Plan) => ({ id: 'x', title: 'x', group: 'simple', page: plan.p, request: { target: 'api' }, server: plan.s });

  for (const c of CASES) {
    it(`${c.title}: refused at ${jsonPath(c.field)}`, () => {
      expect(() => validateExperiments(experiment(c.plan), 'plans.json')).toThrow(`plans.json: ${jsonPath(c.field)}: `);
    });
  }

  it('cors-lab run exits 2 naming the file and the JSON path, before any browser starts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cors-lab-injection-'));
    const file = join(dir, 'injected.json');
    await writeFile(file, JSON.stringify([experiment({ p: 'app', s: {} }), { ...experiment({ p: 'app', s: { redirects: [{ to: 'api2', path: '/x\r\nSet-Cookie: lab=owned' }] } }), id: 'y' }]));
    let err = '';
    const code = await main(['run', file], { out: () => undefined, err: (t) => void (err += t), interactive: false });
    expect(code).toBe(2);
    expect(err).toContain(`${file}: [1].server.redirects[0].path: invalid path`);
    // The run command's first import loads the runner and playwright-core: seconds on a busy machine.
  }, 30_000);
});
