import type { TestCase, TestResult } from '@playwright/test/reporter';
import { describe, expect, it } from 'vitest';
import CorsLabReporter from './reporter.ts';

const blocked = {
  request: { url: 'http://127.0.0.1:8080/items', origin: 'http://localhost:3000', method: 'GET' },
  outcome: 'blocked',
  reason: 'AllowOriginMismatch',
  console: "Access to fetch at 'http://127.0.0.1:8080/items' from origin 'http://localhost:3000' has been blocked by CORS policy: ...",
  preflight: false,
  readableHeaders: {},
  explanation: { verdict: 'Blocked after the response arrived.', console: null, fix: 'Access-Control-Allow-Origin: http://localhost:3000', mdn: null, firefox: null },
};

function report(outcome: ReturnType<TestCase['outcome']>, attached: unknown[]): string {
  let out = '';
  const reporter = new CorsLabReporter({ write: (text) => void (out += text) });
  const test = { outcome: () => outcome, location: { file: '/x/tests/api.spec.ts', line: 7, column: 1 }, titlePath: () => ['', 'chromium', 'api.spec.ts', 'my test'] } as unknown as TestCase;
  const result = { attachments: attached.map((value, i) => ({ name: `cors-lab: probe ${i}`, contentType: 'application/json', body: Buffer.from(JSON.stringify(value)) })) } as unknown as TestResult;
  reporter.onTestEnd(test, result);
  reporter.onEnd();
  return out;
}

describe('cors-lab/reporter', () => {
  it('prints reason, console line and fix of each blocked request of a failed test', () => {
    const out = report('unexpected', [blocked, { ...blocked, outcome: 'allowed', reason: null }]);
    expect(out).toContain('CORS  my test (api.spec.ts:7)');
    expect(out).toContain("Outcome:  blocked (Chromium's reason: AllowOriginMismatch)");
    expect(out).toContain('Console:  Access to fetch at');
    expect(out).toContain('Fix:      Access-Control-Allow-Origin: http://localhost:3000');
    expect(out.match(/Request:/g)).toHaveLength(1);
    expect(out).toContain('cors-lab: 1 blocked request or failed experiment in failed tests');
  });

  it('prints what a hostile server sent escaped: no control character reaches the terminal', () => {
    const attack = '\u001b]52;c;ZXZpbA==\u0007\u009b2J\u202e';
    const out = report('unexpected', [{ ...blocked, console: `Access to fetch ${attack}`, explanation: { ...blocked.explanation, verdict: `Blocked: ${attack}` } }]);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('Access to fetch \\u001b]52;c;ZXZpbA==\\u0007\\u009b2J\\u202e');
  });

  it('says nothing for a passing test, or one with no CORS results', () => {
    expect(report('expected', [blocked])).toBe('');
    expect(report('unexpected', [])).toBe('');
  });
});
