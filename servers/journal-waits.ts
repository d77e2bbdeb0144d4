/**
 * Long-polls on the journal (`/__journal-wait/{run}?since=N`, plan/journal-wait.ts): a runner page waits until
 * the origins have received a request of its run beyond the `since` it knew of, instead of a wall-clock budget
 * after which a late request would read as "not received". The event decides: the answer goes out as soon as
 * the journal records the request, right after the origin wrote its reply (origin-listener.ts).
 *
 * Any page on the web can make the browser send the lab requests, so waits are bounded: the route serves only
 * runs this lab issued (origin-app.ts), at most `maxWaiting` waits are held at once and `maxWaitingPerClient`
 * per client (journal-client.ts), and each is held at most `holdMs`, then answered with what the run holds so
 * far. That bound frees the connection; it decides nothing: the page asks again.
 */
import type { AnsweredRequest, JournalWaitAnswer } from '../plan/journal-wait.ts';
import type { Journal } from './journal.ts';

export interface JournalWaitLimits {
  maxWaiting: number;
  maxWaitingPerClient: number;
  holdMs: number;
}

/** A class of 60 runs a few steps at a time; one machine's pages share one client. */
export const DEFAULT_JOURNAL_WAIT_LIMITS: JournalWaitLimits = {
  maxWaiting: 512,
  maxWaitingPerClient: 64,
  holdMs: 20_000,
};

interface Waiter {
  since: number;
  wake: () => void;
}

function contentDisposition(lines: ReadonlyArray<readonly [string, string]>): string | null {
  return lines.find(([name]) => name.toLowerCase() === 'content-disposition')?.[1] ?? null;
}

export class JournalWaits {
  readonly #journal: Journal;
  readonly #limits: JournalWaitLimits;
  /** Waiters by run. */
  readonly #waiting = new Map<string, Set<Waiter>>();
  readonly #perClient = new Map<string, number>();
  #count = 0;

  constructor(journal: Journal, limits: Partial<JournalWaitLimits> = {}) {
    this.#journal = journal;
    this.#limits = { ...DEFAULT_JOURNAL_WAIT_LIMITS, ...limits };
    journal.onRecord((run) => {
      for (const waiter of this.#waiting.get(run) ?? []) {
        if (this.answer(run, waiter.since).received > waiter.since) waiter.wake();
      }
    });
  }

  /** Waits held now. */
  get count(): number {
    return this.#count;
  }

  /** What the run holds now, from request `since` on. Not a claim: the lab's runner pages read no cookies here. */
  answer(run: string, since: number): JournalWaitAnswer {
    const read = this.#journal.read(run, 0, false);
    const answered: AnsweredRequest[] = read.entries.slice(since).map((entry) => ({
      kind: entry.kind,
      status: entry.status,
      contentDisposition: contentDisposition(entry.responseHeaders),
    }));
    return { received: read.entries.length + read.dropped, answered, evicted: read.evicted !== undefined };
  }

  /**
   * Answers once the run has received more than `since` requests (at once if it has), or when the hold ends;
   * null when `client` (or the lab) already holds as many waits as allowed. `signal`: the page went away.
   */
  async wait(run: string, since: number, client: string, signal?: AbortSignal): Promise<JournalWaitAnswer | null> {
    const now = this.answer(run, since);
    if (now.received > since || now.evicted) return now;
    const held = this.#perClient.get(client) ?? 0;
    if (this.#count >= this.#limits.maxWaiting || held >= this.#limits.maxWaitingPerClient) return null;
    this.#perClient.set(client, held + 1);
    this.#count++;
    const waiters = this.#waiting.get(run) ?? new Set<Waiter>();
    this.#waiting.set(run, waiters);
    let timer: NodeJS.Timeout | undefined;
    let waiter: Waiter | undefined;
    try {
      await new Promise<void>((resolve) => {
        waiter = { since, wake: resolve };
        waiters.add(waiter);
        // The hold frees the connection; it is no verdict (the page asks again). Unref'd: it keeps no process alive.
        timer = setTimeout(resolve, this.#limits.holdMs);
        timer.unref();
        signal?.addEventListener('abort', () => resolve(), { once: true });
      });
    } finally {
      clearTimeout(timer);
      if (waiter) waiters.delete(waiter);
      if (waiters.size === 0) this.#waiting.delete(run);
      this.#count--;
      const left = (this.#perClient.get(client) ?? 1) - 1;
      if (left > 0) this.#perClient.set(client, left);
      else this.#perClient.delete(client);
    }
    return this.answer(run, since);
  }
}

const waitsOf = new WeakMap<Journal, JournalWaits>();

/** The waits on `journal`: one set per journal, so every origin of a lab shares its bounds. */
export function journalWaits(journal: Journal): JournalWaits {
  let waits = waitsOf.get(journal);
  if (!waits) {
    waits = new JournalWaits(journal);
    waitsOf.set(journal, waits);
  }
  return waits;
}
