/**
 * A deterministic plan fuzzer: from a seed, requests to planned URLs with
 * random and mutated plans, bad base64, invalid UTF-8, deep JSON, huge URLs
 * and every kind of method token. Each case says which 5xx its plan asked
 * for, so the oracle can tell an answer from a crash.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import { ORIGIN_NAMES } from '../../plan/origins.ts';
import { encodePlan, toBase64Url } from '../../plan/plan-url.ts';
import { PLAN_PREFIX } from '../../plan/routes.ts';
import { malformedHeadLines, parseResponses, rawExchange, requestBytes } from './raw-client.ts';

export interface FuzzCase {
  method: string;
  target: string;
  headers: string[];
  /** Statuses >= 500 the plan itself asks for (the only 5xx allowed). `{host}` in target: the lab's host:port. */
  askedStatuses: number[];
  /** The target is a well-formed planned URL path, or a request-target form (so a 400 must be JSON naming the field). */
  planned: boolean;
  kind: string;
}

/** mulberry32: small, seedable, good enough to spread cases. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = ['\r\nX-Injected: 1', '\nX-Injected: 1', 'a\u0000b', 'a\u007fb', '\u010d\u010aX-Injected: 1', '\u560d\u560aX-Injected: 1', 'é', '', ' ', '{reflect}', '{origin:nope}', '{page}', 'x'.repeat(3000)];
const NAMES = ['Access-Control-Allow-Origin', 'X-Custom', 'Set-Cookie', 'Content-Length', 'Transfer-Encoding', 'Connection', 'Keep-Alive', 'Location', '__proto__', 'constructor', 'bad name', 'a:b', '', 'Ünicode'];
/**
 * Origin patterns for Express cors: nested repetition that backtracks for
 * hours on HOSTILE_ORIGIN in JavaScript's engine (linear on the lab's:
 * format/origin-pattern.ts), and patterns that engine refuses
 * (a backreference, lookaround, flag g, a count past RE2's limit), and a large one it takes.
 */
const REGEXES = [
  '/^http:\\/\\/localhost:\\d+$/', '/^http:\\/\\/(a+)+$/', '/(a|a)*$/', '/[/', '/x/q', '/.*/',
  '/^(a)\\1$/', '/a(?=b)/', '/a/g', '/(a{100}){11}/', '/[a-z]{1000}b{1000}/',
];
const HOSTILE_ORIGIN = `http://${'a'.repeat(40)}!`;
const MIDDLEWARE_OPTIONS = ['origin', 'allowMethods', 'allowHeaders', 'exposeHeaders', 'methods', 'allowedHeaders', 'exposedHeaders', 'maxAge', '__proto__', 'bogus'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'patch', 'CHICKEN', 'M-SEARCH', "!#$%&'*+-.^_`|~", 'X'.repeat(40), 'get'];

export function fuzzCases(seed: number, count: number): FuzzCase[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const anyValue = (depth: number): unknown => {
    const r = rnd();
    if (depth > 3 || r < 0.25) return pick(HOSTILE);
    if (r < 0.35) return Math.floor(rnd() * 1200) - 100;
    if (r < 0.4) return pick([null, true, false, 1.5, -0, 1e308]);
    if (r < 0.5) return { toString: 1, valueOf: 'x' };
    if (r < 0.6) return nested(1 + Math.floor(rnd() * 2000));
    if (r < 0.8) return Array.from({ length: Math.floor(rnd() * 3) }, () => anyValue(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 3) }, () => [pick(NAMES), anyValue(depth + 1)]));
  };
  const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));
  const headerMap = (): Record<string, unknown> => Object.fromEntries(Array.from({ length: Math.floor(rnd() * 4) }, () => [pick(NAMES), rnd() < 0.7 ? pick(HOSTILE.concat(['*', 'ok'])) : anyValue(2)]));
  const answer = (): Record<string, unknown> => ({
    ...(rnd() < 0.5 ? { status: rnd() < 0.8 ? 100 + Math.floor(rnd() * 520) : anyValue(2) } : {}),
    ...(rnd() < 0.7 ? { headers: headerMap() } : {}),
    ...(rnd() < 0.3 ? { body: rnd() < 0.8 ? pick(HOSTILE) : anyValue(2) } : {}),
    ...(rnd() < 0.1 ? { extra: 1 } : {}),
  });
  /** `server.middleware`: the real hono/cors or Express cors, with hostile, catastrophic (`(a+)+`) and mistyped options. */
  const middleware = (): unknown => {
    const option = (): unknown => (rnd() < 0.5 ? pick([...HOSTILE, ...REGEXES, '*', '{page}', '{origin:api}']) : rnd() < 0.5 ? [pick(HOSTILE), pick(REGEXES), 'http://localhost:1'] : anyValue(2));
    const options = Object.fromEntries(Array.from({ length: Math.floor(rnd() * 4) }, () => [pick(MIDDLEWARE_OPTIONS), option()]));
    if (rnd() < 0.3) options[pick(['optionsSuccessStatus', 'maxAge'])] = pick([200, 204, 205, 299, 304, 500, 599, -1, 1.5, 1e9]);
    if (rnd() < 0.3) options[pick(['credentials', 'preflightContinue'])] = pick([true, false, 'yes']);
    // Half are well-formed, so the middleware itself runs: catastrophic patterns meet HOSTILE_ORIGIN there.
    if (rnd() < 0.5) return pick([{ name: 'cors', options: { origin: pick([REGEXES[0]!, REGEXES[5]!, '{page}', true, ['http://localhost:1', REGEXES[1]!]]), credentials: rnd() < 0.5 } }, { name: 'hono/cors', options: { origin: pick(['*', '{page}', ['{page}', '{origin:api}']]), exposeHeaders: ['X-A'] } }]);
    return rnd() < 0.9 ? { name: pick(['hono/cors', 'cors', 'cors', 'express']), ...(rnd() < 0.9 ? { options } : {}) } : anyValue(1);
  };
  const plan = (): { p: unknown; s: Record<string, unknown> } => {
    const s: Record<string, unknown> = {};
    if (rnd() < 0.3) s.middleware = middleware();
    if (rnd() < 0.6) s.actual = answer();
    if (rnd() < 0.4) s.preflight = answer();
    if (rnd() < 0.4) {
      s.redirects = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => ({
        to: rnd() < 0.8 ? pick(ORIGIN_NAMES) : anyValue(2),
        ...(rnd() < 0.5 ? { status: pick([301, 302, 303, 307, 308, 200, 500]) } : {}),
        ...(rnd() < 0.4 ? { path: rnd() < 0.5 ? `/p${pick(HOSTILE)}` : anyValue(2) } : {}),
        ...(rnd() < 0.3 ? { userinfo: rnd() < 0.5 ? `u${pick(HOSTILE)}:p` : anyValue(2) } : {}),
        ...(rnd() < 0.5 ? { headers: headerMap() } : {}),
      }));
    }
    if (rnd() < 0.1) return { p: anyValue(0), s };
    return { p: rnd() < 0.9 ? pick([...ORIGIN_NAMES, 'null']) : anyValue(1), s };
  };
  const asked = (value: { s?: unknown }): number[] => {
    const s = value.s as Record<string, { status?: unknown; options?: { optionsSuccessStatus?: unknown } } | undefined> | undefined;
    return [s?.actual?.status, s?.preflight?.status, s?.middleware?.options?.optionsSuccessStatus].filter((v): v is number => typeof v === 'number' && v >= 500);
  };
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    const method = pick(METHODS);
    const headers = [`Origin: ${pick(['http://localhost:1', 'null', 'http://evil.example', HOSTILE_ORIGIN])}`];
    if (method === 'OPTIONS' && rnd() < 0.8) headers.push('Access-Control-Request-Method: PUT');
    if (method === 'OPTIONS' && rnd() < 0.5) headers.push(`Access-Control-Request-Headers: ${pick(['x-a', 'x-a, authorization', '__proto__', 'é'])}`);
    const run = `f${seed}-${i}`;
    const r = rnd();
    let token: string;
    let askedStatuses: number[] = [];
    let kind: string;
    if (r < 0.45) {
      const value = plan();
      token = toBase64Url(JSON.stringify(value));
      askedStatuses = asked(value);
      kind = 'random plan';
    } else if (r < 0.7) {
      const source = pick(catalog);
      const json = JSON.stringify({ p: source.page ?? 'app', s: source.server ?? {} });
      const at = Math.floor(rnd() * json.length);
      const mutated = json.slice(0, at) + pick(['', '"', '{', '\\u0000', '9', '[', '\r\n', 'é']) + json.slice(at + Math.floor(rnd() * 3));
      token = toBase64Url(mutated);
      try {
        askedStatuses = asked(JSON.parse(mutated) as { s?: unknown });
      } catch {
        askedStatuses = [];
      }
      kind = 'mutated catalog plan';
    } else if (r < 0.8) {
      token = pick(['!!!', 'a', 'ab=', '_-_-', Buffer.from([0xff, 0xfe, 0xc3, 0x28]).toString('base64url'), Buffer.from('{"p":"app","s":{"actual":{"body":"\xff"}}}', 'latin1').toString('base64url')]);
      kind = 'bad base64 or UTF-8';
    } else if (r < 0.9) {
      const depth = 1000 + Math.floor(rnd() * 4000);
      token = toBase64Url(`{"p":"app","s":{"actual":{"headers":{"X":${'['.repeat(depth)}${']'.repeat(depth)}}}}}`);
      kind = 'deep JSON';
    } else if (r < 0.95) {
      token = encodePlan({ page: 'app', server: {} });
      kind = 'huge URL';
      cases.push({ method, target: `${PLAN_PREFIX}${run}/0/${token}/${'a'.repeat(rnd() < 0.5 ? 20_000 : 1_000_000)}`, headers, askedStatuses, planned: true, kind });
      continue;
    } else if (r < 0.97) {
      // Request-target forms (RFC 9112 3.2): absolute-form on the lab's own host or another, asterisk-form, authority-form.
      token = encodePlan({ page: 'app', server: {} });
      const path = `${PLAN_PREFIX}${run}/0/${token}/`;
      const target = pick([`http://{host}${path}`, `HTTP://{host}${path}`, `http://evil.example${path}`, `http://u@{host}${path}`, '*', '{host}', `https://{host}${path}`]);
      cases.push({ method: rnd() < 0.2 ? 'CONNECT' : method, target, headers, askedStatuses, planned: true, kind: 'request-target form' });
      continue;
    } else {
      token = encodePlan({ page: 'app', server: {} });
      kind = 'bad run or hop';
      cases.push({ method, target: `${PLAN_PREFIX}${pick(['UPPER', '', 'a'.repeat(65), 'ok'])}/${pick(['x', '100', '', '-1', '1'])}/${token}/`, headers, askedStatuses, planned: true, kind });
      continue;
    }
    cases.push({ method, target: `${PLAN_PREFIX}${run}/${rnd() < 0.8 ? 0 : Math.floor(rnd() * 3)}/${token}${pick(['/', '/x?y=1', '/%0d%0a'])}`, headers, askedStatuses, planned: true, kind });
  }
  return cases;
}

/** What went wrong with one case's answer, or null when it was a proper answer. */
export function judge(fuzzCase: FuzzCase, text: string, closed: boolean): string | null {
  const [response] = parseResponses(text);
  if (!response) return closed ? 'closed without an answer' : 'hang: no answer before the deadline';
  const bad = malformedHeadLines(response);
  if (bad.length) return `malformed head line ${JSON.stringify(bad[0])}`;
  if (response.lines.some((l) => /^x-injected:/i.test(l))) return 'an injected header line went out';
  // Every reply a plan shapes, through a middleware or not, is sandboxed; only the lab's own JSON answers are not.
  if (fuzzCase.planned && !response.lines.includes('Content-Security-Policy: sandbox') && !/^\{"error":/.test(response.body) && fuzzCase.method !== 'HEAD') {
    return `${response.status} without Content-Security-Policy: sandbox`;
  }
  if (response.status >= 500 && !fuzzCase.askedStatuses.includes(response.status)) return `unasked ${response.status}`;
  if (response.status === 400 && fuzzCase.planned && fuzzCase.method !== 'HEAD') {
    try {
      const body = JSON.parse(response.body) as { field?: unknown };
      if (typeof body.field !== 'string' || body.field === '') return `400 without a field: ${response.body.slice(0, 200)}`;
    } catch {
      return `400 that is not JSON: ${JSON.stringify(response.body.slice(0, 200))}`;
    }
  }
  return null;
}

export interface FuzzFigures {
  requests: number;
  byStatus: Record<number, number>;
  failures: Array<{ kind: string; method: string; problem: string }>;
  hangs: number;
  ms: number;
}

/** Sends every case to one of `ports` (concurrently, `parallel` at a time) and judges each answer. */
export async function runFuzz(cases: readonly FuzzCase[], ports: readonly number[], parallel = 16): Promise<FuzzFigures> {
  const figures: FuzzFigures = { requests: 0, byStatus: {}, failures: [], hangs: 0, ms: 0 };
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const index = next++;
      const fuzzCase = cases[index]!;
      const port = ports[index % ports.length]!;
      const host = `localhost:${port}`;
      const { text, closed } = await rawExchange(port, [requestBytes(fuzzCase.method, fuzzCase.target.replaceAll('{host}', host), host, fuzzCase.headers)], { deadlineMs: 10_000 });
      figures.requests++;
      const status = Number(text.split(' ')[1]);
      figures.byStatus[status] = (figures.byStatus[status] ?? 0) + 1;
      const problem = judge(fuzzCase, text, closed);
      if (problem?.startsWith('hang')) figures.hangs++;
      if (problem) figures.failures.push({ kind: fuzzCase.kind, method: fuzzCase.method, problem });
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  figures.ms = performance.now() - started;
  return figures;
}
