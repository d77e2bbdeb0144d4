/**
 * A plan's `/regular expression/` origin (Express cors) meets any Origin a
 * page or a raw client sends: a catastrophic pattern gets a 400 naming the
 * option within the budget, on the normal and the raw-packet path, and the
 * lab keeps answering. Without the budget one request stops all five origins.
 */
import { describe, expect, it } from 'vitest';
import { PlanError } from './answer.ts';
import { PLAN_PREFIX, toBase64Url } from './plan-url.ts';
import { budgetedRegexTest, REGEX_BUDGET_MS } from './regex-budget.ts';
import { parseResponses, rawExchange, requestBytes } from '../test/fuzz/raw-client.ts';
import { suiteLab } from '../test/fuzz/suite-lab.ts';

/** 2^40 backtracking steps for /^(a+)+$/: hours without a budget. */
const HOSTILE_ORIGIN = `http://${'a'.repeat(40)}!`;

describe('budgetedRegexTest', () => {
  it('matches ordinary origin patterns as RegExp#test does', () => {
    const test = budgetedRegexTest();
    expect(test(/^http:\/\/localhost:\d+$/, 'http://localhost:7000')).toBe(true);
    expect(test(/\.example\.com$/i, 'https://evil.com')).toBe(false);
    expect(test(/^http:\/\/LOCALHOST/i, 'http://localhost:1')).toBe(true);
  });

  it('gives up on catastrophic backtracking within the budget, with a PlanError naming the option', () => {
    const started = Date.now();
    let thrown: unknown;
    try {
      budgetedRegexTest()(/^http:\/\/(a+)+$/, HOSTILE_ORIGIN);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PlanError);
    expect((thrown as PlanError).field).toBe('server.middleware.options.origin');
    expect((thrown as PlanError).message).toMatch(/took the request over its 100 ms .*catastrophic backtracking/);
    expect(Date.now() - started).toBeLessThan(REGEX_BUDGET_MS + 1000);
  });

  it('shares one budget among all the matches of a request (an origin list of many slow patterns)', () => {
    // An input on which one match takes at least 15 ms here, but less than the budget.
    const slow = /^(a+)+$/;
    let input = '';
    let single = 0;
    for (let n = 16; n <= 32; n++) {
      input = `${'a'.repeat(n)}!`;
      const started = performance.now();
      slow.test(input);
      single = performance.now() - started;
      if (single >= 15) break;
    }
    const test = budgetedRegexTest();
    const started = performance.now();
    // 30 such matches take 30 x `single` one by one; the request's budget stops them far sooner.
    expect(() => {
      for (let i = 0; i < 30; i++) test(slow, input);
    }).toThrow(PlanError);
    // Measured against the same machine's own speed, so a loaded machine does not fail it.
    expect(performance.now() - started).toBeLessThan(Math.max(REGEX_BUDGET_MS + 250, 10 * single));
  });
});

describe('a catastrophic origin pattern against the lab', () => {
  const suite = suiteLab();

  // Many catastrophic patterns: the budget is the request's, not each pattern's.
  const plan = { p: 'app', s: { middleware: { name: 'cors', options: { origin: ['http://localhost:1', ...Array<string>(40).fill('/^http:\\/\\/(a+)+$/')] } } } };

  for (const method of ['GET', 'CHICKEN', 'OPTIONS']) {
    it(`${method}: 400 naming server.middleware.options.origin in well under a second, then the lab answers again`, async () => {
      const run = `redos-${method.toLowerCase()}`;
      const target = `${PLAN_PREFIX}${run}/0/${toBase64Url(JSON.stringify(plan))}/`;
      const headers = [`Origin: ${HOSTILE_ORIGIN}`, ...(method === 'OPTIONS' ? ['Access-Control-Request-Method: PUT'] : [])];
      const started = Date.now();
      const { text } = await rawExchange(suite.port, [requestBytes(method, target, `localhost:${suite.port}`, headers)], { deadlineMs: 3000 });
      expect(Date.now() - started).toBeLessThan(1000);
      const [response] = parseResponses(text);
      expect(response?.status).toBe(400);
      expect(JSON.parse(response!.body)).toMatchObject({ field: 'server.middleware.options.origin' });
      expect(suite.lab.journal.read(run).entries.map((e) => e.status)).toEqual([400]);

      const ok = await rawExchange(suite.port, [requestBytes(method, target, `localhost:${suite.port}`, ['Origin: http://localhost:1', ...headers.slice(1)])]);
      expect(parseResponses(ok.text)[0]?.lines).toContain('Access-Control-Allow-Origin: http://localhost:1');
    });
  }
});
