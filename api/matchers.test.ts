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
const stateOf = (isNot: boolean) =>
  ({ isNot, utils: { matcherHint: (name: string) => `expect(result).${name}()`, printReceived: String, printExpected: String } }) as unknown as ExpectMatcherState;
const state = { isNot: false, utils: { matcherHint: (name: string) => `expect(result).${name}()`, printReceived: String, printExpected: String } } as unknown as ExpectMatcherState;

describe('cors matchers', () => {
  it('a failing toBeAllowed says why, with no control character of the server in its message', () => {
    const result = corsMatchers.toBeAllowed.call(state, blocked);
    expect(result.pass).toBe(false);
    const message = result.message();
    expect(message).toContain('Received: blocked by a network failure (net::ERR_X\\u001b]52;c;ZXZpbA==\\u0007\\u009b2J\\u202e)');
    expect(message).toContain('Access to fetch \\u001b]52');
    expect(message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  const story = { console: null, preflight: false, readableHeaders: {}, explanation: { verdict: 'v', console: null, fix: null, mdn: null, firefox: null } };
  const request = { url: 'http://127.0.0.1:8080/reflect', origin: 'https://evil.example', method: 'GET' };
  const corsAllows = { ...story, request, outcome: 'allowed', reason: null, decidedBy: 'cors' };
  const lnaBlocked = { ...story, request, outcome: 'blocked', reason: 'LocalNetworkAccessPermissionDenied', decidedBy: 'local-network-access' };

  it('not.toBeAllowed fails when only Local Network Access blocked and CORS allows, saying so', () => {
    // With .not, a matcher's pass: true is a failed assertion.
    const negative = corsMatchers.toBeAllowed.call(stateOf(true), { ...lnaBlocked, withPermission: corsAllows });
    expect(negative.pass).toBe(true);
    expect(negative.message()).toContain('Expected: not allowed by CORS\nReceived: allowed by CORS');
    expect(corsMatchers.toBeAllowed.call(stateOf(false), { ...lnaBlocked, withPermission: corsAllows }).pass).toBe(true);
    // Where CORS itself decided, there is no note about another layer.
    expect(corsMatchers.toBeAllowed.call(stateOf(true), corsAllows).message()).not.toContain('Note:');
  });

  it('with no CORS verdict behind the block, toBeAllowed fails with and without .not', () => {
    expect(corsMatchers.toBeAllowed.call(stateOf(true), lnaBlocked).pass).toBe(true);
    expect(corsMatchers.toBeAllowed.call(stateOf(false), lnaBlocked).pass).toBe(false);
    expect(corsMatchers.toBeAllowed.call(stateOf(false), lnaBlocked).message()).toContain('CORS never judged it: Local Network Access');
  });

  it('a result without decidedBy (written before it existed) takes the layer from its reason', () => {
    const { decidedBy, ...old } = lnaBlocked;
    expect(decidedBy).toBe('local-network-access');
    expect(corsMatchers.toBeBlockedBy.call(stateOf(false), old, 'LocalNetworkAccessPermissionDenied').pass).toBe(true);
    expect(corsMatchers.toBeBlockedBy.call(stateOf(false), { ...old, withPermission: corsAllows }, 'AllowOriginMismatch').pass).toBe(false);
  });
});

/** A probe in Firefox or WebKit (cors.probe({ browser })): its own reason, and no word on the preflight. */
describe('cors matchers on an engine probe result', () => {
  const request = { url: 'http://127.0.0.1:8080/items', origin: 'http://localhost:3000', method: 'GET' };
  const line =
    'CONSOLE SECURITY ERROR Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin. ' +
    'Status code: 200';
  const webkitBlocked = {
    engine: 'webkit', browser: 'webkit 2.50.6', request, outcome: 'blocked', reason: 'WebKitAllowOriginNotAllowed',
    console: line, status: null, responseType: null, readableHeaders: {}, pageError: 'TypeError: Load failed',
    decidedBy: 'cors', cannotTell: ['whether a preflight was sent'],
  };
  const firefoxAllowed = {
    ...webkitBlocked, engine: 'firefox', outcome: 'allowed', reason: null, console: null, status: 200,
    readableHeaders: { 'x-total': '1' },
  };

  it('toBeBlockedBy takes the engine\'s own reason as a CORS verdict, and the message names the engine', () => {
    type Blocker = Parameters<typeof corsMatchers.toBeBlockedBy>[1];
    const blockedBy = (reason: Blocker) => corsMatchers.toBeBlockedBy.call(stateOf(false), webkitBlocked, reason);
    expect(blockedBy('WebKitAllowOriginNotAllowed').pass).toBe(true);
    expect(blockedBy('AllowOriginMismatch').pass).toBe(false);
    const message = corsMatchers.toBeAllowed.call(stateOf(false), webkitBlocked).message();
    expect(message).toContain('Received: blocked by CORS (WebKitAllowOriginNotAllowed)');
    expect(message).toContain("Outcome:  blocked (WebKit's reason: WebKitAllowOriginNotAllowed)");
    expect(message).toContain(`Console:  ${line}`);
  });

  it('toBeAllowed and toExposeHeader read an allowed engine result', () => {
    expect(corsMatchers.toBeAllowed.call(stateOf(false), firefoxAllowed).pass).toBe(true);
    expect(corsMatchers.toExposeHeader.call(stateOf(false), firefoxAllowed, 'X-Total').pass).toBe(true);
    expect(corsMatchers.toExposeHeader.call(stateOf(false), firefoxAllowed, 'X-Other').pass).toBe(false);
  });

  it('toHavePreflight fails with and without .not: the engine cannot tell', () => {
    const plain = corsMatchers.toHavePreflight.call(stateOf(false), firefoxAllowed);
    const negated = corsMatchers.toHavePreflight.call(stateOf(true), firefoxAllowed);
    expect(plain.pass).toBe(false);
    // With .not, a matcher's pass: true is a failed assertion.
    expect(negated.pass).toBe(true);
    expect(plain.message()).toContain("Received: Firefox cannot tell (probe with browser 'chromium')");
  });

  it('a block with no CORS reason (decidedBy network) is no CORS verdict: toBeAllowed fails either way', () => {
    const noReason = { ...webkitBlocked, reason: null, console: null, decidedBy: 'network' };
    expect(corsMatchers.toBeAllowed.call(stateOf(false), noReason).pass).toBe(false);
    expect(corsMatchers.toBeAllowed.call(stateOf(true), noReason).pass).toBe(true);
    const didNotSucceed = { ...webkitBlocked, reason: 'CORSDidNotSucceed', decidedBy: 'network' };
    expect(corsMatchers.toBeBlockedBy.call(stateOf(false), didNotSucceed, 'CORSDidNotSucceed').pass).toBe(true);
  });
});
