import { describe, expect, it } from 'vitest';
import { validateExperiments } from '../format/validate.ts';
import { experimentSteps, stepRequest } from './steps.ts';

const [experiment] = validateExperiments(
  {
    id: 'steps', title: 'steps', group: 'cache', page: 'partner',
    request: { target: 'api', method: 'PUT', headers: { 'X-Token': 'a' }, credentials: 'include' },
    server: { preflight: { headers: { 'Access-Control-Allow-Methods': 'PUT' } } },
    then: [
      { title: 'again, from the app', page: 'app', delayMs: 1200, request: { method: 'DELETE' } },
      { title: 'again' },
    ],
  },
  'steps.json',
);

describe('experimentSteps', () => {
  const steps = experimentSteps(experiment!);

  it('resolves each step once: page, wait, request with the overrides on the defaults, its place', () => {
    expect(steps.map((s) => [s.index, s.title, s.page, s.delayMs, s.path, s.request.method])).toEqual([
      [0, undefined, 'partner', 0, '', 'PUT'],
      [1, 'again, from the app', 'app', 1200, 'then[0].', 'DELETE'],
      [2, 'again', 'partner', 0, 'then[1].', 'PUT'],
    ]);
    // A `then` step keeps what it does not override.
    const kept = { target: 'api', credentials: 'include', headers: { 'X-Token': 'a' }, mode: 'cors' };
    expect(steps[1]!.request).toMatchObject(kept);
  });

  it('gives the runner page the resolved request, without an unset targetAddressSpace', () => {
    const request = stepRequest(steps[1]!, 'http://localhost:5311/__cl/run/0/plan/');
    expect(request).toEqual({
      api: 'fetch', url: 'http://localhost:5311/__cl/run/0/plan/', method: 'DELETE', headers: [['X-Token', 'a']],
      body: null, mode: 'cors', credentials: 'include', redirect: 'follow', referrerPolicy: undefined,
    });
    expect('targetAddressSpace' in request).toBe(false);
  });
});
