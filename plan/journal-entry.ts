/**
 * What the journal holds for one request an origin received, and what a
 * reader of a run gets back: the shapes the servers write and the
 * playground, the runner and the model's comparison read.
 */
import type { OriginName } from './origins.ts';
import type { HeaderLines } from '../format/headers.ts';
import type { JournalEviction } from '../format/problems/index.ts';
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

/** What a reader gets: entries from a position on; `evicted` when some of the run's entries are gone. */
export interface JournalRead {
  entries: JournalEntry[];
  /** Entries the run's caps refused (maxEntriesPerRun, or a run alone over maxBytes). */
  dropped: number;
  /** "this run's journal was evicted: why": the run lost entries it had recorded. */
  evicted?: string;
  /** The same as data, for a reader in another language (problemText with code `journalEvicted`). */
  eviction?: JournalEviction;
}
