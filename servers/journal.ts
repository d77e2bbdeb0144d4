/**
 * What each origin really received, recorded under the run id in the URL.
 * Bounded, because any page on the web can send the lab requests: at most
 * `maxRuns` runs, each expiring after `ttlMs` and holding at most
 * `maxEntriesPerRun` entries; all runs together at most `maxBytes`; one entry
 * keeps at most `maxHeaderLines` request headers and `maxValueChars` of any
 * string, and says what it cut.
 *
 * A class shares one lab, so room is made fairly: each run is charged to the
 * client that created it (journal-client.ts), and when the journal is full
 * the client holding the most runs (or bytes) loses its own oldest run. A
 * client that floods the lab evicts only its own runs. A reader of a run
 * that was evicted or expired is told so (`evicted`), not handed an empty
 * run that would read as "the request never reached the server".
 */
import { problemText, type JournalEviction } from '../format/problems/index.ts';
import type { JournalEntry, JournalRead } from '../plan/journal-entry.ts';

export interface JournalLimits {
  maxRuns: number;
  maxEntriesPerRun: number;
  ttlMs: number;
  /** Budget for all runs together, counted as UTF-16 bytes of the strings kept plus a fixed cost a string. */
  maxBytes: number;
  /** Longer strings (header values, the path) are cut to this many characters. */
  maxValueChars: number;
  /** Request header lines kept in one entry (Node accepts up to 2000). */
  maxHeaderLines: number;
}

/** 64 MB of journal is thousands of ordinary runs, and far below what would strain the process. */
export const DEFAULT_JOURNAL_LIMITS: JournalLimits = { maxRuns: 5000, maxEntriesPerRun: 200, ttlMs: 30 * 60_000, maxBytes: 64 * 1024 * 1024, maxValueChars: 2048, maxHeaderLines: 100 };

/**
 * Rough cost of V8 objects beyond their characters, so many tiny strings count too: a string, a
 * header line (a dictionary slot or a [name, value] array) and an entry's object. Measured with
 * `npm run stress` (heap held after a full collection against the counter): no lower than that.
 */
const STRING_OVERHEAD = 32;
const LINE_OVERHEAD = 48;
const ENTRY_OVERHEAD = 384;
/** Evicted run ids remembered so their readers learn what happened, per maxRuns of live runs. */
const EVICTED_PER_RUN_SLOT = 2;

interface RunRecord {
  client: string;
  createdAt: number;
  entries: JournalEntry[];
  dropped: number;
  bytes: number;
  /** Set when the run lost entries (it was evicted, then recorded again). */
  evicted?: JournalEviction;
}

interface ClientRecord {
  /** Its live runs, oldest first. */
  runs: Set<string>;
  /** Those no reader has claimed yet (a flood's runs), oldest first: evicted before the claimed ones. */
  unclaimed: Set<string>;
  bytes: number;
  /** Its evicted runs, oldest first, with why. */
  evicted: Map<string, JournalEviction>;
}

type NewEntry = Omit<JournalEntry, 'seq' | 'time'>;

export class Journal {
  /** Live runs, oldest first (insertion order is age order). */
  readonly #runs = new Map<string, RunRecord>();
  readonly #clients = new Map<string, ClientRecord>();
  /** Evicted run id to the client it was charged to. */
  readonly #evictedOwners = new Map<string, string>();
  readonly #limits: JournalLimits;
  readonly #now: () => number;
  readonly #listeners = new Set<(run: string) => void>();
  #bytes = 0;

  constructor(limits: Partial<JournalLimits> = {}, now: () => number = Date.now) {
    this.#limits = { ...DEFAULT_JOURNAL_LIMITS, ...limits };
    this.#now = now;
  }

  /** Records an entry of `run`, charged to `client` (journalClient of the connection's address) if the run is new. */
  record(run: string, newEntry: NewEntry, client: string): void {
    this.#store(run, newEntry, client);
    // Kept or dropped, the request was received: whoever waits on the run learns of it (journal-waits.ts).
    for (const listener of this.#listeners) listener(run);
  }

  /** Calls `listener` with the run of every request recorded from now on; returns how to stop. */
  onRecord(listener: (run: string) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  #store(run: string, newEntry: NewEntry, client: string): void {
    this.#expire();
    let record = this.#runs.get(run);
    if (!record) {
      record = this.#open(run, client);
      while (this.#runs.size > this.#limits.maxRuns) {
        // Only with more clients than maxRuns, each holding one run, has the largest no other run: the oldest goes.
        if (this.#evictFrom(this.#largest('runs'), run, 'runs')) continue;
        this.#evictFrom(this.#runs.values().next().value!.client, run, 'runs');
      }
    }
    if (record.entries.length >= this.#limits.maxEntriesPerRun) {
      record.dropped++;
      return;
    }
    const entry = this.#capped(newEntry);
    const bytes = entryBytes(entry);
    // The client holding the most bytes makes room; a client whose only run is this one drops the new entry instead.
    while (this.#bytes + bytes > this.#limits.maxBytes) {
      if (!this.#evictFrom(this.#largest('bytes'), run, 'bytes')) {
        record.dropped++;
        return;
      }
    }
    record.entries.push({ ...entry, seq: record.entries.length, time: new Date(this.#now()).toISOString() });
    record.bytes += bytes;
    this.#bytes += bytes;
    this.#clients.get(record.client)!.bytes += bytes;
  }

  /** Bytes the journal counts against `maxBytes` now. */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * Entries of a run from position `since` on; empty for an unknown run, with `evicted` for a lost one.
   * `claim`: the reader is the lab's own (in process, or JOURNAL_READER_HEADER), so the run is in use and
   * is evicted only after its client's unclaimed runs.
   */
  read(run: string, since = 0, claim = true): JournalRead {
    this.#expire();
    const record = this.#runs.get(run);
    if (record && claim) this.#clients.get(record.client)?.unclaimed.delete(run);
    if (record) return { entries: record.entries.slice(since), dropped: record.dropped, ...evictedFields(record.evicted) };
    return { entries: [], dropped: 0, ...evictedFields(this.#evictionOf(run)) };
  }

  #evictionOf(run: string): JournalEviction | undefined {
    const owner = this.#evictedOwners.get(run);
    return owner === undefined ? undefined : this.#clients.get(owner)?.evicted.get(run);
  }

  get runCount(): number {
    return this.#runs.size;
  }

  #open(run: string, client: string): RunRecord {
    // A run recorded again after its eviction stays marked: what it had is gone.
    const evicted = this.#evictionOf(run);
    const owner = this.#evictedOwners.get(run);
    if (owner !== undefined) this.#forgetEvicted(run, owner);
    const record: RunRecord = { client, createdAt: this.#now(), entries: [], dropped: 0, bytes: 0 };
    if (evicted) record.evicted = evicted;
    this.#runs.set(run, record);
    const charged = this.#clientRecord(client);
    charged.runs.add(run);
    charged.unclaimed.add(run);
    return record;
  }

  #clientRecord(client: string): ClientRecord {
    let found = this.#clients.get(client);
    if (!found) {
      found = { runs: new Set(), unclaimed: new Set(), bytes: 0, evicted: new Map() };
      this.#clients.set(client, found);
    }
    return found;
  }

  /** The client holding the most runs or bytes (the first such, on a tie). */
  #largest(measure: 'runs' | 'bytes'): string {
    let largest = '';
    let most = -1;
    for (const [client, record] of this.#clients) {
      const size = measure === 'runs' ? record.runs.size : record.bytes;
      if (size > most) [largest, most] = [client, size];
    }
    return largest;
  }

  /** Evicts the oldest run of `client` other than `keep`; false when it has no other. */
  #evictFrom(client: string, keep: string, full: 'runs' | 'bytes'): boolean {
    const record = this.#clients.get(client);
    let victim: string | undefined;
    for (const runs of record ? [record.unclaimed, record.runs] : []) {
      victim = oldestOther(runs, keep);
      if (victim !== undefined) break;
    }
    if (victim === undefined) return false;
    const megabytes = Math.round(this.#limits.maxBytes / 1024 / 1024);
    this.#remove(victim, { fullOf: full === 'runs' ? { runs: this.#limits.maxRuns } : { megabytes }, client });
    return true;
  }

  #remove(run: string, why: JournalEviction): void {
    const record = this.#runs.get(run);
    if (!record) return;
    this.#runs.delete(run);
    this.#bytes -= record.bytes;
    const client = this.#clients.get(record.client)!;
    client.runs.delete(run);
    client.unclaimed.delete(run);
    client.bytes -= record.bytes;
    client.evicted.set(run, why);
    this.#evictedOwners.set(run, record.client);
    // Remembered evictions are bounded too; the client remembering the most forgets its oldest first.
    while (this.#evictedOwners.size > this.#limits.maxRuns * EVICTED_PER_RUN_SLOT) {
      let most: [string, ClientRecord] | undefined;
      for (const entry of this.#clients) if (!most || entry[1].evicted.size > most[1].evicted.size) most = entry;
      const oldest = most?.[1].evicted.keys().next().value;
      if (!most || oldest === undefined) break;
      this.#forgetEvicted(oldest, most[0]);
    }
  }

  #forgetEvicted(run: string, owner: string): void {
    this.#evictedOwners.delete(run);
    const client = this.#clients.get(owner);
    if (!client) return;
    client.evicted.delete(run);
    if (client.runs.size === 0 && client.evicted.size === 0) this.#clients.delete(owner);
  }

  #capped(entry: NewEntry): NewEntry {
    const { maxValueChars, maxHeaderLines } = this.#limits;
    let cut = 0;
    // One copy a value: Origin, Cookie, Referer and the Access-Control-Request-* lines are also request headers.
    const copies = new Map<string, string>();
    const trim = (value: string): string => {
      const known = copies.get(value);
      if (known !== undefined) return known;
      if (value.length > maxValueChars) cut++;
      const shown = value.length <= maxValueChars ? value : `${value.slice(0, maxValueChars)}… [${value.length - maxValueChars} more characters]`;
      const kept = ownCopy(shown);
      copies.set(value, kept);
      return kept;
    };
    const trimOrNull = (value: string | null): string | null => (value === null ? null : trim(value));
    const headerEntries = Object.entries(entry.requestHeaders);
    const kept = headerEntries.slice(0, maxHeaderLines);
    const requestHeaders: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [name, value] of kept) requestHeaders[trim(name)] = trim(value);
    const capped: NewEntry = {
      ...entry,
      method: trim(entry.method),
      path: trim(entry.path),
      requestHeaders,
      originHeader: trimOrNull(entry.originHeader),
      accessControlRequestMethod: trimOrNull(entry.accessControlRequestMethod),
      accessControlRequestHeaders: trimOrNull(entry.accessControlRequestHeaders),
      referer: trimOrNull(entry.referer),
      cookie: trimOrNull(entry.cookie),
      responseHeaders: entry.responseHeaders.map(([name, value]) => [trim(name), trim(value)]),
      ...(entry.withheld ? { withheld: entry.withheld.map((w) => ({ name: trim(w.name), planned: trim(w.planned), sent: trimOrNull(w.sent), why: trim(w.why) })) } : {}),
    };
    const notes: string[] = [];
    if (cut) notes.push(`${cut} value${cut === 1 ? '' : 's'} cut to ${maxValueChars} characters`);
    if (kept.length < headerEntries.length) notes.push(`${kept.length} of ${headerEntries.length} request headers kept`);
    return notes.length ? { ...capped, truncated: notes.join('; ') } : capped;
  }

  #expire(): void {
    const cutoff = this.#now() - this.#limits.ttlMs;
    const minutes = Math.round(this.#limits.ttlMs / 60_000);
    for (const [run, record] of this.#runs) {
      if (record.createdAt >= cutoff) break; // insertion order is age order
      this.#remove(run, { expiredAfter: { minutes } });
    }
  }
}

/** The first of `runs` other than `keep`. */
function oldestOther(runs: ReadonlySet<string>, keep: string): string | undefined {
  for (const run of runs) if (run !== keep) return run;
  return undefined;
}

/** A read's `evicted` (English, as the CLI and the JSON say it) and `eviction` (data), when there was one. */
function evictedFields(eviction: JournalEviction | undefined): Pick<JournalRead, 'evicted' | 'eviction'> {
  return eviction ? { evicted: problemText({ code: 'journalEvicted', ...eviction }), eviction } : {};
}

/**
 * A string of its own. V8 makes a slice of a long string (and a value parsed
 * out of a request head) point into its parent, which then stays alive as
 * long as the slice: 2 KB kept of a 64 KB header held all 64 KB. A copy
 * through a buffer is a new flat string whose size is what the journal
 * counts (two bytes a character); short strings are always copied by V8.
 * https://v8.dev/blog/strings (sliced and cons strings)
 */
const V8_SHORTEST_SLICE = 13;
function ownCopy(value: string): string {
  return value.length < V8_SHORTEST_SLICE ? value : Buffer.from(value, 'utf16le').toString('utf16le');
}

function stringBytes(value: string | null): number {
  return value === null ? 0 : STRING_OVERHEAD + 2 * value.length;
}

/** An entry's `time`, as toISOString writes it. */
const ISO_TIME_CHARS = '2026-01-01T00:00:00.000Z'.length;

/** Counted as if no two strings were shared (some are). */
function entryBytes(entry: NewEntry): number {
  const { method, path, truncated = null, originHeader, referer, cookie } = entry;
  let bytes = ENTRY_OVERHEAD + STRING_OVERHEAD + 2 * ISO_TIME_CHARS;
  for (const value of [method, path, truncated, originHeader, referer, cookie]) bytes += stringBytes(value);
  bytes += stringBytes(entry.accessControlRequestMethod) + stringBytes(entry.accessControlRequestHeaders);
  const lines = [...Object.entries(entry.requestHeaders), ...entry.responseHeaders];
  for (const [name, value] of lines) bytes += LINE_OVERHEAD + stringBytes(name) + stringBytes(value);
  for (const [name, value] of Object.entries(entry.requestHeaders)) bytes += stringBytes(name) + stringBytes(value);
  return bytes;
}
