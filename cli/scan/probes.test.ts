/** The attacker origins scan builds from the trusted one: the registrable domain by the Public Suffix List. */
import { describe, expect, it } from 'vitest';
import { probesFor, registrableDomain, unescapedDotHosts } from './probes.ts';

const originsOf = (trusted: string, check: string, added: string[] = []): string[] =>
  probesFor(new URL(trusted), added)
    .filter((p) => p.check === check)
    .map((p) => p.origin);

describe('scan probes', () => {
  it.each([
    ['app.example.com', 'example.com'],
    ['api.app.example.co.uk', 'example.co.uk'],
    ['shop.example.com.au', 'example.com.au'],
    ['127.0.0.1', null],
    ['localhost', null],
  ])('the registrable domain of %s is %s', (host, domain) => expect(registrableDomain(host)).toBe(domain));

  it('suffix and subdomain probes use the whole registrable domain: .co.uk is one suffix', () => {
    expect(originsOf('https://api.app.example.co.uk', 'suffix-match')).toEqual(['https://attackerexample.co.uk']);
    expect(originsOf('https://api.app.example.co.uk', 'any-subdomain')).toEqual(['https://attacker.example.co.uk']);
  });

  it('each dot of a nested host, unescaped, is a look-alike; dots inside the public suffix only where the ' +
    'result is a real suffix', () => {
    expect(unescapedDotHosts('api.app.example.com')).toEqual(['apixapp.example.com', 'api.appxexample.com']);
    // examplexco.uk is registrable under .uk; app.example.coxuk has no such suffix.
    expect(unescapedDotHosts('api.app.example.co.uk')).toEqual([
      'apixapp.example.co.uk',
      'api.appxexample.co.uk',
      'api.app.examplexco.uk',
    ]);
    expect(unescapedDotHosts('example.com')).toEqual([]);
    expect(originsOf('https://api.app.example.com:8443', 'unescaped-dot')).toEqual([
      'https://apixapp.example.com:8443',
      'https://api.appxexample.com:8443',
    ]);
  });

  it('an IP address or a bare name gets no look-alike nor subdomain probes, and http has no http-trusted probe', () => {
    expect(originsOf('http://127.0.0.1:8080', 'unescaped-dot')).toEqual([]);
    expect(originsOf('http://127.0.0.1:8080', 'any-subdomain')).toEqual([]);
    expect(originsOf('http://127.0.0.1:8080', 'http-trusted')).toEqual([]);
    expect(originsOf('https://app.example.com', 'http-trusted')).toEqual(['http://app.example.com']);
  });

  it.each(['http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:8080', 'https://api.app.example.co.uk'])(
    'every probe for %s is an origin a browser could send (serialized), or null',
    (trusted) => {
      for (const { origin } of probesFor(new URL(trusted))) {
        expect(origin === 'null' || new URL(origin).origin === origin, origin).toBe(true);
      }
      // "attacker127.0.0.1" ends in a number: no host at all, so no suffix probe for an IP address.
      expect(originsOf('http://127.0.0.1:8080', 'suffix-match')).toEqual([]);
    },
  );

  it('--trusted-third-party suffixes are probed beside the built-in hosting', () => {
    const origins = originsOf('https://app.example.com', 'third-party-trusted', ['pages.hosting.example']);
    expect(origins).toContain('https://cors-lab-attacker.github.io');
    expect(origins).toContain('https://cors-lab-attacker.pages.hosting.example');
    expect(origins).toContain('https://cdpn.io');
    expect(originsOf('https://app.example.com', 'third-party-trusted')).not.toContain(
      'https://cors-lab-attacker.pages.hosting.example',
    );
  });
});
