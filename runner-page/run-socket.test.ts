/**
 * Which violation reports end a WebSocket step (run-socket.ts): the page's enforced `connect-src` naming the socket's
 * URL or its origin, nothing else (a report-only policy, another directive, another URL). The events themselves are
 * measured in Chromium, Firefox and WebKit by the catalog's `csp-connect-src-*-websocket` pair.
 */
import { describe, expect, it } from 'vitest';
import { refusesSocket } from './run-socket.ts';

const SOCKET = 'ws://localhost:5311/__cl/run/0/plan/';
type Report = SecurityPolicyViolationEvent;
const report = (fields: Partial<Report>): Report =>
  ({ effectiveDirective: 'connect-src', disposition: 'enforce', blockedURI: SOCKET, ...fields }) as Report;

describe('refusesSocket', () => {
  it("ends the step on the page's enforced connect-src naming the socket's URL or origin", () => {
    for (const blockedURI of [SOCKET, 'ws://localhost:5311', 'ws://localhost:5311/']) {
      expect(refusesSocket(report({ blockedURI }), SOCKET), blockedURI).toBe(true);
    }
  });

  it('ignores a report-only policy, another directive and another URL', () => {
    expect(refusesSocket(report({ disposition: 'report' }), SOCKET)).toBe(false);
    expect(refusesSocket(report({ effectiveDirective: 'img-src' }), SOCKET)).toBe(false);
    const others = ['ws://localhost:5312/', 'http://localhost:5311/', 'ws://localhost:5311/other', 'inline'];
    for (const blockedURI of others) {
      expect(refusesSocket(report({ blockedURI }), SOCKET), blockedURI).toBe(false);
    }
  });
});
