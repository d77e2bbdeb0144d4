/** The report of a probe in Firefox or WebKit: its verdict in its own words, escaped, and what it cannot tell. */
import { describe, expect, it } from 'vitest';
import { cannotTell, type EngineProbeResult } from './engine-probe-result.ts';
import { engineProbeReport } from './engine-probe-text.ts';
import { probeRequest } from './probe-options.ts';

const request = probeRequest({ url: 'http://127.0.0.1:8080/items', origin: 'http://localhost:3000', method: 'PUT' });
const blocked: EngineProbeResult = {
  engine: 'webkit', browser: 'webkit 2.50.6', request, outcome: 'blocked', reason: 'WebKitMethodNotAllowed',
  console: 'CONSOLE SECURITY ERROR Method PUT is not allowed by Access-Control-Allow-Methods.', status: null,
  responseType: null, readableHeaders: {}, pageError: 'TypeError: Load failed', decidedBy: 'cors',
  cannotTell: cannotTell('webkit'),
};

describe('engineProbeReport', () => {
  it('prints the engine, the request, the reason, the console line and what the engine cannot tell', () => {
    const text = engineProbeReport(blocked);
    expect(text.split('\n').slice(0, 4)).toEqual([
      'WebKit: PUT http://127.0.0.1:8080/items from http://localhost:3000',
      '  outcome   blocked: WebKitMethodNotAllowed',
      '  console   CONSOLE SECURITY ERROR Method PUT is not allowed by Access-Control-Allow-Methods.',
      '  page      TypeError: Load failed',
    ]);
    expect(text).toContain('  unknown   whether a preflight was sent');
    expect(text).toContain("(Chromium's DevTools Protocol tells these: --browser chromium)");
  });

  it('says when the engine named no CORS reason, lists readable headers and then steps', () => {
    const noReason = engineProbeReport({ ...blocked, reason: null, console: null, decidedBy: 'network' });
    expect(noReason).toContain('  outcome   blocked (WebKit named no CORS reason)\n');
    const allowed = engineProbeReport({
      ...blocked, engine: 'firefox', outcome: 'allowed', reason: null, console: null, status: 200, pageError: null,
      readableHeaders: { 'x-page': '2' },
      thenResults: [{ method: 'PUT', outcome: 'allowed', reason: null, status: 200 }],
    });
    expect(allowed).toContain('Firefox: PUT');
    expect(allowed).toContain('  outcome   allowed, the page read status 200\n  readable  x-page\n');
    expect(allowed).toContain('  then      PUT -> allowed\n');
  });

  it('escapes control characters a server or page could put in the console line', () => {
    const text = engineProbeReport({ ...blocked, console: 'CONSOLE SECURITY ERROR \u001b]52;c;x\u0007' });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
