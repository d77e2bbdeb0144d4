/** What the probe does not do in Firefox and WebKit yet is refused by name, before any browser starts. */
import { describe, expect, it } from 'vitest';
import { engineProbeProblem } from './probe-in-engine.ts';
import { probeRequest } from './probe-options.ts';

const base = { url: 'http://127.0.0.1:8080/items', origin: 'http://localhost:3000' };

describe('engineProbeProblem', () => {
  it('accepts a probe from a real origin with headers, credentials and then steps', () => {
    const options = { ...base, method: 'PUT', headers: { 'X-Token': '1' }, credentials: 'include' as const };
    const request = probeRequest({ ...options, then: [{}] });
    expect(engineProbeProblem(request, 'firefox')).toBeNull();
    expect(engineProbeProblem(request, 'webkit')).toBeNull();
  });

  const chromiumOnly: Array<[string, Parameters<typeof probeRequest>[0], string, string]> = [
    ['origin null', { ...base, origin: 'null' }, 'origin', 'a probe from origin null'],
    ['cookies', { ...base, cookies: ['a=1'], credentials: 'include' }, 'cookies', 'a probe with cookies'],
    [
      '--insecure', { ...base, url: 'https://127.0.0.1:8443/items', insecure: true }, 'insecure',
      'a probe that accepts any TLS certificate',
    ],
  ];
  for (const [name, options, field, what] of chromiumOnly) {
    it(`refuses ${name}, naming the field and the engine`, () => {
      const problem = engineProbeProblem(probeRequest(options), 'webkit');
      expect(problem?.field).toBe(field);
      expect(problem?.message).toBe(`${what} runs in Chromium only (browser chromium), not in WebKit`);
    });
  }
});
