import { describe, expect, test } from 'vitest';
import { validateExperiments } from '../../experiments/validate.ts';
import { requestText, serverText } from './setup-text.ts';

const [experiment] = validateExperiments(
  {
    id: 'x', title: 'x', group: 'preflight',
    request: { target: 'api', path: '/items', method: 'PUT', credentials: 'include', headers: { 'X-Custom': '1' } },
    server: { preflight: { headers: { 'Access-Control-Allow-Origin': '{page}' } }, redirects: [{ status: 307, to: 'api2' }], actual: { status: 201 } },
    then: [{ title: 'again', request: { method: 'GET' } }],
  },
  'test',
);

describe('what a learner reads before predicting', () => {
  test('the request: call, options, headers and later steps', () => {
    expect(requestText(experiment!)).toBe('page app: fetch PUT api/items\ncredentials: include\nX-Custom: 1\nthen 1 (again): {"method":"GET"}');
  });
  test('the servers: preflight, redirect hops and the actual answer, headers as written', () => {
    expect(serverText(experiment!)).toBe('OPTIONS → 204\nAccess-Control-Allow-Origin: {page}\n\nredirect 1: 307 → api2 (no headers)\n\nPUT → 201 (no headers)');
  });
});
