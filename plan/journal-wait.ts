/**
 * What a runner page learns when it waits on its run's journal (`JOURNAL_WAIT_PREFIX`): how many requests the
 * origins have received for the run, and how each new one was answered, no more. A form step uses it to learn
 * that the server answered a submission whose navigation never commits a document (a 204, a download), the one
 * end of a form the page cannot see in the browser (runner-page/run-form.ts), and a noopener popup's request to the
 * playground (client/lab/frames-driver.ts). Browser-safe: the waiting side is here too.
 */
import type { RequestKind } from './journal-entry.ts';
import { JOURNAL_WAIT_PREFIX } from './routes.ts';

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

/** The pause before asking again when the lab holds too many waits (503): a retry, never a verdict. */
const BUSY_RETRY_MS = 250;

function ask(origin: string, run: string, since: number | null, signal?: AbortSignal): Promise<Response> {
  const query = since === null ? '' : `?since=${since}`;
  return fetch(`${origin}${JOURNAL_WAIT_PREFIX}${encodeURIComponent(run)}${query}`, { signal, cache: 'no-store' });
}

/**
 * Requests received for `run` so far, asked of the lab origin `origin`; null when the lab cannot say (not one of
 * its runs, a page CSP's connect-src, the request aborted).
 */
export async function receivedSoFar(origin: string, run: string, signal?: AbortSignal): Promise<number | null> {
  try {
    const reply = await ask(origin, run, null, signal);
    return reply.ok ? ((await reply.json()) as JournalWaitAnswer).received : null;
  } catch {
    return null;
  }
}

/**
 * Resolves when `run` has received more than `since` requests (or its journal was evicted); null when the lab
 * cannot say, or `signal` ended the wait. Each long-poll the lab ends without news is asked again, and a 503 (the
 * lab holds too many waits) after a pause: only `signal` stops it, never a clock of its own.
 */
export async function untilReceived(
  origin: string,
  run: string,
  since: number,
  signal: AbortSignal,
): Promise<JournalWaitAnswer | null> {
  for (;;) {
    let reply: Response;
    try {
      reply = await ask(origin, run, since, signal);
    } catch {
      return null;
    }
    if (reply.status === 503) {
      await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
      continue;
    }
    if (!reply.ok) return null;
    const answer = (await reply.json()) as JournalWaitAnswer;
    if (answer.received > since || answer.evicted) return answer;
  }
}
