/**
 * What the servers received in one step, in the contract's terms. One
 * definition for the journal (what happened) and the model (what will).
 */

/** The part of a received request these facts depend on (a journal entry has it). */
export interface ReceivedRequest {
  kind: 'preflight' | 'actual';
  hop: number;
  originHeader: string | null;
  accessControlRequestHeaders: string | null;
  cookie: string | null;
  status: number;
}

export interface ServerView {
  preflight: boolean;
  reachedServer: boolean;
  originSeen: string | null;
  requestHeadersSeen: string | null;
  cookieSent: boolean;
  /** Format 1.2: the status the final server answered the actual request with (null: not reached), e.g. an Origin check's 403. */
  serverStatus: number | null;
}

/** `finalHop` is the number of planned redirects: the hop that answers `actual`. */
export function serverView(entries: readonly ReceivedRequest[], finalHop: number): ServerView {
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
    serverStatus: actuals.filter((e) => e.hop === finalHop).at(-1)?.status ?? null,
  };
}
