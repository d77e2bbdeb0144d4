/** Where the lab says its origins are, for every address it may be bound to (pure: no sockets). */
import { describe, expect, it } from 'vitest';
import { ORIGINS, advertisedOrigin, isLoopbackAddress, originsAtPortBase, siteClashes, type BindAddress } from './origins.ts';

const at = (bind: BindAddress): Record<string, string> => Object.fromEntries(ORIGINS.map((spec) => [spec.name, advertisedOrigin(spec, bind, 7000 + spec.offset).url]));

describe('advertisedOrigin', () => {
  it('keeps the table on 127.0.0.1 and on the wildcards (which include loopback)', () => {
    const table = Object.fromEntries(originsAtPortBase(7000).map((o) => [o.name, o.url]));
    expect(table).toMatchObject({ app: 'http://localhost:7000', partner: 'http://127.0.0.1:7003', evil: 'http://evil.localhost:7004' });
    for (const address of ['0.0.0.0', '::']) expect(at({ address, given: address })).toEqual(table);
  });

  it('on ::1 moves partner to [::1], another site, and keeps the localhost names (Chromium reaches them on ::1)', () => {
    for (const given of ['::1', '[::1]', 'localhost']) {
      expect(at({ address: '::1', given })).toMatchObject({ app: 'http://localhost:7000', api: 'http://localhost:7001', partner: 'http://[::1]:7003', evil: 'http://evil.localhost:7004' });
    }
    const origins = ORIGINS.map((spec) => advertisedOrigin(spec, { address: '::1', given: '::1' }, 7000 + spec.offset));
    expect(siteClashes(origins)).toEqual([]);
  });

  it('on another 127.0.0.0/8 address advertises only that address, and says which sites merged', () => {
    const urls = at({ address: '127.0.0.2', given: '127.0.0.2' });
    for (const url of Object.values(urls)) expect(new URL(url).hostname).toBe('127.0.0.2');
    const origins = ORIGINS.map((spec) => advertisedOrigin(spec, { address: '127.0.0.2', given: '127.0.0.2' }, 7000 + spec.offset));
    expect(siteClashes(origins)).toEqual(['app, api, api2, partner, evil and public are all on http://127.0.0.2']);
  });

  it('on a named host uses the name for the page origins and the address for partner', () => {
    expect(at({ address: '192.168.1.5', given: 'teacher.lan' })).toMatchObject({ app: 'http://teacher.lan:7000', partner: 'http://192.168.1.5:7003' });
    const origins = ORIGINS.map((spec) => advertisedOrigin(spec, { address: '192.168.1.5', given: 'teacher.lan' }, 7000 + spec.offset));
    expect(siteClashes(origins)).toEqual(['app, api, api2 and evil are all on http://teacher.lan']);
  });
});

describe('isLoopbackAddress', () => {
  for (const address of ['127.0.0.1', '127.0.0.2', '127.255.255.254', '::1', '[::1]', '::ffff:127.0.0.1']) {
    it(`${address} is loopback`, () => expect(isLoopbackAddress(address)).toBe(true));
  }
  for (const address of ['0.0.0.0', '::', '192.168.1.5', '10.0.0.1', '128.0.0.1', '::2', 'localhost']) {
    it(`${address} is not`, () => expect(isLoopbackAddress(address)).toBe(false));
  }
});
