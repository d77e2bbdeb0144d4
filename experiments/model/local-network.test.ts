/** Local Network Access as measured in Chromium 156 (shared/browser-facts.md). */
import { describe, expect, it } from 'vitest';
import { localNetworkCheck } from './local-network.ts';

const denied = { thirdPartyCookies: 'blocked', localNetworkAccess: 'denied' } as const;
const granted = { thirdPartyCookies: 'blocked', localNetworkAccess: 'granted' } as const;

describe('localNetworkCheck', () => {
  it('needs no permission within or towards a less private space', () => {
    expect(localNetworkCheck('loopback', 'loopback', undefined, false, denied)).toEqual({ block: null });
    expect(localNetworkCheck('loopback', 'public', undefined, true, denied)).toEqual({ block: null });
    expect(localNetworkCheck('public', 'public', undefined, true, denied)).toEqual({ block: null });
  });

  it('ignores a declared address space for a public resource', () => {
    for (const declared of ['local', 'loopback'] as const) expect(localNetworkCheck('public', 'public', declared, false, denied)).toEqual({ block: null });
  });

  it('checks a declared address space in every direction', () => {
    expect(localNetworkCheck('loopback', 'loopback', 'local', false, denied)).toEqual({ block: 'before', reason: 'InvalidLocalNetworkAccess' });
    expect(localNetworkCheck('loopback', 'loopback', 'local', true, denied)).toEqual({ block: 'after-preflight', reason: 'InvalidLocalNetworkAccess' });
  });

  it('refuses public -> loopback before sending unless the permission is granted', () => {
    for (const preflighted of [false, true]) {
      expect(localNetworkCheck('public', 'loopback', undefined, preflighted, denied)).toEqual({ block: 'before', reason: 'LocalNetworkAccessPermissionDenied' });
      expect(localNetworkCheck('public', 'loopback', 'loopback', preflighted, granted)).toEqual({ block: null });
    }
  });

  it('refuses a wrong targetAddressSpace: at once for a simple request, after the preflight for a granted preflighted one', () => {
    expect(localNetworkCheck('public', 'loopback', 'local', false, denied)).toEqual({ block: 'before', reason: 'InvalidLocalNetworkAccess' });
    expect(localNetworkCheck('public', 'loopback', 'local', false, granted)).toEqual({ block: 'before', reason: 'InvalidLocalNetworkAccess' });
    expect(localNetworkCheck('public', 'loopback', 'local', true, denied)).toEqual({ block: 'before', reason: 'LocalNetworkAccessPermissionDenied' });
    expect(localNetworkCheck('public', 'loopback', 'local', true, granted)).toEqual({ block: 'after-preflight', reason: 'InvalidLocalNetworkAccess' });
  });
});
