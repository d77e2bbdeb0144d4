/**
 * What each origin really received, recorded under the run id in the URL.
 * Bounded, because any page on the web can send the lab requests: at most
 * `maxRuns` runs, each expiring after `ttlMs` and holding at most
 * `maxEntriesPerRun` entries; all runs together at most `maxBytes` (oldest
 * runs dropped first); one entry keeps at most `maxHeaderLines` request
 * headers and `maxValueChars` of any string, and says what it cut.
 */
import type { OriginName } from './origins.ts';
import type { HeaderLines } from '../experiments/headers.ts';
import type { WithheldLine } from './lasting-headers.ts';

export type RequestKind = 'preflight' | 'actual';

export interface JournalEntry {
  /** Position within its run: 0, 1, 2, ... */
  seq: number;
  time: string;
  origin: OriginName;
  kind: RequestKind;
  method: string;
  path: string;
  hop: number;
  /** Request headers as received, lower-case names. */
  requestHeaders: Record<string, string>;
  originHeader: string | null;
  accessControlRequestMethod: string | null;
  accessControlRequestHeaders: string | null;
  referer: string | null;
  cookie: string | null;
  status: number;
  responseHeaders: HeaderLines;
  /** Present when the lab changed or did not send a lasting line of the plan (lasting-headers.ts): which, and why. */
  withheld?: WithheldLine[];
  /** Present when the entry was cut to fit the journal's per-entry limits: what was cut. */
  truncated?: string;
}

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

/** Rough per-string and per-entry cost of V8 objects, so many tiny strings count too. */
const STRING_OVERHEAD = 32;
const ENTRY_OVERHEAD = 256;

interface RunRecord {
  createdAt: number;
  entries: JournalEntry[];
  dropped: number;
  bytes: number;
}

type NewEntry = Omit<JournalEntry, 'seq' | 'time'>;

export class Journal {
  readonly #runs = new Map<string, RunRecord>();
  readonly #limits: JournalLimits;
  readonly #now: () => number;
  #bytes = 0;

  constructor(limits: Partial<JournalLimits> = {}, now: () => number = Date.now) {
    this.#limits = { ...DEFAULT_JOURNAL_LIMITS, ...limits };
    this.#now = now;
  }

  record(run: string, newEntry: NewEntry): void {
    this.#expire();
    let record = this.#runs.get(run);
    if (!record) {
      record = { createdAt: this.#now(), entries: [], dropped: 0, bytes: 0 };
      this.#runs.set(run, record);
      while (this.#runs.size > this.#limits.maxRuns) this.#dropOldest();
    }
    if (record.entries.length >= this.#limits.maxEntriesPerRun) {
      record.dropped++;
      return;
    }
    const entry = this.#capped(newEntry);
    const bytes = entryBytes(entry);
    // Older runs make room first; a run alone over the budget drops its new entries.
    while (this.#bytes + bytes > this.#limits.maxBytes && this.#runs.keys().next().value !== run) this.#dropOldest();
    if (this.#bytes + bytes > this.#limits.maxBytes) {
      record.dropped++;
      return;
    }
    record.entries.push({ ...entry, seq: record.entries.length, time: new Date(this.#now()).toISOString() });
    record.bytes += bytes;
    this.#bytes += bytes;
  }

  /** Bytes the journal counts against `maxBytes` now. */
  get bytes(): number {
    return this.#bytes;
  }

  #capped(entry: NewEntry): NewEntry {
    const { maxValueChars, maxHeaderLines } = this.#limits;
    let cut = 0;
    const trim = (value: string): string => {
      if (value.length <= maxValueChars) return value;
      cut++;
      return `${value.slice(0, maxValueChars)}… [${value.length - maxValueChars} more characters]`;
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
      responseHeaders: entry.responseHeaders.map(([name, value]) => [name, trim(value)]),
      ...(entry.withheld ? { withheld: entry.withheld.map((w) => ({ ...w, planned: trim(w.planned), sent: trimOrNull(w.sent) })) } : {}),
    };
    const notes: string[] = [];
    if (cut) notes.push(`${cut} value${cut === 1 ? '' : 's'} cut to ${maxValueChars} characters`);
    if (kept.length < headerEntries.length) notes.push(`${kept.length} of ${headerEntries.length} request headers kept`);
    return notes.length ? { ...capped, truncated: notes.join('; ') } : capped;
  }

  #dropOldest(): void {
    const oldest = this.#runs.entries().next().value;
    if (!oldest) return;
    this.#runs.delete(oldest[0]);
    this.#bytes -= oldest[1].bytes;
  }

  /** Entries of a run from position `since` on (empty for an unknown or expired run). */
  read(run: string, since = 0): { entries: JournalEntry[]; dropped: number } {
    this.#expire();
    const record = this.#runs.get(run);
    return { entries: record ? record.entries.slice(since) : [], dropped: record?.dropped ?? 0 };
  }

  get runCount(): number {
    return this.#runs.size;
  }

  #expire(): void {
    const cutoff = this.#now() - this.#limits.ttlMs;
    for (const [run, record] of this.#runs) {
      if (record.createdAt >= cutoff) break; // insertion order is age order
      this.#runs.delete(run);
      this.#bytes -= record.bytes;
    }
  }
}

function stringBytes(value: string | null): number {
  return value === null ? 0 : STRING_OVERHEAD + 2 * value.length;
}

function entryBytes(entry: NewEntry): number {
  let bytes = ENTRY_OVERHEAD + stringBytes(entry.method) + stringBytes(entry.path) + stringBytes(entry.truncated ?? null);
  for (const [name, value] of Object.entries(entry.requestHeaders)) bytes += stringBytes(name) + stringBytes(value);
  for (const [name, value] of entry.responseHeaders) bytes += stringBytes(name) + stringBytes(value);
  for (const w of entry.withheld ?? []) bytes += stringBytes(w.name) + stringBytes(w.planned) + stringBytes(w.sent) + stringBytes(w.why);
  return bytes;
}
