import { describe, expect, it } from 'vitest';
import { causeOf, explainNonCors } from './diagnose.ts';

describe('causeOf', () => {
  it('tells the failures that are not CORS apart', () => {
    expect(causeOf('blocked', 'LocalNetworkAccessPermissionDenied')).toBe('local-network-access');
    expect(causeOf('blocked', 'mixed-content')).toBe('mixed-content');
    expect(causeOf('blocked', 'net::ERR_CONNECTION_REFUSED')).toBe('connection-refused');
    expect(causeOf('blocked', 'net::ERR_CERT_AUTHORITY_INVALID')).toBe('tls');
    expect(causeOf('blocked', 'net::ERR_SSL_PROTOCOL_ERROR')).toBe('tls');
    expect(causeOf('blocked', 'net::ERR_NAME_NOT_RESOLVED')).toBe('network');
    expect(causeOf('blocked', null)).toBe('network');
  });
  it('CORS reasons are CORS; allowed and opaque have no cause', () => {
    expect(causeOf('blocked', 'AllowOriginMismatch')).toBe('cors');
    expect(causeOf('allowed', null)).toBeNull();
    expect(causeOf('opaque', null)).toBeNull();
  });
});

describe('explainNonCors', () => {
  const context = { url: 'https://127.0.0.1:8443/items', pageOrigin: 'https://app.example', pageSpace: 'public', targetSpace: 'loopback', reason: 'net::ERR_CERT_AUTHORITY_INVALID', console: null, pageError: null };
  it('a certificate error asks for a trusted certificate for the host', () => {
    expect(explainNonCors('tls', context).fix).toBe('Serve a certificate the browser trusts for 127.0.0.1 (valid, not expired, naming this host).');
  });
  it('Local Network Access names both address spaces and says no header helps', () => {
    const e = explainNonCors('local-network-access', { ...context, url: 'http://127.0.0.1:8080/items', reason: 'LocalNetworkAccessPermissionDenied' });
    expect(e.verdict).toContain('a page on https://app.example (public address space) may not reach http://127.0.0.1:8080 (loopback)');
    expect(e.fix).toMatch(/^No response header fixes this/);
  });
});
