/**
 * Matches a plan's `/regular expression/` origin (Express `cors`) against a
 * request's Origin within a time budget. Any page can send any Origin, and a
 * pattern with nested repetition such as `/^(a+)+$/` backtracks for hours on
 * forty characters, which would stop all five origins (one event loop). V8
 * can interrupt a running match, which `vm`'s `timeout` does; past the budget
 * the plan gets a 400 naming the option, like any plan the server can not follow.
 * https://github.com/expressjs/cors#configuration-options
 */
import { Script, createContext } from 'node:vm';
import { PlanError } from './answer.ts';
import type { RegexTest } from '../experiments/middleware/run-middleware.ts';

/**
 * Far above any sane origin pattern (microseconds, even on a busy machine:
 * the watchdog counts wall time), far below a stalled lab.
 */
export const REGEX_BUDGET_MS = 100;

const MATCH = new Script('pattern.test(input)');
/** One context for all matches (creating one costs a millisecond); matches run one at a time. */
const context = createContext({ pattern: /$^/, input: '' });

/**
 * A matcher for one request: all its matches together get REGEX_BUDGET_MS, so
 * an origin list of a thousand slow patterns costs no more than one.
 */
export function budgetedRegexTest(): RegexTest {
  let spent = 0;
  let retried = false;
  return (pattern, input) => {
    const shown = `/${pattern.source}/${pattern.flags}`;
    const refuse = (): never => {
      throw new PlanError(
        'server.middleware.options.origin',
        `the regular expression ${shown} took the request over its ${REGEX_BUDGET_MS} ms for matching an Origin of ${input.length} characters (catastrophic backtracking: avoid nested repetition such as (a+)+)`,
      );
    };
    for (;;) {
      const left = REGEX_BUDGET_MS - spent;
      if (left < 1) return refuse();
      // A fresh RegExp in the context: the plan's own has `test` replaced by this function.
      Object.assign(context, { pattern: new RegExp(pattern.source, pattern.flags), input });
      const started = performance.now();
      try {
        return MATCH.runInContext(context, { timeout: Math.ceil(left) }) === true;
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
      } finally {
        spent += performance.now() - started;
      }
      // Timed out. The watchdog counts wall time: a busy machine can pause the process past the
      // budget on a harmless pattern. One fresh budget per request tells the two apart; a
      // catastrophic pattern times out again, so a request costs at most twice the budget.
      if (retried) return refuse();
      retried = true;
      spent = 0;
    }
  };
}

// Compile the match script and start V8's watchdog once, at load, not inside the first request's budget.
// A warm-up is no request: on a machine too busy to finish it within the budget twice (seen under a
// class's load beside other work), importing this module must not throw; the first request pays instead.
try {
  budgetedRegexTest()(/^x$/, 'x');
} catch (error) {
  if (!(error instanceof PlanError)) throw error;
}
