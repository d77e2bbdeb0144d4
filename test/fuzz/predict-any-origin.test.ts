/**
 * predict() for any origin on generated input (a fixed seed, so a failure reproduces): every answer is a
 * prediction or a PredictInputError naming a field, never another exception; and each prediction keeps
 * its promises (a blocked one has a reason; an allowed one a status; `incomplete` names what is missing).
 */
import { describe, expect, it } from 'vitest';
import { predict, PredictInputError, type AnyOriginInput } from '../../api/model.ts';

/** A small linear congruential generator: the same cases on every run. */
function generator(seed: number): <T>(choices: readonly T[]) => T {
  let state = seed;
  return (choices) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return choices[state % choices.length] as (typeof choices)[number];
  };
}

const NAMES = ['Access-Control-Allow-Origin', 'access-control-allow-methods', 'Access-Control-Allow-Headers'];
const MORE_NAMES = [
  'Access-Control-Allow-Credentials',
  'Access-Control-Expose-Headers',
  'Access-Control-Max-Age',
  'Location',
];
const OTHER_NAMES = ['Set-Cookie', 'Vary', 'Content-Length', 'Cross-Origin-Resource-Policy', 'Clear-Site-Data', 'X-A'];
const VALUES = [
  '*',
  'http://localhost:3000',
  'null',
  'true',
  'TRUE',
  '',
  ' ',
  'PUT, x',
  '"a"',
  '/x',
  'ftp://x/',
  'data:,x',
];
const MORE_VALUES = [
  'http://u:p@a.example/',
  '600',
  '-1',
  'cross-origin',
  'a=b; SameSite=None',
  '\u00e9',
  '//evil.example/x',
];
const ORIGINS = [
  'http://localhost:3000',
  'https://app.example.com',
  'null',
  'http://192.168.0.2:8080',
  'https://a.localhost',
];
const URLS = [
  'https://api.example.com/x',
  'http://localhost:3000/same',
  '/relative',
  'http://127.0.0.1:9/',
  'http://[::1]:8/',
];

function input(pick: ReturnType<typeof generator>): AnyOriginInput {
  const lines = (): Array<[string, string]> =>
    [0, 1, 2, 3]
      .slice(0, pick([0, 1, 2, 3, 4]))
      .map(() => [pick([...NAMES, ...MORE_NAMES, ...OTHER_NAMES]), pick([...VALUES, ...MORE_VALUES])]);
  return {
    origin: pick(ORIGINS),
    request: {
      url: pick(URLS),
      method: pick(['GET', 'POST', 'PUT', 'patch', 'DELETE', 'HEAD', 'CONNECT']),
      headers: [[pick(['X-Custom', 'Content-Type', 'Range', 'Authorization']), pick(['text/plain', 'bytes=0-1', 'a'])]],
      credentials: pick(['omit', 'same-origin', 'include'] as const),
      mode: pick(['cors', 'no-cors', 'same-origin'] as const),
      api: pick(['fetch', 'xhr'] as const),
      redirect: pick(['follow', 'error', 'manual'] as const),
    },
    ...(pick([true, false]) ? { preflight: { status: pick([200, 204, 302, 401, 404]), headers: lines() } } : {}),
    response: { status: pick([200, 204, 301, 302, 303, 307, 400, 404, 500]), headers: lines() },
  };
}

describe('predict() on generated input', () => {
  it('answers 600 generated cases with a prediction or a named input error', async () => {
    const pick = generator(17);
    const outcomes = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const given = input(pick);
      const result = await predict(given).catch((error: unknown) => {
        if (error instanceof PredictInputError) return error;
        throw new Error(`case ${i}: ${String(error)}\n${JSON.stringify(given)}`);
      });
      if (result instanceof PredictInputError) {
        expect(result.message.startsWith(`${result.field}: `)).toBe(true);
        continue;
      }
      outcomes.add(result.outcome);
      if (result.outcome === 'blocked') expect(result.reason ?? result.pageError, `case ${i}`).not.toBeNull();
      if (result.outcome === 'allowed') expect(result.status, `case ${i}`).not.toBeNull();
      if (result.outcome === 'incomplete') expect(result.missing, `case ${i}`).not.toBeNull();
    }
    // The generator reaches every kind of answer, so the checks above are not vacuous.
    expect([...outcomes].sort()).toEqual(['allowed', 'blocked', 'incomplete', 'opaque']);
  });
});
