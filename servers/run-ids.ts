/**
 * Run ids the lab issued, told apart from ids a page made up. Any page can
 * build a planned URL of its own, with any run id, so the run id in a URL
 * proves nothing by its shape: an issued id carries a keyed MAC of itself
 * (HMAC-SHA256 under a key made at start and never sent), which only this lab
 * process can make. Ids go to the headless runner in process and to the
 * playground from `/__lab/run-ids` on the app origin, which no other origin can
 * read (no Access-Control-Allow-Origin). A plan's lasting headers
 * (lasting-headers.ts) are sent only to requests of an issued run that are a
 * fetch() or XMLHttpRequest (plan/fetch-destination.ts).
 * https://www.rfc-editor.org/rfc/rfc2104
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingRequest } from '../plan/answer.ts';
import { notFetchOrXhr } from '../plan/fetch-destination.ts';
import { unguessableId } from '../plan/unguessable-id.ts';

/** Hex digits of the MAC kept: 96 bits. Nonce (32) + "-" + MAC fit the 64 characters of a run id (plan-url.ts). */
const MAC_DIGITS = 24;
const ISSUED = /^([0-9a-f]{32})-([0-9a-f]{24})$/;

export class RunIds {
  readonly #key = randomBytes(32);

  #mac(nonce: string): string {
    return createHmac('sha256', this.#key).update(nonce).digest('hex').slice(0, MAC_DIGITS);
  }

  /** A fresh run id: unguessable, unique, and provably this lab's. */
  issue(): string {
    const nonce = unguessableId();
    return `${nonce}-${this.#mac(nonce)}`;
  }

  /** Whether this lab issued the id. */
  issued(run: string): boolean {
    const parts = ISSUED.exec(run);
    if (!parts) return false;
    return timingSafeEqual(Buffer.from(this.#mac(parts[1]!)), Buffer.from(parts[2]!));
  }

  /**
   * Why the request may not receive a plan's lasting headers (null: it may), for answer.ts. A bound property, so the
   * listeners hand it over as it is instead of binding it on every request.
   */
  readonly notRunFetch = (run: string, request: IncomingRequest): string | null => {
    const madeUp = `run id ${JSON.stringify(run)} was not issued by this lab (any page can make up a planned URL)`;
    if (!this.issued(run)) return madeUp;
    return notFetchOrXhr(request.headers);
  };
}
