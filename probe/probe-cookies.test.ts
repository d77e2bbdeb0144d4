import { describe, expect, it } from 'vitest';
import { cookieReport, cookieWords } from './probe-cookies.ts';
import { probeRequest } from './probe-options.ts';

const request = probeRequest({
  url: 'http://127.0.0.1:8080/account',
  origin: 'http://localhost:3000',
  credentials: 'include',
  cookies: ['sid=1', 'theme=dark', 'lost=1'],
});

describe('cookieReport', () => {
  it('sent, refused with Chromium\'s reasons, or never offered', () => {
    const report = cookieReport(request, [
      { name: 'sid', blockedReasons: [] },
      { name: 'theme', blockedReasons: ['UserPreferences'] },
      { name: 'other', blockedReasons: [] },
    ]);
    expect(report).toEqual([
      { name: 'sid', sent: true, blockedReasons: [] },
      { name: 'theme', sent: false, blockedReasons: ['UserPreferences'] },
      { name: 'lost', sent: false, blockedReasons: [] },
    ]);
    expect(report.map(cookieWords)).toEqual([
      'sid sent',
      'theme not sent: third-party cookies are blocked in this browser (the page and the URL are cross-site) ' +
        '(UserPreferences)',
      'lost not sent (Chromium did not offer it for this URL)',
    ]);
  });

  it('an unknown reason is quoted as Chromium names it', () => {
    expect(cookieWords({ name: 'a', sent: false, blockedReasons: ['SomethingNew'] })).toBe('a not sent: SomethingNew (SomethingNew)');
  });
});
