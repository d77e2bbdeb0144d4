/**
 * `expect` matchers for probe and run results. A failing matcher's message
 * says what was expected, then Chromium's reason, its console line and the
 * fix, so a red test explains itself.
 * https://playwright.dev/docs/test-assertions#add-custom-matchers-using-expectextend
 */
import type { ExpectMatcherState, MatcherReturnType } from '@playwright/test';
import { printableText } from '../cli/terminal-text.ts';
import { corsFacts, corsStory, isCorsResult, type CorsFacts } from './cors-facts.ts';

type Check = (facts: CorsFacts) => { pass: boolean; expected: string; received: string };

function matcher(name: string, check: Check, argument = '') {
  return function (this: ExpectMatcherState, received: unknown): MatcherReturnType {
    const hint = this.utils.matcherHint(name, 'result', argument, { isNot: this.isNot });
    if (!isCorsResult(received)) {
      return { pass: this.isNot, name, message: () => `${hint}\n\nExpected a result of cors.probe() or cors.run(), received: ${this.utils.printReceived(received)}` };
    }
    const facts = corsFacts(received);
    const { pass, expected, received: got } = check(facts);
    return {
      pass,
      name,
      expected,
      actual: got,
      // The story quotes what the server sent: printed escaped, as every report of the CLI.
      message: () =>
        `${hint}\n\nExpected: ${this.isNot ? 'not ' : ''}${expected}\n` +
        `Received: ${printableText(got)}\n\n${printableText(corsStory(facts))}`,
    };
  };
}

const outcome = (f: CorsFacts): string => `${f.outcome}${f.reason ? ` (${f.reason})` : ''}`;

export const corsMatchers = {
  toBeAllowed(this: ExpectMatcherState, received: unknown) {
    return matcher('toBeAllowed', (f) => ({ pass: f.outcome === 'allowed', expected: 'allowed', received: outcome(f) })).call(this, received);
  },
  toBeBlockedBy(this: ExpectMatcherState, received: unknown, reason: string) {
    return matcher('toBeBlockedBy', (f) => ({ pass: f.outcome === 'blocked' && f.reason === reason, expected: `blocked (${reason})`, received: outcome(f) }), this.utils.printExpected(reason)).call(this, received);
  },
  toHavePreflight(this: ExpectMatcherState, received: unknown) {
    return matcher('toHavePreflight', (f) => ({ pass: f.preflight, expected: 'a preflight (OPTIONS) answered by the server', received: f.preflight ? 'a preflight' : 'no preflight' })).call(this, received);
  },
  toExposeHeader(this: ExpectMatcherState, received: unknown, name: string) {
    return matcher(
      'toExposeHeader',
      (f) => ({
        pass: f.readableHeaders.includes(name.toLowerCase()),
        expected: `JavaScript can read the response header ${name.toLowerCase()}`,
        received: f.outcome === 'allowed' ? `readable: ${f.readableHeaders.join(', ') || 'none'}` : `${outcome(f)}: no header is readable`,
      }),
      this.utils.printExpected(name),
    ).call(this, received);
  },
  toPass(this: ExpectMatcherState, received: unknown) {
    return matcher('toPass', (f) =>
      f.run
        ? { pass: f.run.pass, expected: 'the experiment passes (expectations met, model agrees)', received: f.run.pass ? 'passed' : `failed:\n  ${f.run.mismatches.join('\n  ')}` }
        : { pass: false, expected: 'a result of cors.run()', received: 'a probe result (use toBeAllowed or toBeBlockedBy)' },
    ).call(this, received);
  },
};
