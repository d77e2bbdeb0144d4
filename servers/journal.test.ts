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

describe('Journal byte budget', () => {
  const big = (n: number): Omit<JournalEntry, 'seq' | 'time'> => ({ ...entry, requestHeaders: { 'x-big': 'a'.repeat(n) } });

  it('drops the oldest runs to stay within maxBytes, counting what it keeps', () => {
    const journal = new Journal({ maxBytes: 100_000, maxValueChars: 10_000 });
    for (let i = 0; i < 50; i++) journal.record(`r${i}`, big(5000));
    expect(journal.bytes).toBeLessThanOrEqual(100_000);
    expect(journal.bytes).toBeGreaterThan(50_000);
    expect(journal.read('r0').entries).toEqual([]);
    expect(journal.read('r49').entries).toHaveLength(1);
    expect(journal.runCount).toBeLessThan(50);
  });

  it('counts a run alone over the budget as dropped entries', () => {
    const journal = new Journal({ maxBytes: 30_000, maxValueChars: 10_000 });
    for (let i = 0; i < 5; i++) journal.record('one', big(5000));
    const { entries, dropped } = journal.read('one');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length + dropped).toBe(5);
    expect(journal.bytes).toBeLessThanOrEqual(30_000);
  });

  it('gives bytes back when runs expire', () => {
    let now = 0;
    const journal = new Journal({ ttlMs: 1000 }, () => now);
    journal.record('a', big(100));
    expect(journal.bytes).toBeGreaterThan(0);
    now = 5000;
    journal.record('b', entry);
    journal.read('a');
    expect(journal.runCount).toBe(1);
    expect(journal.bytes).toBeLessThan(1000);
  });

  it('cuts long values and surplus header lines, and says so in the entry', () => {
    const journal = new Journal({ maxValueChars: 100, maxHeaderLines: 3 });
    const headers = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`x-${i}`, i === 0 ? 'b'.repeat(250) : 'v']));
    journal.record('t', { ...entry, requestHeaders: headers, path: `/${'p'.repeat(300)}` });
    const [kept] = journal.read('t').entries;
    expect(kept!.requestHeaders['x-0']).toBe(`${'b'.repeat(100)}… [150 more characters]`);
    expect(Object.keys(kept!.requestHeaders)).toEqual(['x-0', 'x-1', 'x-2']);
    expect(kept!.path.length).toBeLessThan(150);
    expect(kept!.truncated).toBe('2 values cut to 100 characters; 3 of 5 request headers kept');
    journal.record('t', entry);
    expect(journal.read('t').entries[1]!.truncated).toBeUndefined();
  });
});
