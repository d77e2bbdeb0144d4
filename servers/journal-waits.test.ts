/** The journal's long-poll: the request decides when a wait ends, its bounds never say "not received". */
import { describe, expect, it } from 'vitest';
import type { ServerPlan } from '../format/schema.ts';
import { originMap, originsAtPortBase } from '../plan/origins.ts';
import { encodePlan, plannedPath } from '../plan/plan-url.ts';
import { JOURNAL_WAIT_PREFIX } from '../plan/routes.ts';
import type { JournalWaitAnswer } from '../plan/journal-wait.ts';
import { Journal } from './journal.ts';
import { JournalWaits } from './journal-waits.ts';
import type { LabContext } from './lab-context.ts';
import { createOriginApp } from './origin-app.ts';
import { RunIds } from './run-ids.ts';

const origins = originsAtPortBase(7100);
const EVIL = 'http://evil.localhost:7104';

function entry(status = 200, responseHeaders: Array<[string, string]> = []) {
  return {
    origin: 'api' as const, kind: 'actual' as const, method: 'POST', path: '/x', hop: 0, requestHeaders: {},
    originHeader: EVIL, accessControlRequestMethod: null, accessControlRequestHeaders: null, referer: null,
    cookie: null, status, responseHeaders,
  };
}

/** Whether `promise` has settled once every task queued so far has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('JournalWaits', () => {
  it('answers when the run receives a request beyond `since`, however late, with status and disposition', async () => {
    const journal = new Journal();
    const waits = new JournalWaits(journal);
    journal.record('r1', entry(), 'c');
    const waiting = waits.wait('r1', 1, 'c');
    expect(await settled(waiting)).toBe(false);
    journal.record('other-run', entry(), 'c');
    expect(await settled(waiting)).toBe(false);
    journal.record('r1', entry(204, [['Content-Disposition', 'attachment']]), 'c');
    const answered = [{ kind: 'actual', status: 204, contentDisposition: 'attachment' }];
    expect(await waiting).toEqual({ received: 2, answered, evicted: false });
    expect(waits.count).toBe(0);
  });

  it('answers at once when the run already holds more than `since`', async () => {
    const journal = new Journal();
    journal.record('r1', entry(), 'c');
    expect((await new JournalWaits(journal).wait('r1', 0, 'c'))?.received).toBe(1);
  });

  it('counts a request the journal dropped (the run was full) as received', async () => {
    const journal = new Journal({ maxEntriesPerRun: 1 });
    const waits = new JournalWaits(journal);
    journal.record('r1', entry(), 'c');
    const waiting = waits.wait('r1', 1, 'c');
    journal.record('r1', entry(), 'c');
    expect(await waiting).toEqual({ received: 2, answered: [], evicted: false });
  });

  it('ends a hold without news with the run as it is (the page asks again): a bound, not "not received"', async () => {
    const waits = new JournalWaits(new Journal(), { holdMs: 5 });
    expect(await waits.wait('r1', 0, 'c')).toEqual({ received: 0, answered: [], evicted: false });
  });

  it('says so when the run was evicted, so nobody waits on a journal that is gone', async () => {
    const journal = new Journal({ maxRuns: 1 });
    const waits = new JournalWaits(journal);
    journal.record('r1', entry(), 'c');
    journal.record('r2', entry(), 'c');
    expect((await waits.wait('r1', 5, 'c'))?.evicted).toBe(true);
  });

  it('holds at most maxWaitingPerClient per client and maxWaiting in all, and frees them when they end', async () => {
    const journal = new Journal();
    const waits = new JournalWaits(journal, { maxWaiting: 3, maxWaitingPerClient: 2 });
    const first = [waits.wait('r1', 0, 'flood'), waits.wait('r2', 0, 'flood')];
    expect(await waits.wait('r3', 0, 'flood')).toBeNull();
    const other = waits.wait('r4', 0, 'attendee');
    expect(await waits.wait('r5', 0, 'third')).toBeNull();
    expect(waits.count).toBe(3);
    for (const run of ['r1', 'r2', 'r4']) journal.record(run, entry(), 'c');
    await Promise.all([...first, other]);
    expect(waits.count).toBe(0);
    const again = waits.wait('r3', 0, 'flood');
    journal.record('r3', entry(), 'c');
    expect((await again)?.received).toBe(1);
  });

  it('lets a page that went away free its wait', async () => {
    const waits = new JournalWaits(new Journal());
    const gone = new AbortController();
    const waiting = waits.wait('r1', 0, 'c', gone.signal);
    expect(waits.count).toBe(1);
    gone.abort();
    expect((await waiting)?.received).toBe(0);
    expect(waits.count).toBe(0);
  });
});

describe(`${JOURNAL_WAIT_PREFIX}{run} on every origin`, () => {
  const lab = (): LabContext => ({
    origins, originMap: originMap(origins), journal: new Journal(), clientDir: null, hosts: new Set(),
    runIds: new RunIds(),
  });
  const server: ServerPlan = { actual: { status: 204 } };

  it('answers a run\'s page with the count, then once its request arrived, without CORS headers', async () => {
    const context = lab();
    const run = context.runIds.issue();
    const evil = createOriginApp('evil', context);
    const count = await evil.request(new Request(`${EVIL}${JOURNAL_WAIT_PREFIX}${run}`));
    expect(await count.json()).toEqual({ received: 0, answered: [], evicted: false });
    const waiting = Promise.resolve(evil.request(new Request(`${EVIL}${JOURNAL_WAIT_PREFIX}${run}?since=0`)));
    expect(await settled(waiting)).toBe(false);
    const target = `http://localhost:7101${plannedPath(run, 0, encodePlan({ page: 'evil', server }), '/transfer')}`;
    await createOriginApp('api', context).request(new Request(target, { method: 'POST', headers: { Origin: EVIL } }));
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    const answered = [{ kind: 'actual', status: 204, contentDisposition: null }];
    expect((await answer.json()) as JournalWaitAnswer).toEqual({ received: 1, answered, evicted: false });
  });

  for (const run of ['made-up', '0123456789abcdef0123456789abcdef-000000000000000000000000']) {
    it(`refuses a run this lab did not issue (${run}), naming the field`, async () => {
      const url = `http://localhost:7100${JOURNAL_WAIT_PREFIX}${run}?since=0`;
      const res = await createOriginApp('app', lab()).request(new Request(url));
      expect(res.status).toBe(400);
      const error = expect.stringContaining('was not issued by this lab');
      expect(await res.json()).toMatchObject({ field: 'run', error });
    });
  }

  for (const since of ['-1', '1.5', 'x', '', '1e3', '99999999999']) {
    it(`refuses since=${JSON.stringify(since)}, naming the field`, async () => {
      const context = lab();
      const url = `http://localhost:7100${JOURNAL_WAIT_PREFIX}${context.runIds.issue()}?since=${since}`;
      const res = await createOriginApp('app', context).request(new Request(url));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ field: 'since', error: 'since: a whole number >= 0' });
    });
  }
});
