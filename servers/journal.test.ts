import { describe, expect, it } from 'vitest';
import { memoryUsage } from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Journal } from './journal.ts';
import type { JournalEntry } from '../plan/journal-entry.ts';

const entry: Omit<JournalEntry, 'seq' | 'time'> = { origin: 'api', kind: 'actual', method: 'GET', path: '/', hop: 0, requestHeaders: {}, originHeader: null, accessControlRequestMethod: null, accessControlRequestHeaders: null, referer: null, cookie: null, status: 200, responseHeaders: [] };

describe('Journal', () => {
  it('keeps entries per run in order, readable from a position', () => {
    const journal = new Journal();
    journal.record('a', entry, 'me');
    journal.record('a', { ...entry, method: 'PUT' }, 'me');
    journal.record('b', entry, 'me');
    expect(journal.read('a').entries.map((e) => [e.seq, e.method])).toEqual([[0, 'GET'], [1, 'PUT']]);
    expect(journal.read('a', 1).entries.map((e) => e.method)).toEqual(['PUT']);
    expect(journal.read('nope').entries).toEqual([]);
  });

  it('drops the oldest run beyond maxRuns', () => {
    const journal = new Journal({ maxRuns: 2 });
    for (const run of ['a', 'b', 'c']) journal.record(run, entry, 'me');
    expect(journal.runCount).toBe(2);
    expect(journal.read('a').entries).toEqual([]);
    expect(journal.read('c').entries).toHaveLength(1);
  });

  it('caps entries per run and counts what it dropped', () => {
    const journal = new Journal({ maxEntriesPerRun: 3 });
    for (let i = 0; i < 5; i++) journal.record('a', entry, 'me');
    expect(journal.read('a')).toMatchObject({ dropped: 2 });
    expect(journal.read('a').entries).toHaveLength(3);
  });

  it('expires runs older than the ttl', () => {
    let now = 1_000;
    const journal = new Journal({ ttlMs: 100 }, () => now);
    journal.record('old', entry, 'me');
    now += 50;
    journal.record('new', entry, 'me');
    now += 60;
    expect(journal.read('old').entries).toEqual([]);
    expect(journal.read('new').entries).toHaveLength(1);
  });
});

describe('Journal byte budget', () => {
  const big = (n: number): Omit<JournalEntry, 'seq' | 'time'> => ({ ...entry, requestHeaders: { 'x-big': 'a'.repeat(n) } });

  it('drops the oldest runs to stay within maxBytes, counting what it keeps', () => {
    const journal = new Journal({ maxBytes: 100_000, maxValueChars: 10_000 });
    for (let i = 0; i < 50; i++) journal.record(`r${i}`, big(5000), 'me');
    expect(journal.bytes).toBeLessThanOrEqual(100_000);
    expect(journal.bytes).toBeGreaterThan(50_000);
    expect(journal.read('r0').entries).toEqual([]);
    expect(journal.read('r49').entries).toHaveLength(1);
    expect(journal.runCount).toBeLessThan(50);
  });

  it('counts a run alone over the budget as dropped entries', () => {
    const journal = new Journal({ maxBytes: 30_000, maxValueChars: 10_000 });
    for (let i = 0; i < 5; i++) journal.record('one', big(5000), 'me');
    const { entries, dropped } = journal.read('one');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length + dropped).toBe(5);
    expect(journal.bytes).toBeLessThanOrEqual(30_000);
  });

  it('gives bytes back when runs expire', () => {
    let now = 0;
    const journal = new Journal({ ttlMs: 1000 }, () => now);
    journal.record('a', big(100), 'me');
    expect(journal.bytes).toBeGreaterThan(0);
    now = 5000;
    journal.record('b', entry, 'me');
    journal.read('a');
    expect(journal.runCount).toBe(1);
    expect(journal.bytes).toBeLessThan(1000);
  });

  it('cuts long values and surplus header lines, and says so in the entry', () => {
    const journal = new Journal({ maxValueChars: 100, maxHeaderLines: 3 });
    const headers = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`x-${i}`, i === 0 ? 'b'.repeat(250) : 'v']));
    journal.record('t', { ...entry, requestHeaders: headers, path: `/${'p'.repeat(300)}` }, 'me');
    const [kept] = journal.read('t').entries;
    expect(kept!.requestHeaders['x-0']).toBe(`${'b'.repeat(100)}… [150 more characters]`);
    expect(Object.keys(kept!.requestHeaders)).toEqual(['x-0', 'x-1', 'x-2']);
    expect(kept!.path.length).toBeLessThan(150);
    expect(kept!.truncated).toBe('2 values cut to 100 characters; 3 of 5 request headers kept');
    journal.record('t', entry, 'me');
    expect(journal.read('t').entries[1]!.truncated).toBeUndefined();
  });
});

describe('Journal space per client', () => {
  it('evicts a flooding client\'s own runs, never another client\'s', () => {
    const journal = new Journal({ maxRuns: 100 });
    journal.record('attendee', entry, '10.0.0.2');
    for (let i = 0; i < 1000; i++) journal.record(`flood-${i}`, entry, '10.0.0.66');
    expect(journal.read('attendee').entries).toHaveLength(1);
    expect(journal.read('attendee').evicted).toBeUndefined();
    expect(journal.runCount).toBe(100);
    expect(journal.read('flood-999').entries).toHaveLength(1);
    expect(journal.read('flood-900')).toEqual({
      entries: [],
      dropped: 0,
      evicted: "this run's journal was evicted: the journal was full (100 runs) and the client that made this run (10.0.0.66) held the largest share, so its oldest runs made room",
      eviction: { fullOf: { runs: 100 }, client: '10.0.0.66' },
    });
  });

  it('makes room for bytes from the client holding the most, keeping a smaller client\'s entries', () => {
    const journal = new Journal({ maxBytes: 200_000, maxValueChars: 10_000 });
    const big = { ...entry, requestHeaders: { 'x-big': 'a'.repeat(5000) } };
    for (let i = 0; i < 3; i++) journal.record('two-step', big, '10.0.0.2');
    for (let i = 0; i < 200; i++) journal.record(`flood-${i}`, big, '10.0.0.66');
    expect(journal.read('two-step').entries).toHaveLength(3);
    expect(journal.bytes).toBeLessThanOrEqual(200_000);
    expect(journal.read('flood-0').evicted).toMatch(/^this run's journal was evicted: the journal was full \(0 MB\)/);
  });

  it('keeps a run that lost entries marked when it is recorded again', () => {
    const journal = new Journal({ maxRuns: 2 });
    journal.record('a', entry, 'me');
    journal.record('b', entry, 'me');
    journal.record('c', entry, 'me');
    journal.record('a', { ...entry, method: 'PUT' }, 'me');
    const read = journal.read('a');
    expect(read.entries.map((e) => e.method)).toEqual(['PUT']);
    expect(read.evicted).toMatch(/^this run's journal was evicted: the journal was full \(2 runs\)/);
  });

  it('says an expired run was evicted, and an unknown run is only empty', () => {
    let now = 0;
    const journal = new Journal({ ttlMs: 60_000 }, () => now);
    journal.record('old', entry, 'me');
    now = 120_000;
    expect(journal.read('old')).toEqual({ entries: [], dropped: 0, evicted: "this run's journal was evicted: runs are kept for 1 minute", eviction: { expiredAfter: { minutes: 1 } } });
    expect(journal.read('never')).toEqual({ entries: [], dropped: 0 });
  });

  it('remembers a bounded number of evicted runs', () => {
    const journal = new Journal({ maxRuns: 10 });
    for (let i = 0; i < 100; i++) journal.record(`r${i}`, entry, 'me');
    expect(journal.read('r0').evicted).toBeUndefined();
    expect(journal.read('r69').evicted).toBeUndefined();
    expect(journal.read('r70').evicted).toMatch(/evicted/);
    expect(journal.read('r89').evicted).toMatch(/evicted/);
  });
});

describe('Journal memory', () => {
  it('keeps no more than it counts: a cut value does not hold its whole parent string', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const journal = new Journal({ maxValueChars: 100 });
    gc();
    const before = memoryUsage().heapUsed;
    // Flat one-byte parents of 256 KB each, as Node's parser makes header values: 40 of them are 10 MB.
    for (let i = 0; i < 40; i++) {
      const value = Buffer.alloc(256 * 1024, 97 + (i % 26)).toString('latin1');
      journal.record(`m${i}`, { ...entry, requestHeaders: { 'x-big': value }, path: `/${value}` }, 'me');
    }
    gc();
    const retained = memoryUsage().heapUsed - before;
    expect(journal.bytes).toBeLessThan(100_000);
    expect(retained).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('Journal runs in use', () => {
  it('evicts a client\'s unclaimed runs (a flood) before the runs its own pages read', () => {
    const journal = new Journal({ maxRuns: 50 });
    journal.record('mine', entry, '127.0.0.1');
    journal.read('mine');
    journal.record('looked-at-from-elsewhere', entry, '127.0.0.1');
    journal.read('looked-at-from-elsewhere', 0, false);
    for (let i = 0; i < 60; i++) journal.record(`flood-${i}`, entry, '127.0.0.1');
    expect(journal.read('mine').entries).toHaveLength(1);
    expect(journal.read('looked-at-from-elsewhere').evicted).toMatch(/^this run's journal was evicted/);
    expect(journal.runCount).toBe(50);
  });

  it('evicts claimed runs too, oldest first, once a client has no other', () => {
    const journal = new Journal({ maxRuns: 3 });
    for (const run of ['a', 'b', 'c', 'd']) {
      journal.record(run, entry, 'me');
      journal.read(run);
    }
    expect(journal.read('a').evicted).toMatch(/evicted/);
    expect(journal.read('d').entries).toHaveLength(1);
  });
});
