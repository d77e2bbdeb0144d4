/**
 * The page's Content-Security-Policy (page-csp.ts): directive fallbacks, source lists ('self', 'none', `*`, schemes,
 * hosts, ports, paths) and several policies, each case beside its counterpart. Measured in Chromium 156 through the
 * lab's runner: the catalog's `csp` group.
 */
import { describe, expect, it } from 'vitest';
import { cspRefusal, effectiveDirective, parsePolicies, type CspRequest } from './page-csp.ts';

const SELF = new URL('http://localhost:5310/__runner');
const at = (url: string, api: CspRequest['api'] = 'fetch', redirected = false): CspRequest =>
  ({ api, popup: false, url: new URL(url), self: SELF, redirected });
const refused = (policy: string, request: CspRequest): string | null =>
  cspRefusal({ 'Content-Security-Policy': policy }, request)?.written ?? null;

describe('parsePolicies', () => {
  it('splits policies on commas and directives on semicolons, keeping the first of a name seen twice', () => {
    expect(parsePolicies("connect-src 'self'; CONNECT-SRC *; img-src a.test b.test, default-src 'none'")).toEqual([
      new Map([['connect-src', ["'self'"]], ['img-src', ['a.test', 'b.test']]]),
      new Map([['default-src', ["'none'"]]]),
    ]);
  });

  it('ignores empty directives and names with other characters', () => {
    expect(parsePolicies(" ; conn€ct-src *;;")).toEqual([]);
  });
});

describe('effectiveDirective', () => {
  it('checks fetch, XHR, beacons, event streams and sockets against connect-src, elements by their destination', () => {
    const connecting = ['fetch', 'xhr', 'beacon', 'eventsource', 'websocket'] as const;
    expect(connecting.map((api) => effectiveDirective(api, false)))
      .toEqual(Array(5).fill('connect-src'));
    expect(effectiveDirective('img', false)).toBe('img-src');
    expect(effectiveDirective('script', false)).toBe('script-src-elem');
    expect(effectiveDirective('stylesheet', false)).toBe('style-src-elem');
    expect(effectiveDirective('form', false)).toBe('form-action');
  });

  it('governs a frame, not a popup', () => {
    expect(effectiveDirective('iframe', false)).toBe('frame-src');
    expect(effectiveDirective('postMessage', false)).toBe('frame-src');
    expect(effectiveDirective('postMessage', true)).toBeNull();
    expect(effectiveDirective('window-open', true)).toBeNull();
  });
});

describe('cspRefusal', () => {
  const API = 'http://localhost:5311/__cl/run/0/plan/';
  const PARTNER = 'http://127.0.0.1:5313/';

  it("allows the page's own origin by 'self' and refuses another", () => {
    expect(refused("connect-src 'self'", at('http://localhost:5310/x'))).toBeNull();
    expect(refused("connect-src 'self'", at(API))).toBe("connect-src 'self'");
  });

  it("refuses everything with 'none' or an empty list, and nothing without the directive", () => {
    expect(refused("connect-src 'none'", at('http://localhost:5310/x'))).toBe("connect-src 'none'");
    expect(refused('connect-src', at('http://localhost:5310/x'))).toBe('connect-src');
    expect(refused("img-src 'none'", at(API))).toBeNull();
  });

  it('falls back to default-src, and a directive of its own overrides it', () => {
    expect(cspRefusal({ 'content-security-policy': "default-src 'self'" }, at(PARTNER, 'img')))
      .toEqual({ effective: 'img-src', directive: 'default-src', written: "default-src 'self'" });
    expect(refused(`default-src 'self'; img-src ${PARTNER}`, at(PARTNER + 'a.png', 'img'))).toBeNull();
    expect(refused("default-src *; script-src 'self'", at(PARTNER, 'script'))).toBe("script-src 'self'");
    expect(refused("default-src *; child-src 'none'", at(PARTNER, 'iframe'))).toBe("child-src 'none'");
    const own = at('http://localhost:5310/', 'iframe');
    expect(refused("default-src *; frame-src 'self'; child-src 'none'", own)).toBeNull();
  });

  it('never falls back for form-action', () => {
    expect(refused("default-src 'none'", at(API, 'form'))).toBeNull();
    expect(refused("form-action 'self'", at(API, 'form'))).toBe("form-action 'self'");
  });

  it('matches a host-source by host, then by port: none is the default port, * any', () => {
    expect(refused('connect-src http://localhost:5311', at(API))).toBeNull();
    expect(refused('connect-src localhost:*', at(API))).toBeNull();
    expect(refused('connect-src http://localhost', at(API))).toBe('connect-src http://localhost');
    expect(refused('connect-src http://localhost:5312', at(API))).toBe('connect-src http://localhost:5312');
    expect(refused('connect-src http://example.test', at('http://example.test/'))).toBeNull();
    expect(refused('img-src http://127.0.0.1:*', at(PARTNER, 'img'))).toBeNull();
    expect(refused('img-src http://127.0.0.1', at(PARTNER, 'img'))).toBe('img-src http://127.0.0.1');
  });

  it('matches a wildcard host on subdomains only', () => {
    expect(refused('connect-src *.localhost:*', at('http://evil.localhost:5314/'))).toBeNull();
    expect(refused('connect-src *.localhost:*', at(API))).toBe('connect-src *.localhost:*');
  });

  it('lets http expressions match https, never the reverse', () => {
    expect(refused('connect-src http://localhost:5316', at('https://localhost:5316/'))).toBeNull();
    expect(refused('connect-src https://localhost:5311', at(API))).toBe('connect-src https://localhost:5311');
    expect(refused('connect-src http:', at(API))).toBeNull();
    expect(refused('connect-src https:', at(API))).toBe('connect-src https:');
  });

  it('matches * on http(s) URLs', () => {
    expect(refused('connect-src *', at(PARTNER))).toBeNull();
    expect(refused('img-src *', at('data:image/png,x', 'img'))).toBe('img-src *');
  });

  it('matches a path before a redirect, and not after one', () => {
    expect(refused('connect-src http://localhost:5311/__cl/', at(API))).toBeNull();
    expect(refused('connect-src http://localhost:5311/other', at(API))).toBe('connect-src http://localhost:5311/other');
    expect(refused('connect-src http://localhost:5311/other', at(API, 'fetch', true))).toBeNull();
  });

  it('needs every policy to allow the request', () => {
    expect(refused(`connect-src *, connect-src 'self'`, at(API))).toBe("connect-src 'self'");
    expect(refused(`connect-src *, img-src 'none'`, at(API))).toBeNull();
  });

  it("allows a script the page's script inserts under 'strict-dynamic', whatever the list", () => {
    expect(refused("script-src 'strict-dynamic' 'nonce-abc'", at(PARTNER, 'script'))).toBeNull();
    const nonce = "script-src 'nonce-abc' 'unsafe-inline'";
    expect(refused(nonce, at(PARTNER, 'script'))).toBe(nonce);
  });

  it("checks a WebSocket's URL as the page wrote it, ws: (measured in Chromium, Firefox and WebKit)", () => {
    expect(refused("connect-src 'self'", at('ws://localhost:5310/socket', 'websocket'))).toBeNull();
    expect(refused('connect-src ws://localhost:5311', at('ws://localhost:5311/socket', 'websocket'))).toBeNull();
    expect(refused('connect-src ws://localhost:*', at('http://localhost:5311/socket', 'websocket'))).toBeNull();
    expect(refused("connect-src 'self'", at('ws://localhost:5311/socket', 'websocket'))).toBe("connect-src 'self'");
    // An http: source, or one without a scheme on an http: page, does not cover ws: in any of the three engines.
    for (const policy of ['connect-src http://localhost:5311', 'connect-src localhost:*']) {
      expect(refused(policy, at('ws://localhost:5311/socket', 'websocket'))).toBe(policy);
      expect(refused(policy, at('http://localhost:5311/socket', 'websocket'))).toBe(policy);
    }
  });

  it('checks a popup against nothing', () => {
    const popup = { ...at(PARTNER, 'window-open'), popup: true };
    expect(cspRefusal({ 'Content-Security-Policy': "default-src 'none'" }, popup)).toBeNull();
  });
});
