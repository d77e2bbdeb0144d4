import { describe, expect, test } from 'vitest';
import type { JournalEntry } from '../../plan/journal-entry.ts';
import { receivedLine } from './received-text.ts';

const entry = (over: Partial<JournalEntry>): JournalEntry => ({
  seq: 0, time: '2026-12-06T19:00:00.000Z', origin: 'api', kind: 'actual', method: 'GET', path: '/data', hop: 0, requestHeaders: {},
  originHeader: 'http://localhost:5310', accessControlRequestMethod: null, accessControlRequestHeaders: null, referer: null, cookie: null,
  status: 200, responseHeaders: [], ...over,
});

describe('what the servers received', () => {
  test('a preflight names its Access-Control-Request-* headers and the status it got', () => {
    const line = receivedLine(entry({ kind: 'preflight', method: 'OPTIONS', accessControlRequestMethod: 'PUT', accessControlRequestHeaders: 'x-custom', status: 204 }));
    expect(line).toBe('api received OPTIONS /data (Origin: http://localhost:5310, Access-Control-Request-Method: PUT, Access-Control-Request-Headers: x-custom) and answered 204');
  });
  test('a request without Origin says so, and a cookie is shown', () => {
    expect(receivedLine(entry({ origin: 'api2', originHeader: null, cookie: 'session=abc' }))).toBe('api2 received GET /data (no Origin, Cookie: session=abc) and answered 200');
    expect(receivedLine(entry({ originHeader: 'null' }))).toContain('(Origin: null)');
  });
});
