/**
 * A plan's `/regular expression/` origin (Express cors) meets any Origin a
 * page or a raw client sends, on the normal and the raw-packet path: a
 * backtracking pattern answers at once, as the package answers a pattern that
 * does not match, the same way every time; a pattern the linear engine does
 * not take gets a 400 naming the option and its index (format/origin-pattern.ts).
 */
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../plan/plan-url.ts';
import { PLAN_PREFIX } from '../plan/routes.ts';
import { parseResponses, rawExchange, requestBytes } from '../test/fuzz/raw-client.ts';
import { suiteLab } from '../test/fuzz/suite-lab.ts';

/** 2^40 backtracking steps for /^http:\/\/(a+)+$/ on JavaScript's engine: hours. */
const HOSTILE_ORIGIN = `http://${'a'.repeat(40)}!`;
const ALLOWED = 'http://localhost:1';

const target = (run: string, plan: object): string => `${PLAN_PREFIX}${run}/0/${toBase64Url(JSON.stringify(plan))}/`;

describe('a backtracking origin pattern against the lab', () => {
  const suite = suiteLab();
  // 40 backtracking patterns: on JavaScript's engine, each alone would hold the event loop for hours.
  const origin = [ALLOWED, ...Array<string>(40).fill('/^http:\\/\\/(a+)+$/')];
  const plan = { p: 'app', s: { middleware: { name: 'cors', options: { origin } } } };

  for (const method of ['GET', 'CHICKEN', 'OPTIONS']) {
    it(`${method}: the package's answer to an Origin it does not allow, five times alike; then the allowed one`, async () => {
      const run = `redos-${method.toLowerCase()}`;
      const preflight = method === 'OPTIONS' ? ['Access-Control-Request-Method: PUT'] : [];
      const send = (sent: string) => {
        const bytes = requestBytes(method, target(run, plan), `localhost:${suite.port}`, [`Origin: ${sent}`, ...preflight]);
        return rawExchange(suite.port, [bytes], { deadlineMs: 10_000 });
      };
      const answers: string[] = [];
      for (let i = 0; i < 5; i++) {
        const [response] = parseResponses((await send(HOSTILE_ORIGIN)).text);
        expect(response?.status).toBe(method === 'OPTIONS' ? 204 : 200);
        expect(response?.lines.some((line) => /^access-control-allow-origin:/i.test(line))).toBe(false);
        answers.push(response!.head);
      }
      expect(new Set(answers).size).toBe(1);
      expect(parseResponses((await send(ALLOWED)).text)[0]?.lines).toContain(`Access-Control-Allow-Origin: ${ALLOWED}`);
      const status = method === 'OPTIONS' ? 204 : 200;
      expect(suite.lab.journal.read(run).entries.map((e) => e.status)).toEqual(Array<number>(6).fill(status));
    });
  }

  for (const [pattern, why] of [
    ['/^(a)\\1$/', /\\1 is a backreference/],
    ['/^a(?=b)/', /\(\?= is lookaround/],
    ['/^a/g', /flag g makes RegExp#test remember lastIndex/],
  ] as const) {
    it(`${pattern}: 400 naming server.middleware.options.origin[3] and why`, async () => {
      const origins = [ALLOWED, '/^x$/', 'http://b', pattern];
      const refused = { p: 'app', s: { middleware: { name: 'cors', options: { origin: origins } } } };
      const bytes = requestBytes('GET', target('refused', refused), `localhost:${suite.port}`, [`Origin: ${ALLOWED}`]);
      const { text } = await rawExchange(suite.port, [bytes]);
      const [response] = parseResponses(text);
      expect(response?.status).toBe(400);
      const body = JSON.parse(response!.body) as { field: string; error: string };
      expect(body.field).toBe('server.middleware.options.origin[3]');
      expect(body.error).toMatch(why);
    });
  }
});
