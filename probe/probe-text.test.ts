/** probeReport with several probes: a fix merged after the table is pointed to, a redirect chain's stays put. */
import { describe, expect, it } from 'vitest';
import { probeRequest } from './probe-options.ts';
import type { ProbeResult } from './probe-result.ts';
import type { ProbeFix } from './probe-fix.ts';
import { probeReport } from './probe-text.ts';

const request = probeRequest({ url: 'http://127.0.0.1:8080/x', origin: 'http://localhost:3000' });

function blocked(fixText: string, fix?: ProbeFix): ProbeResult {
  const reason = 'MissingAllowOriginHeader';
  const facts = { outcome: 'blocked', reason, failedParameter: null, preflight: false } as const;
  const seen = { reachedServer: true, status: null, originSeen: null, requestHeadersSeen: null, cookieSent: false };
  return {
    ...facts,
    ...seen,
    pageError: null,
    responseType: null,
    readableHeaders: {},
    console: null,
    request,
    cause: 'cors',
    decidedBy: 'cors',
    preflightResponse: null,
    response: null,
    responseHeaders: {},
    addressSpace: { page: 'public', target: 'loopback' },
    explanation: { verdict: 'Blocked.', console: null, fix: fixText, mdn: null, firefox: null },
    ...(fix ? { fix } : {}),
  };
}

const someFix: ProbeFix = {
  changes: [],
  needs: { origins: [], credentials: false, methods: [], headers: [], exposed: [], maxAge: null, preflight: false },
  preflightStatus: null,
  impossible: [],
  answers: {},
};

describe('probeReport({ fix: false })', () => {
  it('points to the merged fix when the probe has one to merge', () => {
    const text = probeReport(blocked('answer: Access-Control-Allow-Origin: x', someFix), { fix: false });
    expect(text).toContain('fix       see the fix of every probe, after the table');
    expect(text).not.toContain('answer: Access-Control-Allow-Origin: x');
  });

  it("prints a redirect chain's fix (no ProbeFix: nothing is merged after the table)", () => {
    const text = probeReport(blocked('hop 1 (GET http://127.0.0.1:8080/x) redirect: Vary: Origin'), { fix: false });
    expect(text).toContain('fix       hop 1 (GET http://127.0.0.1:8080/x) redirect: Vary: Origin');
    expect(text).not.toContain('after the table');
  });
});
