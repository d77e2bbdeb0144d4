/**
 * Which connection makes room for a new one on the `secure` origin (secure-server.ts), a pure choice over the
 * connections open now, in the order they opened. A client (journal-client.ts: an address, an IPv6 /64) holds at
 * most `perClient` of them and all clients together `maxConnections`. A newcomer over either bound takes the place
 * of the oldest idle connection (no request in flight): its client's own first, then, over the global bound only,
 * anyone's. It is refused only when every connection it could take the place of is busy. An idle connection costs
 * its owner nothing but a new handshake when it needs one again; a busy one is never cut to make room.
 */

/** An open connection as the choice sees it: whose it is, and whether a request is in flight on it. */
export interface Occupant {
  readonly client: string;
  readonly busy: boolean;
}

export interface RoomLimits {
  /** Connections one client may hold at once. */
  perClient: number;
  /** Connections all clients together may hold at once. */
  maxConnections: number;
}

export type Room<T extends Occupant> =
  | { readonly kind: 'free' }
  | { readonly kind: 'take-place-of'; readonly occupant: T }
  | { readonly kind: 'full' };

const oldestIdle = <T extends Occupant>(among: readonly T[]): T | undefined => among.find((one) => !one.busy);

const placeOf = <T extends Occupant>(occupant: T | undefined): Room<T> =>
  occupant ? { kind: 'take-place-of', occupant } : { kind: 'full' };

/** Room for a new connection of `client`, given the connections `open` now (oldest first). */
export function roomFor<T extends Occupant>(open: readonly T[], client: string, limits: RoomLimits): Room<T> {
  const own = open.filter((one) => one.client === client);
  if (own.length >= limits.perClient) return placeOf(oldestIdle(own));
  if (open.length >= limits.maxConnections) return placeOf(oldestIdle(own) ?? oldestIdle(open));
  return { kind: 'free' };
}
