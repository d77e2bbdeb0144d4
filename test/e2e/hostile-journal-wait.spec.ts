/**
 * A page on a loopback port of its own (not one of the lab's origins, as any site the user visits) against the
 * journal's long-poll, `/__journal-wait/{run}?since=N`, in real Chromium. It cannot hold the lab's waits (the ones
 * the learner's runner pages need) with run ids it makes up, nor read an issued run's count: the route serves only
 * issued runs, and its answers carry no Access-Control-Allow-Origin.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { journalWaits } from '../../servers/journal-waits.ts';
import { originMap } from '../../plan/origins.ts';
import { JOURNAL_WAIT_PREFIX } from '../../plan/routes.ts';
import { encodePlan, plannedPath } from '../../plan/plan-url.ts';
import { expect, test } from './lab-fixture.ts';

/** Requests the hostile page sends: more than the 64 waits one client may hold. */
const FLOOD = 100;

async function hostileSite(): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>a site the learner visits</title><p>hello</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

test('a page elsewhere holds no journal wait with made-up run ids, and reads no issued run', async ({ lab, page }) => {
  const { url, server } = await hostileSite();
  try {
    await page.goto(url);
    const api = originMap(lab.origins).api;
    const made = Array.from({ length: FLOOD }, (_, i) => `${api}${JOURNAL_WAIT_PREFIX}made-up-${i}?since=999999999`);
    // no-cors lets the page send; the answers (400, same-origin CORP) it cannot read: each fails.
    const settled = await page.evaluate((urls) => Promise.all(urls.map((u) =>
      fetch(u, { mode: 'no-cors' }).then((r) => r.type, (e: unknown) => String(e)))), made);
    expect(settled).toEqual(Array(FLOOD).fill('TypeError: Failed to fetch'));
    expect(journalWaits(lab.journal).count).toBe(0);
    // The server's own answer to such a request: 400 naming the run.
    const refused = await fetch(made[0]!);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ field: 'run' });
    // An issued run's count is not the page's to read, even with the id in hand.
    const run = lab.newRunId();
    const issued = `${api}${JOURNAL_WAIT_PREFIX}${run}`;
    const read = await page.evaluate(
      (u) => fetch(u).then(async (r) => r.text(), (e: unknown) => `refused: ${String(e)}`), issued);
    expect(read).toMatch(/^refused: TypeError/);
    // The learner's own wait is held and answered by the request it waits for.
    const own = fetch(`${issued}?since=0`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await fetch(`${api}${plannedPath(run, 0, encodePlan({ page: 'app', server: {} }), '/')}`).then((r) => r.text());
    expect(await own).toMatchObject({ status: 200, body: { received: 1, evicted: false } });
  } finally {
    server.close();
  }
});
