import { describe, expect, it } from 'vitest';
import type { Explanation } from '../experiments/model/explain.ts';
import { explainNullOrigin } from './null-origin.ts';
import { probeRequest } from './probe-options.ts';

const allowed: Explanation = { verdict: 'Allowed.', console: null, fix: null, mdn: null, firefox: null };
const blocked: Explanation = { ...allowed, verdict: 'Blocked.', fix: 'actual answer: Access-Control-Allow-Origin: null' };
const answer = (value: string) => ({ status: 200, headers: [['Access-Control-Allow-Origin', value]] as Array<[string, string]>, addressSpace: null });

describe('explainNullOrigin', () => {
  for (const credentials of ['omit', 'include'] as const) {
    const request = probeRequest({ url: 'http://127.0.0.1:8080/x', origin: 'null', credentials });

    it(`an API that allows null is unsafe (credentials ${credentials})`, () => {
      const told = explainNullOrigin(allowed, request, answer('null'));
      expect(told.verdict).toMatch(/^Allowed\. Unsafe: the API allows Origin: null/);
      expect(told.verdict.includes("with the user's cookies")).toBe(credentials === 'include');
      expect(told.fix).toContain('stop sending Access-Control-Allow-Origin: null');
    });

    it(`a refused null origin: the fix never asks for null (credentials ${credentials})`, () => {
      const told = explainNullOrigin(blocked, request, answer('http://localhost:3000'));
      expect(told.fix).toContain('give the page a real origin');
      expect(told.fix).not.toMatch(/^actual answer: Access-Control-Allow-Origin: null/);
      expect(told.fix?.includes('Access-Control-Allow-Origin: * for public data')).toBe(credentials === 'omit');
    });
  }

  it('* for an opaque page without credentials: allowed, nothing added', () => {
    const request = probeRequest({ url: 'http://127.0.0.1:8080/x', origin: 'null' });
    expect(explainNullOrigin(allowed, request, answer('*'))).toEqual(allowed);
  });
});
