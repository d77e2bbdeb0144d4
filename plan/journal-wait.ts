/**
 * What a runner page learns when it waits on its run's journal (`JOURNAL_WAIT_PREFIX`): how many requests the
 * origins have received for the run, and how each new one was answered, no more. A form step uses it to learn
 * that the server answered a submission whose navigation never commits a document (a 204, a download), the one
 * end of a form the page cannot see in the browser (runner-page/run-form.ts). Browser-safe.
 */
import type { RequestKind } from './journal-entry.ts';

/** One request the origins received, as far as a waiting page needs it. */
export interface AnsweredRequest {
  kind: RequestKind;
  status: number;
  /** The answer's Content-Disposition line, when it had one (`attachment` makes a navigation a download). */
  contentDisposition: string | null;
}

export interface JournalWaitAnswer {
  /** Requests received for the run so far, those the journal's caps dropped included. */
  received: number;
  /** The requests from `since` on that the journal kept, oldest first. */
  answered: AnsweredRequest[];
  /** The run's journal was evicted or expired: what it received is unknown, and waiting on it is pointless. */
  evicted: boolean;
}
