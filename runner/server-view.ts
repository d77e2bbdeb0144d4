/** What the origins' journal says about one step, in the contract's terms. */
import type { JournalEntry } from '../servers/journal.ts';

export interface ServerView {
  preflight: boolean;
  reachedServer: boolean;
  originSeen: string | null;
  requestHeadersSeen: string | null;
  cookieSent: boolean;
}

/** `finalHop` is the number of planned redirects: the hop that answers `actual`. */
export function serverView(entries: readonly JournalEntry[], finalHop: number): ServerView {
  const preflights = entries.filter((e) => e.kind === 'preflight');
  const actuals = entries.filter((e) => e.kind === 'actual');
  const lastActual = actuals.at(-1);
  const lastPreflight = preflights.at(-1);
  return {
    preflight: preflights.length > 0,
    reachedServer: actuals.some((e) => e.hop === finalHop),
    // The Origin of the last request that got furthest: the actual request, else the preflight.
    originSeen: (lastActual ?? lastPreflight)?.originHeader ?? null,
    requestHeadersSeen: lastPreflight?.accessControlRequestHeaders ?? null,
    cookieSent: lastActual?.cookie != null,
  };
}
