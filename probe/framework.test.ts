/** `--framework auto`: a guess from the server's headers, which says what it rests on. */
import { describe, expect, it } from 'vitest';
import { frameworkNote, guessFramework, resolveFramework } from './framework.ts';

describe('guessFramework', () => {
  const ALLOW_METHODS = 'Access-Control-Allow-Methods';
  const cases: Array<[string, Array<[string, string]>, string | null, string | null]> = [
    ['Express by X-Powered-By', [['X-Powered-By', 'Express']], 'express', 'X-Powered-By: Express'],
    ['nginx by Server', [['Server', 'nginx/1.25.3']], 'nginx', 'Server: nginx/1.25.3'],
    ['Express cors at its default methods', [[ALLOW_METHODS, 'GET,HEAD,PUT,PATCH,POST,DELETE']], 'express', null],
    ['@fastify/cors left at its default methods', [['access-control-allow-methods', 'GET,HEAD,POST']], 'fastify', null],
    ['hono/cors at its default methods', [[ALLOW_METHODS, 'GET,HEAD,PUT,POST,DELETE,PATCH,QUERY']], 'hono', null],
    ['a Server that only mentions nginx is not nginx', [['Server', 'not-nginx']], null, null],
    ['methods written by hand are no sign', [['Access-Control-Allow-Methods', 'GET, PUT']], null, null],
  ];
  for (const [name, lines, framework, basis] of cases) {
    it(name, () => {
      const guess = guessFramework([lines]);
      expect(guess?.name ?? null).toBe(framework);
      if (basis !== null) expect(guess?.basis).toBe(basis);
      const byDefault = /^Access-Control-Allow-Methods: .* \(the middleware's default\)$/;
      if (framework !== null && basis === null) expect(guess?.basis).toMatch(byDefault);
    });
  }
});

describe('resolveFramework', () => {
  it('a framework named is used as it is, with no note', () => {
    const used = resolveFramework('hono', [[['X-Powered-By', 'Express']]]);
    expect(used).toEqual({ name: 'hono', guessed: false, basis: null });
    expect(frameworkNote(used)).toBeNull();
  });

  it('auto says it is a guess, and what it rests on', () => {
    const used = resolveFramework('auto', [[], [['X-Powered-By', 'Express']]]);
    expect(frameworkNote(used)).toBe(
      'Framework: express, a guess from X-Powered-By: Express (--framework auto; name it with --framework).',
    );
  });

  it('auto with nothing recognised: plain headers, and it says so', () => {
    const used = resolveFramework('auto', [[['Date', 'x']]]);
    expect(used).toEqual({ name: 'headers', guessed: true, basis: null });
    expect(frameworkNote(used)).toMatch(/not recognised/);
  });
});
