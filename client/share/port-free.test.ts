import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { validateExperiments } from '../../format/validate.ts';
import { originMap, originsAtPortBase, type OriginMap } from '../../plan/origins.ts';
import { portFreeExperiment } from './port-free.ts';

// A lab on other ports, and one whose app port is a prefix of the next one's (5310 and 53100).
const lab = originMap(originsAtPortBase(6410));
const origins: OriginMap = { ...lab, app: 'http://localhost:5310', api: 'http://localhost:53100' };
const experiment = (input: object) => validateExperiments({ id: 'custom-x', title: 'x', group: 'custom', request: { target: 'api2' }, ...input }, 'test')[0]!;

describe('portFreeExperiment', () => {
  it('writes the page origin as {page} and the others as {origin:NAME} in response headers and expectations', () => {
    const literal = experiment({
      server: {
        preflight: { headers: { 'Access-Control-Allow-Origin': origins.app } },
        actual: { headers: { 'Access-Control-Allow-Origin': origins.app, Link: `<${origins.api}/x>`, Vary: ['Origin', origins.api2] } },
        redirects: [{ to: 'api2', headers: { 'Access-Control-Allow-Origin': origins.public } }],
      },
      expect: { outcome: 'allowed', originSeen: origins.app },
      then: [{ request: { method: 'GET' }, expect: { originSeen: origins.partner } }],
    });
    const free = portFreeExperiment(literal, origins);
    expect(free.server?.preflight?.headers).toEqual({ 'Access-Control-Allow-Origin': '{page}' });
    expect(free.server?.actual?.headers).toEqual({ 'Access-Control-Allow-Origin': '{page}', Link: '<{origin:api}/x>', Vary: ['Origin', '{origin:api2}'] });
    expect(free.server?.redirects?.[0]?.headers).toEqual({ 'Access-Control-Allow-Origin': '{origin:public}' });
    expect(free.expect?.originSeen).toBe('{page}');
    expect(free.then?.[0]?.expect?.originSeen).toBe('{origin:partner}');
    expect(JSON.stringify(free)).not.toMatch(/:(53|64)\d\d/);
    // Still a valid experiment.
    expect(() => validateExperiments(free, 'test')).not.toThrow();
  });

  it('names the page by its origin when the page is opaque (null), and the middleware origin option too', () => {
    const middleware = { name: 'hono/cors', options: { origin: [origins.app, 'https://x.example'] } };
    const free = portFreeExperiment(experiment({ page: 'null', server: { middleware } }), origins);
    expect(free.server?.middleware?.options).toEqual({ origin: ['{origin:app}', 'https://x.example'] });
  });

  it('leaves a longer port, another host and text outside the plan alone', () => {
    const other = `${origins.app}1`;
    const literal = experiment({
      title: origins.app,
      request: { target: 'api', path: '/p', headers: { 'X-Where': origins.app } },
      server: { actual: { headers: { 'X-A': other, 'X-B': 'http://localhost.example:5310' } } },
    });
    const free = portFreeExperiment(literal, origins);
    expect(free.server?.actual?.headers).toEqual({ 'X-A': other, 'X-B': 'http://localhost.example:5310' });
    expect(free.title).toBe(origins.app);
    expect(free.request.headers).toEqual({ 'X-Where': origins.app });
  });

  it('changes nothing in a catalog experiment (they are written with tokens already)', () => {
    for (const e of catalog) expect(portFreeExperiment(e, origins)).toEqual(JSON.parse(JSON.stringify(e)));
  });
});
