/**
 * Format 1.2, what the CDP watcher (cdp-watch.ts) needs to know of the socket APIs, measured in Chromium 156:
 * - A WebSocket is no Network request: its handshake comes as `Network.webSocketCreated` (the URL),
 *   `webSocketHandshakeResponseReceived` (101: it opened), `webSocketFrameError` ("Unexpected response code:
 *   403") and `webSocketClosed`. A refused handshake has no CORS error, no blocked reason and no `net::`
 *   error the page could be told: its reason is null, and these events say the step is over.
 * - An EventSource whose response is not `200` or not `text/event-stream` fails the connection: the
 *   EventSource cancels its own load, which CDP reports either as `loadingFinished` or as `loadingFailed`
 *   with `canceled: true` and `net::ERR_ABORTED`, depending on whether the body was already in (measured
 *   both ways on the same request). Neither is a block: the reason is null either way.
 * https://chromedevtools.github.io/devtools-protocol/tot/Network/#event-webSocketCreated
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#fail-the-connection
 */
import type { CDPSession } from 'playwright-core';

interface LoadingFailed {
  type: string;
  errorText: string;
  canceled?: boolean;
  corsErrorStatus?: unknown;
  blockedReason?: string;
}

/** The EventSource cancelled its own load (fail the connection): no block to report. */
export function isSelfCancel(event: LoadingFailed): boolean {
  return event.type === 'EventSource' && event.canceled === true && !event.corsErrorStatus && !event.blockedReason;
}

export interface SocketListener {
  /** A WebSocket to `url` was created: the watcher claims it as the step's request when the URL is the step's. */
  claim: (requestId: string, url: string) => void;
  /** The request loaded, or the handshake was answered, failed or closed: what CDP will say of it is said. */
  ended: (requestId: string) => void;
}

export function watchSockets(cdp: CDPSession, listener: SocketListener): void {
  // The main request loaded in full: a step the page still saw fail (an EventSource's wrong type) has no reason.
  cdp.on('Network.loadingFinished', (event) => listener.ended(event.requestId));
  cdp.on('Network.webSocketCreated', (event) => listener.claim(event.requestId, event.url));
  cdp.on('Network.webSocketHandshakeResponseReceived', (event) => listener.ended(event.requestId));
  cdp.on('Network.webSocketFrameError', (event) => listener.ended(event.requestId));
  cdp.on('Network.webSocketClosed', (event) => listener.ended(event.requestId));
}
