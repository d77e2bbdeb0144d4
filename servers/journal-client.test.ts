import { describe, expect, it } from 'vitest';
import { UNKNOWN_CLIENT, journalClient } from './journal-client.ts';

describe('journalClient', () => {
  it('charges IPv4 and IPv4-mapped addresses to the address', () => {
    expect(journalClient('192.168.1.20')).toBe('192.168.1.20');
    expect(journalClient('::ffff:192.168.1.20')).toBe('192.168.1.20');
    expect(journalClient('::FFFF:127.0.0.2')).toBe('127.0.0.2');
  });

  it('charges IPv6 addresses to their /64, however they are written', () => {
    const prefix = '2001:db8:0:1::/64';
    for (const address of ['2001:db8:0:1::1', '2001:db8::1:aaaa:bbbb:cccc:dddd', '2001:0db8:0000:0001:1:2:3:4', 'fe80::1%eth0']) {
      expect(journalClient(address)).toBe(address.startsWith('fe80') ? 'fe80:0:0:0::/64' : prefix);
    }
    expect(journalClient('::1')).toBe('0:0:0:0::/64');
  });

  it('names a connection without an address', () => {
    expect(journalClient(undefined)).toBe(UNKNOWN_CLIENT);
    expect(journalClient('')).toBe(UNKNOWN_CLIENT);
  });
});
