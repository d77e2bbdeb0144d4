/**
 * The runner page's side of the journal long-poll (servers/journal-waits.ts): on its own origin (same-origin,
 * so no CORS and no cookie of the run's planned URLs), it learns how many requests its run has received, then
 * waits until the origins have received more. Used where the browser tells the page nothing of a request's end
 * (a form answered with 204: run-form.ts).
 */
import type { JournalWaitAnswer } from '../plan/journal-wait.ts';
import { parsePlannedPath } from '../plan/plan-url.ts';
import { JOURNAL_WAIT_PREFIX } from '../plan/routes.ts';

/** The pause before asking again when the lab holds too many waits (503): a retry, never a verdict. */
const BUSY_RETRY_MS = 250;

/** The run id of a planned URL, or null (a URL of no run: nothing to wait on). */
export function runOf(url: string): string | null {
  try {
    return parsePlannedPath(new URL(url, location.href).pathname)?.run ?? null;
  } catch {
    return null;
  }
}

async function ask(run: string, since: number | null, signal: AbortSignal): Promise<Response> {
  const query = since === null ? '' : `?since=${since}`;
  const url = `${location.origin}${JOURNAL_WAIT_PREFIX}${encodeURIComponent(run)}${query}`;
  return fetch(url, { signal, cache: 'no-store' });
}

/** Requests received for `run` so far; null when the lab cannot say (not one of its runs, a page CSP's connect-src). */
export async function receivedSoFar(run: string, signal: AbortSignal): Promise<number | null> {
  try {
    const reply = await ask(run, null, signal);
    return reply.ok ? ((await reply.json()) as JournalWaitAnswer).received : null;
  } catch {
    return null;
  }
}

/**
 * Resolves when `run` has received more than `since` requests (or its journal was evicted); null when the lab
 * cannot say. Each long-poll the lab ends without news is asked again: only `signal` (the step is over) stops it.
 */
export async function untilReceived(
  run: string,
  since: number,
  signal: AbortSignal,
): Promise<JournalWaitAnswer | null> {
  for (;;) {
    let reply: Response;
    try {
      reply = await ask(run, since, signal);
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
