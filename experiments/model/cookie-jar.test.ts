/** The cookie rules measured in Chromium 156, one per case, under both third-party cookie settings. */
import { describe, expect, it } from 'vitest';
import { CookieJar } from './cookie-jar.ts';
import { FIREFOX_RULES } from './engine-firefox.ts';

const LOCALHOST = 'http://localhost';
const LOOPBACK_IP = 'http://127.0.0.1';
const url = (origin: string) => new URL(`${origin}:7001/__cl/run1/0/plan/cookie`);

/** Stores `attributes` from a response to `target` for a page on localhost, then asks whether the next request sends it. */
function sentBack(attributes: string, targetSite: string, setting: 'blocked' | 'allowed'): boolean {
  const jar = new CookieJar(setting);
  jar.store([`c=1; ${attributes}`], url(targetSite), LOCALHOST, targetSite);
  return jar.sends(url(targetSite), LOCALHOST, targetSite);
}

describe('CookieJar', () => {
  it.each([
    ['SameSite=Lax', LOCALHOST, true, true],
    ['SameSite=Strict', LOCALHOST, true, true],
    ['SameSite=None; Secure', LOCALHOST, true, true],
    ['SameSite=None', LOCALHOST, false, false],
    ['SameSite=None; Secure', LOOPBACK_IP, false, true],
    ['SameSite=None; Secure; Partitioned', LOOPBACK_IP, true, true],
    ['Partitioned', LOOPBACK_IP, false, false],
    ['SameSite=Lax', LOOPBACK_IP, false, false],
    ['HttpOnly', LOOPBACK_IP, false, false],
  ])('%s to %s: sent with third-party cookies blocked %s, allowed %s', (attributes, site, blocked, allowed) => {
    expect(sentBack(attributes, site, 'blocked')).toBe(blocked);
    expect(sentBack(attributes, site, 'allowed')).toBe(allowed);
  });

  it.each([
    ['SameSite=None; Secure', false, true],
    ['SameSite=None; Secure; Partitioned', false, false],
    ['SameSite=Lax', false, false],
  ])('%s, stored by a visit to localhost, from an opaque (null) page: sent blocked %s, allowed %s', (attributes, blocked, allowed) => {
    for (const [setting, sent] of [['blocked', blocked], ['allowed', allowed]] as const) {
      const jar = new CookieJar(setting);
      jar.store([`c=1; ${attributes}`], url(LOCALHOST), LOCALHOST, LOCALHOST);
      expect(jar.sends(url(LOCALHOST), null, LOCALHOST), setting).toBe(sent);
    }
  });

  it('keeps a Partitioned cookie to the top-level site that set it', () => {
    const jar = new CookieJar('blocked');
    jar.store(['c=1; SameSite=None; Secure; Partitioned'], url(LOOPBACK_IP), LOCALHOST, LOOPBACK_IP);
    expect(jar.sends(url(LOOPBACK_IP), LOCALHOST, LOOPBACK_IP)).toBe(true);
    expect(jar.sends(url(LOOPBACK_IP), 'http://evil.localhost', LOOPBACK_IP)).toBe(false);
  });

  it('scopes a cookie without Path to its URL directory, so another run does not see it', () => {
    const jar = new CookieJar();
    jar.store(['c=1'], url(LOCALHOST), LOCALHOST, LOCALHOST);
    expect(jar.sends(new URL('http://localhost:7001/__cl/run2/0/plan/cookie'), LOCALHOST, LOCALHOST)).toBe(false);
  });

  it.each([
    ['Domain=localhost', true],
    ['Domain=.localhost', true],
    ['Domain=evil.localhost', false],
    ['Domain=example.com', false],
    ['Expires=Thu, 01 Jan 1970 00:00:00 GMT', false],
    ['Expires=Fri, 01 Jan 2100 00:00:00 GMT', true],
    ['Max-Age=0; Max-Age=60', true],
    ['Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT', true],
  ])('c=1; %s from localhost: sent back %s (Chromium 156, test/probes/wpt-more-cases.ts)', (attributes, sent) => {
    expect(sentBack(attributes, LOCALHOST, 'blocked')).toBe(sent);
  });

  it.each([
    ['__Host-c=1; Path=/', false],
    ['__Host-c=1; Secure; Path=/', true],
    ['__host-c=1; Secure', false],
    ['__Host-c=1; Secure; Path=/; Domain=localhost', false],
    ['__Secure-c=1', false],
    ['__Secure-c=1; Secure', true],
    ['c', true],
  ])('%s: sent back %s (the name prefixes; a pair without "=" is a nameless cookie)', (line, sent) => {
    const jar = new CookieJar();
    jar.store([line], url(LOCALHOST), LOCALHOST, LOCALHOST);
    expect(jar.sends(url(LOCALHOST), LOCALHOST, LOCALHOST)).toBe(sent);
  });

  it('sends a Domain cookie to subdomains, a host-only one not', () => {
    const SITE = 'http://evil.localhost';
    const jar = new CookieJar();
    jar.store(['d=1; Domain=evil.localhost; Path=/'], new URL('http://a.evil.localhost:7001/'), SITE, SITE);
    expect(jar.sends(new URL('http://b.evil.localhost:7001/'), SITE, SITE)).toBe(true);
    const hostOnly = new CookieJar();
    hostOnly.store(['h=1; Path=/'], new URL('http://a.evil.localhost:7001/'), SITE, SITE);
    expect(hostOnly.sends(new URL('http://b.evil.localhost:7001/'), SITE, SITE)).toBe(false);
  });

  it('keeps a cookie with Domain=localhost (a public suffix) host-only, and refuses Domain=<IP> from another host', () => {
    const jar = new CookieJar();
    jar.store(['d=1; Domain=localhost; Path=/'], url(LOCALHOST), LOCALHOST, LOCALHOST);
    expect(jar.sends(url(LOCALHOST), LOCALHOST, LOCALHOST)).toBe(true);
    expect(jar.sends(new URL('http://evil.localhost:7001/'), 'http://evil.localhost', 'http://evil.localhost')).toBe(false);
    const ip = new CookieJar();
    ip.store(['d=1; Domain=127.0.0.1; Path=/'], url(LOOPBACK_IP), LOOPBACK_IP, LOOPBACK_IP);
    expect(ip.sends(url(LOOPBACK_IP), LOOPBACK_IP, LOOPBACK_IP)).toBe(true);
  });

  it('stores nothing for an opaque page', () => {
    const jar = new CookieJar('allowed');
    jar.store(['c=1; SameSite=None; Secure'], url(LOCALHOST), null, LOCALHOST);
    expect(jar.sends(url(LOCALHOST), LOCALHOST, LOCALHOST)).toBe(false);
  });
  it('takes https://localhost and http://localhost as two sites, or one where sites are schemeless (Firefox)', () => {
    const page = 'https://localhost';
    for (const [rules, sent] of [[undefined, false], [FIREFOX_RULES, true]] as const) {
      const jar = new CookieJar('blocked', rules);
      jar.store(['c=1; SameSite=Lax'], url(LOCALHOST), page, LOCALHOST);
      expect(jar.sends(url(LOCALHOST), page, LOCALHOST), `schemeful ${rules?.schemefulSameSite}`).toBe(sent);
    }
    // Another host stays another site either way.
    const firefox = new CookieJar('blocked', FIREFOX_RULES);
    firefox.store(['c=1; SameSite=Lax'], url(LOOPBACK_IP), page, LOOPBACK_IP);
    expect(firefox.sends(url(LOOPBACK_IP), page, LOOPBACK_IP)).toBe(false);
  });
});
