/** Class mode's names: the flags, the defaults for a room, and the sites they make (pure: no sockets). */
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ClassNameError, classHost, defaultClassNames, networkAddress, parseOriginNames } from './class-names.ts';
import { ORIGINS, advertisedOrigin, siteClashes, type BindAddress } from '../plan/origins.ts';

const bind: BindAddress = { address: '0.0.0.0', given: '0.0.0.0' };
const advertise = (names: Record<string, string | undefined>) => ORIGINS.map((spec) => advertisedOrigin(spec, bind, 5310 + spec.offset, names[spec.name]));

describe('defaultClassNames', () => {
  it('puts the pages on the address and partner and evil on two other sites that resolve to it', () => {
    const names = defaultClassNames('192.168.1.5');
    expect(names).toEqual({ app: '192.168.1.5', api: '192.168.1.5', api2: '192.168.1.5', partner: '192-168-1-5.sslip.io', public: '192-168-1-5.sslip.io', evil: '192-168-1-5.nip.io', secure: '192.168.1.5' });
    const origins = advertise(names);
    expect(Object.fromEntries(origins.map((o) => [o.name, o.site]))).toEqual({
      app: 'http://192.168.1.5',
      api: 'http://192.168.1.5',
      api2: 'http://192.168.1.5',
      partner: 'http://sslip.io',
      evil: 'http://nip.io',
      public: 'http://sslip.io',
      secure: 'https://192.168.1.5',
    });
    // Same sites where the origins table has them: nothing merged that the catalog keeps apart.
    expect(siteClashes(origins)).toEqual([]);
  });

  it('on IPv6 keeps every origin on the address, and the lab then says which sites merged', () => {
    const origins = advertise(defaultClassNames('fd00::5'));
    expect(origins[0]!.url).toBe('http://[fd00::5]:5310');
    expect(siteClashes(origins)).toEqual(['app, api, api2, partner, evil and public are all on http://[fd00::5]']);
  });
});

describe('parseOriginNames (--name ORIGIN=HOST)', () => {
  it('takes names and addresses, lower-cased, IPv6 in brackets', () => {
    expect(parseOriginNames(['partner=Partner.Example.lan', 'evil=10.0.0.7', 'app=::1', 'api=[fd00::1]'])).toEqual({ partner: 'partner.example.lan', evil: '10.0.0.7', app: '[::1]', api: '[fd00::1]' });
  });

  for (const [value, message] of [
    ['partner', '"partner" must be ORIGIN=HOST, e.g. partner=192.168.1.5'],
    ['friend=x.lan', '"friend=x.lan": unknown origin "friend"; known: app, api, api2, partner, evil, public, secure'],
    ['partner=', 'partner: the host is empty'],
    ['partner=http://x.lan', 'partner: "http://x.lan" must be a host name or address alone, without scheme, port or path'],
    ['partner=x.lan:8080', 'partner: "x.lan:8080" must be a host name or address alone'],
    ['partner=x.lan/a', 'partner: "x.lan/a" must be a host name or address alone'],
    ['partner=300.1.1.1', 'partner: "300.1.1.1" is not an IPv4 address'],
    ['partner=x_y.lan', 'partner: "x_y.lan" is not a host name'],
    ['partner=-x.lan', 'partner: "-x.lan" is not a host name'],
    ['evil=a..b', 'evil: "a..b" is not a host name'],
    [`evil=${'a'.repeat(64)}.lan`, 'is not a host name'],
  ] as const) {
    it(`refuses ${JSON.stringify(value)} naming what is wrong`, () => {
      expect(() => parseOriginNames([value])).toThrow(ClassNameError);
      expect(() => parseOriginNames([value])).toThrow(message);
    });
  }

  it('refuses an origin named twice', () => {
    expect(() => parseOriginNames(['evil=a.lan', 'evil=b.lan'])).toThrow('"evil=b.lan": evil is named twice');
  });

  it('classHost accepts what a URL host is', () => {
    for (const host of ['teacher.local', 'evil.localhost', '127.0.0.9', 'a-b.c-d.lan', '[::1]']) expect(new URL(`http://${classHost(host)}:1/`).host).toBe(`${classHost(host)}:1`);
  });
});

describe('networkAddress (the address attendees reach when bound to every interface)', () => {
  const info = (address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo =>
    family === 'IPv4' ? { address, family, internal, netmask: '', mac: '', cidr: null } : { address, family, internal, netmask: '', mac: '', cidr: null, scopeid: 0 };

  it('skips loopback, link-local and IPv6, and takes the first network IPv4 address', () => {
    expect(networkAddress({ lo: [info('127.0.0.1', 'IPv4', true)], eth0: [info('fe80::1', 'IPv6'), info('169.254.3.4', 'IPv4')], wlan0: [info('192.168.1.5', 'IPv4'), info('10.0.0.2', 'IPv4')] })).toBe('192.168.1.5');
  });

  it('is null when the machine has none', () => {
    expect(networkAddress({ lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)] })).toBeNull();
  });
});
