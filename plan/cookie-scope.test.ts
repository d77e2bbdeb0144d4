/** A plan's Set-Cookie held to its run: path, host, lifetime, priority and size. */
import { describe, expect, it } from 'vitest';
import { MAX_COOKIE_BYTES_PER_RESPONSE, MAX_COOKIES_PER_RESPONSE, MAX_COOKIE_SECONDS, cookieBoundsProblem, runCookiePath, scopeCookie } from './cookie-scope.ts';

const RUN = 'r1';
const NOW = Date.parse('2026-12-06T12:00:00Z');
const LOW = '; Priority=Low';
const PRIORITY_CHANGE = 'Priority=Low: if the browser must evict cookies, this one goes before the user\'s own';
const scoped = (line: string) => scopeCookie(line, RUN, NOW);
/** The line as sent, for a line whose only other attributes are given. */
const sent = (line: string) => scoped(line).line;

describe('scopeCookie', () => {
  it('leaves a cookie already inside the run, short-lived and low-priority, untouched', () => {
    for (const line of [
      `a=1; Max-Age=60${LOW}`,
      `a=1; Path=${runCookiePath(RUN)}; Max-Age=${MAX_COOKIE_SECONDS}${LOW}`,
      `a=1; Path=/__cl/r1; Max-Age=0${LOW}`,
      'a=1; SameSite=None; Secure; Partitioned; Max-Age=5; priority=LOW',
    ]) {
      expect(scoped(line)).toEqual({ line, changes: [] });
    }
  });

  it('gives every other cookie Priority=Low, replacing any other priority', () => {
    expect(scoped('a=1; Max-Age=60')).toEqual({ line: `a=1; Max-Age=60${LOW}`, changes: [PRIORITY_CHANGE] });
    expect(sent('a=1; Max-Age=60; Priority=High')).toBe(`a=1; Max-Age=60${LOW}`);
    expect(sent(`a=1; Max-Age=60${LOW}; Priority=High`)).toBe(`a=1; Max-Age=60${LOW}`);
  });

  it('replaces a Path outside the run with the run prefix, whatever it looks like', () => {
    for (const path of ['/', '/nowhere', '/__cl/', '/__cl/r', '/__cl/r10/0', '/__cl/r1-other/']) {
      const { line, changes } = scoped(`a=1; Path=${path}; Max-Age=60${LOW}`);
      expect(line).toBe(`a=1; Max-Age=60${LOW}; Path=/__cl/r1/`);
      expect(changes).toEqual([`Path ${path} is outside this run: Path=/__cl/r1/`]);
    }
  });

  it('reads Path as the browser does (the last one; an invalid one gives the default path) and leaves one', () => {
    expect(sent(`a=1; Path=/__cl/r1/x; Path=/; Max-Age=1${LOW}`)).toBe(`a=1; Max-Age=1${LOW}; Path=/__cl/r1/`);
    expect(scoped(`a=1; Path=/__cl/r1/x; Path=nope; Max-Age=1${LOW}`)).toEqual({ line: `a=1; Max-Age=1${LOW}`, changes: ['several Path attributes, the last invalid: the default path'] });
    expect(sent(`a=1; Path=/; Path=/__cl/r1/y; Max-Age=1${LOW}`)).toBe(`a=1; Max-Age=1${LOW}; Path=/__cl/r1/y`);
    // An invalid Path alone gives the default path, the request's own directory: inside the run.
    expect(scoped(`a=1; Path=nope; Max-Age=1${LOW}`).changes).toEqual([]);
  });

  it('rewrites a lifetime a parser might read otherwise to one plain Max-Age', () => {
    expect(sent(`a=1; Max-Age=60; Max-Age=+86400${LOW}`)).toBe(`a=1${LOW}; Max-Age=60`);
    expect(sent(`a=1; Max-Age=+86400${LOW}`)).toBe(`a=1${LOW}; Max-Age=${MAX_COOKIE_SECONDS}`);
    expect(sent(`a=1; Max-Age=0; Max-Age=60${LOW}`)).toBe(`a=1${LOW}; Max-Age=60`);
    expect(sent(`a=1; Max-Age=60; Max-Age=0${LOW}`)).toBe(`a=1${LOW}; Max-Age=0`);
  });

  it('drops every Domain attribute, in any case', () => {
    expect(scoped(`a=1; Domain=localhost; domain=.example.com; Max-Age=1${LOW}`)).toEqual({ line: `a=1; Max-Age=1${LOW}`, changes: ['Domain dropped: the cookie stays host-only'] });
  });

  it('caps a session cookie, a long Max-Age and a far Expires to the maximum lifetime', () => {
    expect(sent(`a=1; SameSite=Lax${LOW}`)).toBe(`a=1; SameSite=Lax${LOW}; Max-Age=${MAX_COOKIE_SECONDS}`);
    expect(sent(`a=1; Max-Age=86400${LOW}`)).toBe(`a=1${LOW}; Max-Age=${MAX_COOKIE_SECONDS}`);
    expect(sent(`a=1; Max-Age=9; Max-Age=86400${LOW}`)).toBe(`a=1${LOW}; Max-Age=${MAX_COOKIE_SECONDS}`);
    expect(sent(`a=1; Expires=Wed, 01 Jan 2031 00:00:00 GMT${LOW}`)).toBe(`a=1${LOW}; Max-Age=${MAX_COOKIE_SECONDS}`);
    // An invalid Max-Age is ignored by the browser: a session cookie.
    expect(sent(`a=1; Max-Age=soon${LOW}`)).toBe(`a=1${LOW}; Max-Age=${MAX_COOKIE_SECONDS}`);
  });

  it('keeps a deletion a deletion', () => {
    expect(scoped(`a=; Max-Age=0${LOW}`).changes).toEqual([]);
    expect(scoped(`a=; Max-Age=-1${LOW}`).changes).toEqual([]);
    expect(sent(`a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT${LOW}`)).toBe(`a=${LOW}; Max-Age=0`);
    // Max-Age wins over Expires (RFC 6265 5.3 step 3).
    expect(scoped(`a=1; Max-Age=30; Expires=Wed, 01 Jan 2031 00:00:00 GMT${LOW}`).changes).toEqual([]);
  });

  it('rewrites everything at once and says so, once a change', () => {
    const { line, changes } = scoped('big=1; Domain=localhost; Path=/; Max-Age=86400; HttpOnly');
    expect(line).toBe(`big=1; HttpOnly; Path=/__cl/r1/; Max-Age=${MAX_COOKIE_SECONDS}${LOW}`);
    expect(changes).toHaveLength(4);
  });
});

describe('cookieBoundsProblem', () => {
  it('accepts up to the count and byte limits', () => {
    expect(cookieBoundsProblem([])).toBeNull();
    expect(cookieBoundsProblem(Array.from({ length: MAX_COOKIES_PER_RESPONSE }, (_, i) => `c${i}=1`))).toBeNull();
    expect(cookieBoundsProblem([`a=${'x'.repeat(MAX_COOKIE_BYTES_PER_RESPONSE - 2)}`])).toBeNull();
  });

  it('refuses one cookie too many and one byte too many, saying which limit', () => {
    expect(cookieBoundsProblem(Array.from({ length: MAX_COOKIES_PER_RESPONSE + 1 }, (_, i) => `c${i}=1`))).toMatch(/^9 Set-Cookie lines: the lab sets at most 8/);
    expect(cookieBoundsProblem([`a=${'x'.repeat(MAX_COOKIE_BYTES_PER_RESPONSE - 1)}`])).toMatch(/^4097 bytes of Set-Cookie .* at most 4096/);
  });
});
