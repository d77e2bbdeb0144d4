/** The matchers' failure messages quote what a server sent: escaped, so a hostile server cannot drive the terminal of a test run. */
import type { ExpectMatcherState } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { corsMatchers } from './matchers.ts';

const ATTACK = '\u001b]52;c;ZXZpbA==\u0007\u009b2J\u202e';
const blocked = {
  request: { url: 'http://127.0.0.1:8080/items', origin: 'http://localhost:3000', method: 'GET' },
  outcome: 'blocked',
  reason: `net::ERR_X${ATTACK}`,
  console: `Access to fetch ${ATTACK}`,
  preflight: false,
  readableHeaders: {},
  explanation: { verdict: `Blocked: ${ATTACK}`, console: null, fix: `Send ${ATTACK}`, mdn: null, firefox: null },
};
const state = { isNot: false, utils: { matcherHint: (name: string) => `expect(result).${name}()`, printReceived: String, printExpected: String } } as unknown as ExpectMatcherState;

describe('cors matchers', () => {
  it('a failing toBeAllowed says why, with no control character of the server in its message', () => {
    const result = corsMatchers.toBeAllowed.call(state, blocked);
    expect(result.pass).toBe(false);
    const message = result.message();
    expect(message).toContain('Received: blocked (net::ERR_X\\u001b]52;c;ZXZpbA==\\u0007\\u009b2J\\u202e)');
    expect(message).toContain('Access to fetch \\u001b]52');
    expect(message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});
