import { describe, expect, it } from 'vitest';
import { addressSpaceOf, needsPermission } from './address-space.ts';

describe('addressSpaceOf', () => {
  for (const host of ['localhost', 'api.localhost', '127.0.0.1', '127.8.9.1', '[::1]', 'LOCALHOST.']) {
    it(`${host} is loopback`, () => expect(addressSpaceOf(host)).toBe('loopback'));
  }
  for (const host of ['10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.10', '169.254.1.1', '[fd00::1]', '[fe80::1]', 'printer.local']) {
    it(`${host} is local`, () => expect(addressSpaceOf(host)).toBe('local'));
  }
  for (const host of ['example.com', 'app.example', '8.8.8.8', '172.32.0.1', '[2001:db8::1]', 'localhost.example.com', '127.0.0.1.nip.io']) {
    it(`${host} is public`, () => expect(addressSpaceOf(host)).toBe('public'));
  }
});

describe('needsPermission', () => {
  it('public to loopback and local, local to loopback', () => {
    expect(needsPermission('public', 'loopback')).toBe(true);
    expect(needsPermission('public', 'local')).toBe(true);
    expect(needsPermission('local', 'loopback')).toBe(true);
  });
  it('never towards a less private space or the same one', () => {
    expect(needsPermission('loopback', 'public')).toBe(false);
    expect(needsPermission('loopback', 'loopback')).toBe(false);
    expect(needsPermission('local', 'public')).toBe(false);
    expect(needsPermission('public', 'public')).toBe(false);
  });
});
