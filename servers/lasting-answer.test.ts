/**
 * A plan's cookies and other lasting headers through the origin app (Hono's
 * `app.request`, real headers, no port): sent scoped to the run's own fetch,
 * withheld from navigations and made-up runs, and said so in the journal.
 */
import { describe, expect, it } from 'vitest';
import { predictExperiment } from '../experiments/model/predict.ts';
import type { ServerPlan } from '../format/schema.ts';
import { validateExperiments } from '../format/validate.ts';
import { Journal } from './journal.ts';
import type { LabContext } from './lab-context.ts';
import { createOriginApp } from './origin-app.ts';
import { originMap, originsAtPortBase } from '../plan/origins.ts';
import { encodePlan, plannedPath } from '../plan/plan-url.ts';
import { RunIds } from './run-ids.ts';

const origins = originsAtPortBase(7000);
const APP = 'http://localhost:7000';
const FETCH = { Origin: APP, 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Dest': 'empty', 'Sec-Fetch-Site': 'same-site' };
const NAVIGATIONS: Array<[string, Record<string, string>]> = [
  ['a top-level navigation', { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-User': '?1', 'Upgrade-Insecure-Requests': '1' }],
  ['a frame', { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'iframe' }],
  ['a form post', { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document', Origin: 'https://attacker.example' }],
  ['an image', { 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'image' }],
  ['a navigation without Fetch Metadata', { 'Upgrade-Insecure-Requests': '1' }],
];
const PLAN: ServerPlan = {
  actual: {
    headers: { 'Access-Control-Allow-Origin': '{page}', 'Set-Cookie': 'sid=1; Path=/; Domain=localhost; Max-Age=86400', 'Clear-Site-Data': '"*"', Refresh: '0; url=/' },
  },
};

function lab(): LabContext {
  return { origins, originMap: originMap(origins), journal: new Journal(), clientDir: null, hosts: new Set(), runIds: new RunIds() };
}

function planned(run: string, server: ServerPlan = PLAN): string {
  return `http://localhost:7001${plannedPath(run, 0, encodePlan({ page: 'app', server }), '/cookie')}`;
}

async function ask(context: LabContext, run: string, headers: Record<string, string>, server?: ServerPlan, method = 'GET') {
  const res = await createOriginApp('api', context).request(new Request(planned(run, server), { method, headers }));
  const entry = context.journal.read(run).entries.at(-1);
  return { res, entry };
}

describe('lasting headers of a plan', () => {
  it('go to the run\'s own fetch, the cookie held to the run; Clear-Site-Data never', async () => {
    const context = lab();
    const run = context.runIds.issue();
    const { res, entry } = await ask(context, run, FETCH);
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([`sid=1; Path=/__cl/${run}/; Max-Age=600; Priority=Low`]);
    expect(res.headers.get('clear-site-data')).toBeNull();
    expect(res.headers.get('refresh')).toBe('0; url=/');
    expect(entry?.withheld?.map((w) => [w.name, w.sent === null])).toEqual([['Set-Cookie', false], ['Clear-Site-Data', true]]);
    expect(entry?.withheld?.[0]?.why).toMatch(/Domain dropped.*Path \/ is outside this run.*lifetime 86400 s/);
  });

  for (const [what, headers] of NAVIGATIONS) {
    it(`are withheld from ${what}, even of an issued run, and the journal says why`, async () => {
      const context = lab();
      const run = context.runIds.issue();
      const method = what === 'a form post' ? 'POST' : 'GET';
      const { res, entry } = await ask(context, run, headers, PLAN, method);
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(res.headers.get('clear-site-data')).toBeNull();
      expect(res.headers.get('refresh')).toBeNull();
      expect(entry?.withheld?.map((w) => w.name)).toEqual(['Set-Cookie', 'Clear-Site-Data', 'Refresh']);
      expect(entry?.withheld?.[0]?.why).toMatch(/^not sent: cookies outlive the response, and the request is/);
    });
  }

  it('are withheld from a fetch of a run the lab did not issue (an attacker copies the URL shape)', async () => {
    const context = lab();
    for (const run of ['r1', `${'a'.repeat(32)}-${'b'.repeat(24)}`, new RunIds().issue()]) {
      const { res, entry } = await ask(context, run, FETCH);
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(entry?.withheld?.[0]?.why).toMatch(/was not issued by this lab/);
    }
  });

  it('too many or too large cookies: 400 naming the field, for every request', async () => {
    const context = lab();
    const run = context.runIds.issue();
    const many: ServerPlan = { actual: { headers: { 'Set-Cookie': Array.from({ length: 9 }, (_, i) => `c${i}=1`) } } };
    // `{page}` expands 6 characters to the page origin: counted after expansion.
    const large: ServerPlan = { actual: { headers: { 'set-cookie': `big=${'{page}'.repeat(200)}` } } };
    const cases = [[many, 'server.actual.headers["Set-Cookie"]', /9 Set-Cookie lines/], [large, 'server.actual.headers["set-cookie"]', /bytes of Set-Cookie after \{page\}/]] as const;
    for (const [server, field, message] of cases) {
      for (const headers of [FETCH, NAVIGATIONS[0]![1]]) {
        const { res } = await ask(context, run, headers, server);
        expect(res.status).toBe(400);
        const body = (await res.json()) as { error: string; field: string };
        expect(body.field).toBe(field);
        expect(body.error).toMatch(message);
      }
    }
  });
});

describe('the model', () => {
  it('predicts the lines the server sends a run\'s own fetch, cookies held to the run, and what it withholds', () => {
    const [experiment] = validateExperiments({ id: 'x', title: 'x', group: 'credentials', request: { target: 'api', credentials: 'include' }, server: PLAN, then: [{ title: 'again' }] }, 'test');
    const [first, again] = predictExperiment(experiment!, originMap(origins), 'r7');
    expect(first?.requests[0]?.responseHeaders).toContainEqual(['Set-Cookie', 'sid=1; Path=/__cl/r7/; Max-Age=600; Priority=Low']);
    expect(first?.requests[0]?.responseHeaders.map(([name]) => name)).not.toContain('Clear-Site-Data');
    expect(first?.requests[0]?.withheld?.map((w) => w.name)).toEqual(['Set-Cookie', 'Clear-Site-Data']);
    // The rewritten Path still covers the run's URL: the next step sends the cookie, as Chromium does.
    expect(again?.requests[0]?.cookieSent).toBe(true);
  });
});

describe('/__lab/run-ids', () => {
  it('on app issues `count` ids the lab recognises, readable by app only (no Access-Control-Allow-Origin, CORP same-origin)', async () => {
    const context = lab();
    const app = createOriginApp('app', context);
    for (const [query, count] of [['', 1], ['?count=16', 16], ['?count=64', 64]] as const) {
      const res = await app.request(new Request(`${APP}/__lab/run-ids${query}`, { headers: { Origin: 'https://attacker.example' } }));
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const { runs } = (await res.json()) as { runs: string[] };
      expect(runs).toHaveLength(count);
      expect(new Set(runs).size).toBe(count);
      for (const run of runs) expect(context.runIds.issued(run)).toBe(true);
    }
  });

  it('refuses a bad count with a 400 naming it', async () => {
    for (const count of ['0', '65', '1.5', 'many', '']) {
      const res = await createOriginApp('app', lab()).request(new Request(`${APP}/__lab/run-ids?count=${count}`));
      expect(res.status, count).toBe(400);
      expect(await res.json()).toEqual({ error: 'count: a whole number 1-64', field: 'count' });
    }
  });

  it('exists on app only', async () => {
    for (const origin of ['api', 'evil'] as const) {
      const res = await createOriginApp(origin, lab()).request(new Request('http://localhost:7001/__lab/run-ids'));
      expect(res.status).toBe(404);
    }
  });
});
