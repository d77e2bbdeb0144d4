/**
 * What each origin really received, recorded under the run id in the URL.
 * Bounded: at most `maxRuns` runs (oldest dropped first), each expiring after
 * `ttlMs`, each holding at most `maxEntriesPerRun` entries.
 */
import type { OriginName } from './origins.ts';
import type { HeaderLines } from '../experiments/headers.ts';

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
}

export interface JournalLimits {
  maxRuns: number;
  maxEntriesPerRun: number;
  ttlMs: number;
}

export const DEFAULT_JOURNAL_LIMITS: JournalLimits = { maxRuns: 5000, maxEntriesPerRun: 200, ttlMs: 30 * 60_000 };

interface RunRecord {
  createdAt: number;
  entries: JournalEntry[];
  dropped: number;
}

export class Journal {
  readonly #runs = new Map<string, RunRecord>();
  readonly #limits: JournalLimits;
  readonly #now: () => number;

  constructor(limits: Partial<JournalLimits> = {}, now: () => number = Date.now) {
    this.#limits = { ...DEFAULT_JOURNAL_LIMITS, ...limits };
    this.#now = now;
  }

  record(run: string, entry: Omit<JournalEntry, 'seq' | 'time'>): void {
    this.#expire();
    let record = this.#runs.get(run);
    if (!record) {
      record = { createdAt: this.#now(), entries: [], dropped: 0 };
      this.#runs.set(run, record);
      while (this.#runs.size > this.#limits.maxRuns) {
        const oldest = this.#runs.keys().next().value;
        if (oldest === undefined) break;
        this.#runs.delete(oldest);
      }
    }
    if (record.entries.length >= this.#limits.maxEntriesPerRun) {
      record.dropped++;
      return;
    }
    record.entries.push({ ...entry, seq: record.entries.length, time: new Date(this.#now()).toISOString() });
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
    }
  }
}
