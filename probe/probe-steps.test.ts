import { describe, expect, it } from 'vitest';
import { probeRequest } from './probe-options.ts';
import { probeStepRequest, probeSteps } from './probe-steps.ts';

const request = probeRequest({
  url: 'http://127.0.0.1:8080/items?page=2',
  origin: 'http://localhost:3000',
  method: 'PUT',
  headers: [['X-Trace', 'a'], ['Content-Type', 'application/json'], ['X-Trace', 'b']],
  body: '{}',
  credentials: 'include',
  then: [{ method: 'DELETE' }],
});

describe('probeSteps: the probe as steps of the step engine', () => {
  it('asks for the user URL with the method, headers (repeated names in order), body and credentials', () => {
    const [first] = probeSteps(request);
    expect(probeStepRequest(first, request)).toEqual({
      api: 'fetch', url: 'http://127.0.0.1:8080/items?page=2', method: 'PUT',
      headers: [['X-Trace', 'a'], ['X-Trace', 'b'], ['Content-Type', 'application/json']],
      body: '{}', mode: 'cors', credentials: 'include', redirect: 'follow', referrerPolicy: undefined, skipBody: true,
    });
  });

  it('makes each `then` request a further step with its own method, placed as the format places then[0]', () => {
    const steps = probeSteps(request);
    expect(steps.map((s) => [s.index, s.path, s.request.method, s.page, s.delayMs])).toEqual([
      [0, '', 'PUT', 'app', 0],
      [1, 'then[0].', 'DELETE', 'app', 0],
    ]);
    const [first, then] = steps;
    expect(then && probeStepRequest(then, request).headers).toEqual(probeStepRequest(first, request).headers);
  });
});
