/**
 * Class mode shares one lab between a room of attendees: one of them sending
 * runs without end must not evict another's journal (issue 15, item 4).
 * Clients are told apart by address, so the flood comes from 127.0.0.2 and
 * the attendee from 127.0.0.3 (Linux routes all of 127.0.0.0/8 to loopback).
 * Bounded: 10,000 small requests on 16 keep-alive connections.
 */
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalRead } from '../../plan/journal-entry.ts';
import { JOURNAL_READER_HEADER } from '../../plan/journal-reader.ts';
import { startLab, type Lab } from '../../servers/lab.ts';
import { encodePlan, plannedPath } from '../../plan/plan-url.ts';

const FLOOD = 10_000;
/** Past the journal's 5,000 runs, and few enough that the flood's evictions are all remembered (2 x 5,000). */
const PAGE_FLOOD = 6_000;
const CONNECTIONS = 16;
const planned = (run: string) => plannedPath(run, 0, encodePlan({ page: 'app', server: {} }), '/step');

function get(agent: Agent, url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer from ${url} in 30 s`)));
    req.on('error', reject);
    req.end();
  });
}

describe('journal space per client (class mode, one lab for the room)', () => {
  let lab: Lab;
  const flooder = new Agent({ keepAlive: true, maxSockets: CONNECTIONS, localAddress: '127.0.0.2' });
  const attendee = new Agent({ keepAlive: true, maxSockets: 1, localAddress: '127.0.0.3' });
  beforeAll(async () => {
    lab = await startLab({ clientDir: null, host: '127.0.0.1' });
  });
  afterAll(async () => {
    flooder.destroy();
    attendee.destroy();
    await lab.close();
  });

  it(`keeps an attendee's two-step run readable while another client sends ${FLOOD} new runs`, async () => {
    const api = lab.origins.find((o) => o.name === 'api')!.url;
    const app = lab.origins.find((o) => o.name === 'app')!.url;
    expect((await get(attendee, `${api}${planned('attendee-run')}`)).status).toBe(200);
    let next = 0;
    const statuses = new Map<number, number>();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < FLOOD) {
          const { status } = await get(flooder, `${api}${planned(`flood-${next++}`)}`);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    expect(Object.fromEntries(statuses)).toEqual({ 200: FLOOD });
    expect((await get(attendee, `${api}${planned('attendee-run')}`)).status).toBe(200);

    const mine = JSON.parse((await get(attendee, `${app}/__journal/attendee-run`)).body) as JournalRead;
    expect(mine.evicted).toBeUndefined();
    expect(mine.entries.map((e) => [e.seq, e.path])).toEqual([[0, '/step'], [1, '/step']]);
    // The flood evicted its own oldest runs, and their reader is told so.
    const lost = JSON.parse((await get(flooder, `${app}/__journal/flood-0`)).body) as JournalRead;
    expect(lost.entries).toEqual([]);
    expect(lost.evicted).toBe("this run's journal was evicted: the journal was full (5000 runs) and the client that made this run (127.0.0.2) held the largest share, so its oldest runs made room");
    expect(lab.journal.runCount).toBe(5000);
  }, 180_000);

  it('keeps a run the playground has read while a page in the same browser (same address) floods the lab', async () => {
    const api = lab.origins.find((o) => o.name === 'api')!.url;
    const app = lab.origins.find((o) => o.name === 'app')!.url;
    const browser = new Agent({ keepAlive: true, maxSockets: CONNECTIONS, localAddress: '127.0.0.4' });
    try {
      const playground = { [JOURNAL_READER_HEADER]: 'playground' };
      await get(browser, `${api}${planned('in-use')}`);
      expect(JSON.parse((await get(browser, `${app}/__journal/in-use`, playground)).body)).toMatchObject({ entries: [{ seq: 0 }] });
      await get(browser, `${api}${planned('read-without-the-header')}`);
      await get(browser, `${app}/__journal/read-without-the-header`);
      let next = 0;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (next < PAGE_FLOOD) await get(browser, `${api}${planned(`page-flood-${next++}`)}`);
        }),
      );
      await get(browser, `${api}${planned('in-use')}`);
      const inUse = JSON.parse((await get(browser, `${app}/__journal/in-use`, playground)).body) as JournalRead;
      expect(inUse.evicted).toBeUndefined();
      expect(inUse.entries).toHaveLength(2);
      const unclaimed = JSON.parse((await get(browser, `${app}/__journal/read-without-the-header`)).body) as JournalRead;
      expect(unclaimed.evicted).toMatch(/^this run's journal was evicted: the journal was full \(5000 runs\) and the client that made this run \(127\.0\.0\.4\)/);
    } finally {
      browser.destroy();
    }
  }, 180_000);
});
