import { describe, expect, it } from 'vitest';
import { PlanUrlError, decodePlan, encodePlan, parsePlannedPath, plannedPath, toBase64Url } from './plan-url.ts';

describe('plan URLs', () => {
  const payload = { page: 'app' as const, server: { actual: { headers: { 'X-Ünï': 'é', A: ['1', '2'] } } } };

  it('round-trips a plan, non-ASCII included', () => {
    expect(decodePlan(encodePlan(payload))).toEqual(payload);
  });

  it('uses only URL-safe characters', () => {
    expect(encodePlan(payload)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('splits run, hop, plan and the path with its query', () => {
    const token = encodePlan(payload);
    expect(parsePlannedPath(plannedPath('run-1', 2, token, '/a/b?c=d'))).toEqual({ run: 'run-1', hop: 2, token, path: '/a/b?c=d' });
  });

  it('leaves other paths alone', () => {
    expect(parsePlannedPath('/__runner')).toBeNull();
  });

  it.each([
    ['/__cl/BAD_RUN/0/x/', 'run'],
    ['/__cl/r/x/abc/', 'hop'],
    ['/__cl/r/0//', 'plan'],
  ])('refuses %s naming the field %s', (path, field) => {
    expect(() => parsePlannedPath(path)).toThrow(expect.objectContaining({ field }));
  });

  it.each([
    ['%%%', 'plan is not base64url'],
    [toBase64Url('not json'), 'plan is not valid JSON'],
    [toBase64Url('{"x":1}'), 'plan must hold "p" (page) and "s" (server)'],
  ])('refuses the undecodable plan %s', (token, message) => {
    expect(() => decodePlan(token)).toThrow(new PlanUrlError('plan', message));
  });
});
