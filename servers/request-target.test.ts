import { describe, expect, it } from 'vitest';
import { requestTarget } from './request-target.ts';

describe('requestTarget', () => {
  it('takes origin-form as the path, with no host of its own', () => {
    expect(requestTarget('/__cl/x?y=1')).toEqual({ kind: 'target', path: '/__cl/x?y=1', host: null });
  });

  it('takes the host of an absolute-form target, and its path and query as origin-form', () => {
    expect(requestTarget('http://127.0.0.1:5311/a/b?c=d')).toEqual({ kind: 'target', path: '/a/b?c=d', host: '127.0.0.1:5311' });
    expect(requestTarget('HTTP://Evil.example')).toEqual({ kind: 'target', path: '/', host: 'Evil.example' });
    expect(requestTarget('http://[::1]:80?q')).toEqual({ kind: 'target', path: '/?q', host: '[::1]:80' });
  });

  it('refuses the asterisk-form, authority-form, other schemes, user information and an empty host, naming what it saw', () => {
    for (const [raw, message] of [
      ['*', /asterisk-form target "\*"/],
      ['127.0.0.1:443', /"127\.0\.0\.1:443" is neither a path/],
      ['https://127.0.0.1/', /"https:\/\/127\.0\.0\.1\/" is neither a path/],
      ['ftp://x/', /neither a path/],
      ['http://user:pass@127.0.0.1:5311/', /names a user/],
      ['http:///x', /has no host/],
    ] as const) {
      const parsed = requestTarget(raw);
      expect(parsed.kind, raw).toBe('refused');
      expect(parsed.kind === 'refused' && parsed.message, raw).toMatch(message);
    }
  });
});
