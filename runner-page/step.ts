/**
 * What a runner page is asked to do, and what it reports back: only what
 * page JavaScript can see. Shared by the headless runner and the playground.
 */
import type { HeaderLines } from '../format/headers.ts';
import type { Outcome } from '../format/reasons.ts';
import type { Crossorigin, ElementApi, EmbeddingFacts } from '../format/embedding.ts';
import type { SendingApi } from '../format/form-and-beacon.ts';
import type { FrameApi, PostMessageVia } from '../format/frames.ts';
import type { SocketApi } from '../format/sockets.ts';

export interface StepRequest {
  api: 'fetch' | 'xhr' | ElementApi | SendingApi | FrameApi | SocketApi;
  url: string;
  method: string;
  headers: HeaderLines;
  body: string | null;
  mode: 'cors' | 'no-cors' | 'same-origin';
  credentials: 'omit' | 'same-origin' | 'include';
  redirect: 'follow' | 'error' | 'manual';
  referrerPolicy: string | undefined;
  /** Local Network Access: the address space the page declares the target is in. */
  targetAddressSpace?: 'loopback' | 'local' | undefined;
  /** fetch() only: cancel the body, unread, once the headers are in (`probe`: a dripping body cannot hold it). */
  skipBody?: boolean | undefined;
  /** Format 1.2, elements: the `crossorigin` attribute (absent: none, a no-cors load). */
  crossorigin?: Crossorigin | undefined;
  /** Format 1.2, postMessage: the targetOrigin argument, tokens expanded (engines/steps.ts). */
  targetOrigin?: string | undefined;
  /** Format 1.2, window-open (and postMessage via window-open): open the popup with `noopener`. */
  noopener?: boolean | undefined;
  /** Format 1.2, postMessage: post to a frame (`iframe`, absent) or to a popup (`window-open`). */
  via?: PostMessageVia | undefined;
}

export interface PageSeen {
  outcome: Outcome;
  /** Status the page could read; null when the request failed. */
  status: number | null;
  /** `Response.type`; null for XHR and for failures. */
  responseType: 'basic' | 'cors' | 'opaque' | 'opaqueredirect' | 'default' | 'error' | null;
  /** Response headers page JavaScript could read, lower-case names. */
  readableHeaders: Record<string, string>;
  body: string | null;
  /** The error the page got, e.g. "TypeError: Failed to fetch". */
  error: string | null;
  /** The page origin as the page itself saw it (`self.origin`). */
  pageOrigin: string;
  /** Format 1.2: what the page saw of the element and of itself; absent from fetch and XHR steps of older pages. */
  embedding?: EmbeddingFacts;
  /**
   * The browser refused before any request existed (a blocked popup, CSP `form-action` or `connect-src`, a beacon
   * not queued), as the page could see: no engine event will follow, so a driver need not wait for one.
   */
  notSent?: boolean;
}

/** Message protocol between the app page and runner pages (postMessage). */
export interface RunMessage {
  type: 'cors-lab:run';
  id: string;
  step: StepRequest;
}
/** Sent by a runner page as soon as it takes a step, so a silent runner is told apart from a slow request. */
export interface AcceptedMessage {
  type: 'cors-lab:accepted';
  id: string;
}
export interface ResultMessage {
  type: 'cors-lab:result';
  id: string;
  seen: PageSeen;
}
