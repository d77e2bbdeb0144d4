import { describe, expect, it } from 'vitest';
import { Journal, type JournalEntry } from './journal.ts';

const entry: Omit<JournalEntry, 'seq' | 'time'> = { origin: 'api', kind: 'actual', method: 'GET', path: '/', hop: 0, requestHeaders: {}, originHeader: null, accessControlRequestMethod: null, accessControlRequestHeaders: null, referer: null, cookie: null, status: 200, responseHeaders: [] };

describe('Journal', () => {
  it('keeps entries per run in order, readable from a position', () => {
    const journal = new Journal();
    journal.record('a', entry);
    journal.record('a', { ...entry, method: 'PUT' });
    journal.record('b', entry);
    expect(journal.read('a').entries.map((e) => [e.seq, e.method])).toEqual([[0, 'GET'], [1, 'PUT']]);
    expect(journal.read('a', 1).entries.map((e) => e.method)).toEqual(['PUT']);
    expect(journal.read('nope').entries).toEqual([]);
  });

  it('drops the oldest run beyond maxRuns', () => {
    const journal = new Journal({ maxRuns: 2 });
    for (const run of ['a', 'b', 'c']) journal.record(run, entry);
    expect(journal.runCount).toBe(2);
    expect(journal.read('a').entries).toEqual([]);
    expect(journal.read('c').entries).toHaveLength(1);
  });

  it('caps entries per run and counts what it dropped', () => {
    const journal = new Journal({ maxEntriesPerRun: 3 });
    for (let i = 0; i < 5; i++) journal.record('a', entry);
    expect(journal.read('a')).toMatchObject({ dropped: 2 });
    expect(journal.read('a').entries).toHaveLength(3);
  });

  it('expires runs older than the ttl', () => {
    let now = 1_000;
    const journal = new Journal({ ttlMs: 100 }, () => now);
    journal.record('old', entry);
    now += 50;
    journal.record('new', entry);
    now += 60;
    expect(journal.read('old').entries).toEqual([]);
    expect(journal.read('new').entries).toHaveLength(1);
  });
});
