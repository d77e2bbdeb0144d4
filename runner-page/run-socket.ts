/**
 * Format 1.2 `websocket`: opens one WebSocket to the step's URL (http: becomes ws:) and reports whether it
 * opened and the first message it read. No CORS applies: the browser sends the page's Origin and the
 * server decides; a refused handshake tells the page only that the socket closed (code 1006), never why.
 * The socket is closed after its first message. No clock decides; the step ends on the event that says how the
 * socket ended:
 * - a message or a close (the lab's origins write one message, then close);
 * - the page's own CSP `connect-src` refused the URL: the constructor throws (a SecurityError, as the WebSockets
 *   standard had it before it moved onto Fetch), or a `securitypolicyviolation` event names the URL. Chromium 156
 *   fires that event and an `error`, and then no `close` (measured; the standard's "fail the WebSocket connection"
 *   fires `close` after `error`), so a step waiting for `close` would hang there until the step limit.
 * A server that never answers is the runner's step limit ("no answer"), never a verdict.
 * https://websockets.spec.whatwg.org/#the-websocket-interface
 * https://w3c.github.io/webappsec-csp/#directive-connect-src
 */
import { NO_EMBEDDING_FACTS } from '../format/embedding.ts';
import { pageFacts } from './run-element.ts';
import type { PageSeen, StepRequest } from './step.ts';

/** ws: for http:, wss: for https: (the same host and path: the plan's URL). */
export function socketUrl(url: string): string {
  return url.replace(/^http/, 'ws');
}

/**
 * Whether a violation report is the page's policy refusing `url`: enforced, `connect-src`, and naming the URL or,
 * as a report may for a URL it must not reveal in full, its origin.
 * https://w3c.github.io/webappsec-csp/#strip-url-for-use-in-reports
 */
export function refusesSocket(event: SecurityPolicyViolationEvent, url: string): boolean {
  if (event.effectiveDirective !== 'connect-src' || event.disposition !== 'enforce') return false;
  const { origin } = new URL(url);
  return [url, origin, `${origin}/`].includes(event.blockedURI);
}

interface SocketEnd {
  opened: boolean;
  message: string | null;
  error: string | null;
}

function openSocket(url: string): Promise<SocketEnd> {
  return new Promise((resolve) => {
    let opened = false;
    let socket: WebSocket | undefined;
    const refused = (event: SecurityPolicyViolationEvent): void => {
      if (!refusesSocket(event, url)) return;
      finish(null, `WebSocket: the page's Content-Security-Policy (${event.originalPolicy}) refused ${url}`);
    };
    function finish(message: string | null, error: string | null): void {
      document.removeEventListener('securitypolicyviolation', refused);
      socket?.close();
      resolve({ opened, message, error });
    }
    // Listened to before the constructor runs: the report may be queued while it does.
    document.addEventListener('securitypolicyviolation', refused);
    try {
      socket = new WebSocket(url);
    } catch (error) {
      finish(null, `new WebSocket threw ${String(error)}`);
      return;
    }
    socket.addEventListener('open', () => (opened = true));
    socket.addEventListener('message', (event) => {
      finish(typeof event.data === 'string' ? event.data : '(binary)', null);
    });
    socket.addEventListener('close', (event) => {
      finish(null, opened ? null : `WebSocket closed before it opened (code ${event.code})`);
    });
  });
}

export async function runWebSocket(step: StepRequest): Promise<PageSeen> {
  const seen = await openSocket(socketUrl(step.url));
  return {
    outcome: seen.opened ? 'allowed' : 'blocked',
    status: null,
    responseType: null,
    readableHeaders: {},
    body: seen.message,
    error: seen.error,
    pageOrigin: self.origin,
    embedding: { ...NO_EMBEDDING_FACTS, ...pageFacts(), opened: seen.opened },
  };
}
