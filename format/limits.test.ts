/**
 * The format's upper bounds (limits.ts): for each, one over is refused with its field named, the bound itself is
 * accepted, the catalog stays well inside, and README's "Limits" table says each one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog } from '../experiments/catalog/index.ts';
import {
  FORMAT_LIMITS, MAX_ACCEPT_ORIGINS, MAX_ANSWER_BODY, MAX_COOKIES_PER_RESPONSE, MAX_EXPLAIN, MAX_FRAME_STEPS,
  MAX_HEADER_LINES, MAX_HEADER_NAME, MAX_HEADER_VALUE, MAX_ID, MAX_METHOD, MAX_MIDDLEWARE_ORIGINS, MAX_NAME_LIST,
  MAX_PAGE_HEADER_LINES, MAX_PATH, MAX_POPUP_STEPS, MAX_REDIRECTS, MAX_REQUEST_BODY, MAX_SOCKET_STEPS, MAX_STEPS,
  MAX_STEP_DELAY_MS, MAX_TITLE, MAX_TOTAL_DELAY_MS,
} from './limits.ts';
import { problemText, type Problem } from './problems/index.ts';
import { validateExperiments } from './validate.ts';
import { refusals } from '../test/schema-refusals.ts';

const base = { id: 'bounded', title: 'Bounded', group: 'simple', request: { target: 'api' } };

const problems = (input: object): string[] => refusals(input, 'limits.json');

const many = <T>(count: number, each: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => each(i));
const headers = (count: number): Record<string, string> => Object.fromEntries(many(count, (i) => [`X-H${i}`, 'v']));
const text = (length: number): string => 'a'.repeat(length);
/** An origin (http://aaa….example) of `length` characters, as `event.origin` would show it. */
const originOf = (length: number): string => `http://${text(length - 'http://.example'.length)}.example`;
/** The i-th spelling of a header name in upper and lower case: a different line for the same header. */
const casesOf = (name: string, i: number): string =>
  name.replace(/./g, (c, k: number) => ((i >> (k % 10)) & 1 ? c.toUpperCase() : c));
/** n steps of `api`: the first request and n - 1 then steps that repeat it. */
const stepsOf = (api: string, n: number): object =>
  ({ ...base, request: { api, target: 'partner' }, then: many(n - 1, () => ({ title: 'again' })) });
/** A middleware with these options. */
const behind = (name: string, options: object): object => ({ ...base, server: { middleware: { name, options } } });
/** Steps waiting `total` ms together, each at most the longest one step may wait. */
const waiting = (total: number): object => ({
  ...base,
  then: [
    ...many(Math.floor(total / MAX_STEP_DELAY_MS), () => ({ delayMs: MAX_STEP_DELAY_MS })),
    { delayMs: total % MAX_STEP_DELAY_MS },
  ],
});
type Unit = Extract<Problem, { code: 'tooMany' }>['unit'];
const tooMany = (count: number, max: number, unit: Unit): Problem => ({ code: 'tooMany', count, max, unit });
const tooLong = (length: number, max: number): Problem => ({ code: 'tooLong', length, max });

/** Each bound: an experiment holding `n` of what it counts, where the problem is said, and what it says at n. */
interface Bound {
  name: string;
  max: number;
  at: (n: number) => object;
  /** The field, as the message names it, for an experiment of n. */
  path: string | ((n: number) => string);
  said: (n: number) => Problem;
}

const BOUNDS: Bound[] = [
  { name: 'then steps', max: MAX_STEPS,
    path: 'then',
    said: (n) => tooMany(n, MAX_STEPS, 'steps'),
    at: (n) => ({ ...base, then: many(n, () => ({ request: { method: 'PUT' } })) }) },
  // The first request counts: n framing steps are the first and n - 1 then steps.
  { name: 'framing steps', max: MAX_FRAME_STEPS,
    path: 'then',
    said: (n) => tooMany(n, MAX_FRAME_STEPS, 'frameSteps'),
    at: (n) => stepsOf('iframe', n) },
  { name: 'popup steps', max: MAX_POPUP_STEPS,
    path: 'then',
    said: (n) => tooMany(n, MAX_POPUP_STEPS, 'popupSteps'),
    at: (n) => stepsOf('window-open', n) },
  // A form submits into a popup of its own (runner-page/run-form.ts): it counts as a window and as a framing step.
  { name: 'form steps, each a window', max: MAX_POPUP_STEPS,
    path: 'then',
    said: (n) => tooMany(n, MAX_POPUP_STEPS, 'popupSteps'),
    at: (n) => stepsOf('form', n) },
  { name: 'framing steps, forms among them', max: MAX_FRAME_STEPS,
    path: 'then',
    said: (n) => tooMany(n, MAX_FRAME_STEPS, 'frameSteps'),
    at: (n) => ({
      ...stepsOf('form', MAX_POPUP_STEPS),
      then: [
        ...many(MAX_POPUP_STEPS - 1, () => ({})),
        ...many(n - MAX_POPUP_STEPS, () => ({ request: { api: 'iframe' } })),
      ],
    }) },
  { name: 'socket steps', max: MAX_SOCKET_STEPS,
    path: 'then',
    said: (n) => tooMany(n, MAX_SOCKET_STEPS, 'socketSteps'),
    at: (n) => stepsOf('websocket', n) },
  { name: 'the steps\' delays together', max: MAX_TOTAL_DELAY_MS,
    path: 'then',
    said: (n) => tooMany(n, MAX_TOTAL_DELAY_MS, 'delay'),
    at: waiting },
  { name: 'request header lines', max: MAX_HEADER_LINES,
    path: 'request.headers',
    said: (n) => tooMany(n, MAX_HEADER_LINES, 'lines'),
    at: (n) => ({ ...base, request: { target: 'api', headers: { ...headers(n - 2), 'X-Repeated': ['a', 'b'] } } }) },
  { name: 'answer header lines', max: MAX_HEADER_LINES,
    path: 'server.actual.headers',
    said: (n) => tooMany(n, MAX_HEADER_LINES, 'lines'),
    at: (n) => ({ ...base, server: { actual: { headers: headers(n) } } }) },
  { name: 'a then step\'s header lines', max: MAX_HEADER_LINES,
    path: 'then[0].request.headers',
    said: (n) => tooMany(n, MAX_HEADER_LINES, 'lines'),
    at: (n) => ({ ...base, then: [{ request: { headers: headers(n) } }] }) },
  { name: 'a redirect\'s header lines', max: MAX_HEADER_LINES,
    path: 'server.redirects[0].headers',
    said: (n) => tooMany(n, MAX_HEADER_LINES, 'lines'),
    at: (n) => ({ ...base, server: { redirects: [{ to: 'api', headers: headers(n) }] } }) },
  { name: 'a header name', max: MAX_HEADER_NAME,
    path: (n) => `server.preflight.headers.X${text(n - 1)}`,
    said: (n) => tooLong(n, MAX_HEADER_NAME),
    at: (n) => ({ ...base, server: { preflight: { headers: { [`X${text(n - 1)}`]: 'v' } } } }) },
  { name: 'a header value', max: MAX_HEADER_VALUE,
    path: 'request.headers.X',
    said: (n) => tooLong(n, MAX_HEADER_VALUE),
    at: (n) => ({ ...base, request: { target: 'api', headers: { X: text(n) } } }) },
  { name: 'Set-Cookie lines', max: MAX_COOKIES_PER_RESPONSE,
    path: 'server.actual.headers["Set-Cookie"]',
    said: (n) => tooMany(n, MAX_COOKIES_PER_RESPONSE, 'cookies'),
    at: (n) => ({ ...base, server: { actual: { headers: { 'Set-Cookie': many(n, (i) => `c${i}=1`) } } } }) },
  { name: 'pageHeaders lines', max: MAX_PAGE_HEADER_LINES,
    path: 'pageHeaders',
    said: (n) => tooMany(n, MAX_PAGE_HEADER_LINES, 'lines'),
    at: (n) => ({
      ...base, pageHeaders: Object.fromEntries(many(n, (i) => [casesOf('content-security-policy', i), 'img-src *'])),
    }) },
  { name: 'readableHeaders', max: MAX_NAME_LIST,
    path: 'expect.readableHeaders',
    said: (n) => tooMany(n, MAX_NAME_LIST, 'entries'),
    at: (n) => ({ ...base, expect: { readableHeaders: many(n, (i) => `x-h${i}`) } }) },
  { name: 'a then step\'s hiddenHeaders', max: MAX_NAME_LIST,
    path: 'then[0].expect.hiddenHeaders',
    said: (n) => tooMany(n, MAX_NAME_LIST, 'entries'),
    at: (n) => ({ ...base, then: [{ expect: { hiddenHeaders: many(n, (i) => `x-h${i}`) } }] }) },
  { name: 'hono/cors allowHeaders', max: MAX_NAME_LIST,
    path: 'server.middleware.options.allowHeaders',
    said: (n) => tooMany(n, MAX_NAME_LIST, 'entries'),
    at: (n) => behind('hono/cors', { allowHeaders: many(n, (i) => `X-H${i}`) }) },
  { name: 'cors methods', max: MAX_NAME_LIST,
    path: 'server.middleware.options.methods',
    said: (n) => tooMany(n, MAX_NAME_LIST, 'entries'),
    at: (n) => behind('cors', { methods: many(n, (i) => `M${i}`) }) },
  // A string list is sent as written and read by the browser split on commas: its entries are counted the same.
  { name: 'cors methods as a comma-separated string', max: MAX_NAME_LIST,
    path: 'server.middleware.options.methods',
    said: (n) => tooMany(n, MAX_NAME_LIST, 'entries'),
    at: (n) => behind('cors', { methods: many(n, (i) => `M${i}`).join(',') }) },
  { name: 'cors allowedHeaders as a comma-separated string', max: MAX_NAME_LIST,
    path: 'server.middleware.options.allowedHeaders',
    said: (n) => tooMany(n, MAX_NAME_LIST, 'entries'),
    at: (n) => behind('cors', { allowedHeaders: many(n, (i) => `X-H${i}`).join(', ') }) },
  { name: 'cors exposedHeaders as a comma-separated string', max: MAX_NAME_LIST,
    path: 'server.middleware.options.exposedHeaders',
    said: (n) => tooMany(n, MAX_NAME_LIST, 'entries'),
    at: (n) => behind('cors', { exposedHeaders: many(n, (i) => `X-H${i}`).join(',') }) },
  { name: 'cors origins', max: MAX_MIDDLEWARE_ORIGINS,
    path: 'server.middleware.options.origin',
    said: (n) => tooMany(n, MAX_MIDDLEWARE_ORIGINS, 'entries'),
    at: (n) => behind('cors', { origin: many(n, (i) => `http://h${i}.example`) }) },
  { name: 'hono/cors origins', max: MAX_MIDDLEWARE_ORIGINS,
    path: 'server.middleware.options.origin',
    said: (n) => tooMany(n, MAX_MIDDLEWARE_ORIGINS, 'entries'),
    at: (n) => behind('hono/cors', { origin: many(n, (i) => `http://h${i}.example`) }) },
  { name: 'redirects', max: MAX_REDIRECTS,
    path: 'server.redirects',
    said: () => ({ code: 'tooManyRedirects', max: MAX_REDIRECTS }),
    at: (n) => ({ ...base, server: { redirects: many(n, () => ({ to: 'api' })) } }) },
  { name: 'acceptOrigins', max: MAX_ACCEPT_ORIGINS,
    path: 'server.acceptOrigins',
    said: () => ({ code: 'acceptOriginsCount', max: MAX_ACCEPT_ORIGINS }),
    at: (n) => ({ ...base, server: { acceptOrigins: many(n, () => '{page}') } }) },
  { name: 'an accepted origin', max: MAX_HEADER_VALUE,
    path: 'server.acceptOrigins[0]',
    said: (n) => tooLong(n, MAX_HEADER_VALUE),
    at: (n) => ({ ...base, server: { acceptOrigins: [text(n)] } }) },
  { name: 'a postMessage targetOrigin', max: MAX_HEADER_VALUE,
    path: 'request.targetOrigin',
    said: (n) => tooLong(n, MAX_HEADER_VALUE),
    at: (n) => ({ ...base, request: { api: 'postMessage', target: 'partner', targetOrigin: originOf(n) } }) },
  { name: 'an origin acceptMessagesFrom lists', max: MAX_HEADER_VALUE,
    path: 'server.actual.page.acceptMessagesFrom[1]',
    said: (n) => tooLong(n, MAX_HEADER_VALUE),
    at: (n) => ({
      ...base, request: { api: 'postMessage', target: 'partner' },
      server: { actual: { page: { acceptMessagesFrom: ['{page}', originOf(n)] } } },
    }) },
  { name: 'a redirect\'s userinfo', max: MAX_PATH,
    path: 'server.redirects[0].userinfo',
    said: (n) => tooLong(n, MAX_PATH),
    at: (n) => ({ ...base, server: { redirects: [{ to: 'api', userinfo: `user:${text(n - 'user:'.length)}` }] } }) },
  { name: 'title', max: MAX_TITLE,
    path: 'title',
    said: (n) => tooLong(n, MAX_TITLE),
    at: (n) => ({ ...base, title: text(n) }) },
  { name: 'a step\'s title', max: MAX_TITLE,
    path: 'then[0].title',
    said: (n) => tooLong(n, MAX_TITLE),
    at: (n) => ({ ...base, then: [{ title: text(n) }] }) },
  { name: 'explain', max: MAX_EXPLAIN,
    path: 'explain',
    said: (n) => tooLong(n, MAX_EXPLAIN),
    at: (n) => ({ ...base, explain: text(n) }) },
  { name: 'id', max: MAX_ID,
    path: 'id',
    said: (n) => tooLong(n, MAX_ID),
    at: (n) => ({ ...base, id: text(n) }) },
  { name: 'group', max: MAX_ID,
    path: 'group',
    said: (n) => tooLong(n, MAX_ID),
    at: (n) => ({ ...base, group: text(n) }) },
  { name: 'a method', max: MAX_METHOD,
    path: 'request.method',
    said: (n) => tooLong(n, MAX_METHOD),
    at: (n) => ({ ...base, request: { target: 'api', method: text(n).toUpperCase() } }) },
  { name: 'the request path', max: MAX_PATH,
    path: 'request.path',
    said: (n) => tooLong(n, MAX_PATH),
    at: (n) => ({ ...base, request: { target: 'api', path: `/${text(n - 1)}` } }) },
  { name: 'a redirect\'s path', max: MAX_PATH,
    path: 'server.redirects[0].path',
    said: (n) => tooLong(n, MAX_PATH),
    at: (n) => ({ ...base, server: { redirects: [{ to: 'api', path: `/${text(n - 1)}` }] } }) },
  { name: 'the request body', max: MAX_REQUEST_BODY,
    path: 'request.body',
    said: (n) => tooLong(n, MAX_REQUEST_BODY),
    at: (n) => ({ ...base, request: { target: 'api', method: 'POST', body: text(n) } }) },
  { name: 'the actual answer\'s body', max: MAX_ANSWER_BODY,
    path: 'server.actual.body',
    said: (n) => tooLong(n, MAX_ANSWER_BODY),
    at: (n) => ({ ...base, server: { actual: { body: text(n) } } }) },
  { name: 'the preflight\'s body', max: MAX_ANSWER_BODY,
    path: 'server.preflight.body',
    said: (n) => tooLong(n, MAX_ANSWER_BODY),
    at: (n) => ({ ...base, server: { preflight: { status: 200, body: text(n) } } }) },
  { name: 'expect.requestHeadersSeen', max: MAX_HEADER_VALUE,
    path: 'expect.requestHeadersSeen',
    said: (n) => tooLong(n, MAX_HEADER_VALUE),
    at: (n) => ({ ...base, expect: { requestHeadersSeen: text(n) } }) },
];

describe('the format\'s upper bounds', () => {
  for (const { name, max, at, path, said } of BOUNDS) {
    const field = typeof path === 'string' ? () => path : path;
    it(`${name}: ${max} accepted, ${max + 1} refused naming ${field(1)}`, () => {
      expect(problems(at(max))).toEqual([]);
      expect(problems(at(max + 1))).toEqual([`limits.json: ${field(max + 1)}: ${problemText(said(max + 1))}`]);
    });
  }

  it('hold the catalog inside: a quarter of each list, body and delay bound; titles and ids three quarters', () => {
    type Entry = (typeof catalog)[number];
    const largest = (select: (e: Entry) => number): number => Math.max(...catalog.map(select));
    const longest = (values: Array<string | undefined>): number => Math.max(0, ...values.map((v) => v?.length ?? 0));
    const steps = (e: Entry) => [e.request, ...(e.then ?? []).map((step) => step.request ?? {})];
    // [what, the catalog's largest, the bound, the share of it the catalog may use]
    const measured: Array<[string, number, number, number]> = [
      ['then', largest((e) => e.then?.length ?? 0), MAX_STEPS, 1 / 4],
      ['explain', largest((e) => e.explain?.length ?? 0), MAX_EXPLAIN, 1 / 4],
      ['answer header lines', largest((e) => Object.keys(e.server?.actual?.headers ?? {}).length),
        MAX_HEADER_LINES, 1 / 4],
      ['delays together', largest((e) => (e.then ?? []).reduce((sum, s) => sum + (s.delayMs ?? 0), 0)),
        MAX_TOTAL_DELAY_MS, 1 / 4],
      ['request.path', largest((e) => e.request.path?.length ?? 0), MAX_PATH, 1 / 4],
      ['request bodies', largest((e) => longest(steps(e).map((r) => r.body ?? undefined))), MAX_REQUEST_BODY, 1 / 4],
      ['server.actual.body', largest((e) => e.server?.actual?.body?.length ?? 0), MAX_ANSWER_BODY, 1 / 4],
      ['server.redirects', largest((e) => e.server?.redirects?.length ?? 0), MAX_REDIRECTS, 1 / 4],
      // Titles are sentences a learner reads and ids spell them: the catalog's longest are 132 and 55 characters.
      ['title', largest((e) => e.title.length), MAX_TITLE, 3 / 4],
      ['id', largest((e) => e.id.length), MAX_ID, 3 / 4],
    ];
    for (const [what, catalogLargest, max, share] of measured) {
      expect(catalogLargest, `${what}: the catalog's largest, of ${max}`).toBeLessThanOrEqual(max * share);
      expect(catalogLargest, `${what}: the catalog uses it`).toBeGreaterThan(0);
    }
    expect(validateExperiments(catalog, 'catalog')).toHaveLength(catalog.length);
  });

  it('are all defined in limits.ts, each one a row of FORMAT_LIMITS', async () => {
    const defined = Object.entries(await import('./limits.ts')).filter(([, value]) => typeof value === 'number');
    for (const [name, max] of defined) expect(FORMAT_LIMITS.map((row) => row.max), name).toContain(max);
    // Elsewhere in format/: RE2's own rule for a repetition, and the servers' capacity for open sockets.
    const elsewhere = readdirSync(new URL('.', import.meta.url), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'limits.ts')
      .flatMap((file) => [...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/export const (MAX_\w+)/g)])
      .map(([, name]) => name);
    expect(elsewhere.sort()).toEqual(['MAX_OPEN_SOCKETS', 'MAX_REPEAT']);
  });

  it('are every one a row of README\'s Limits table, with its number', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('### Limits\n');
    const table = readme.slice(start, readme.indexOf('\n#', start + 1));
    for (const { fields, max, counted } of FORMAT_LIMITS) {
      expect(table, fields).toContain(`| ${fields} | ${max.toLocaleString('en-US')} ${counted} |`);
    }
    expect(table.split('\n').filter((line) => /^\| .* \| [\d,]+ .* \|$/.test(line))).toHaveLength(FORMAT_LIMITS.length);
  });
});
