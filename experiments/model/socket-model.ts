/**
 * Format 1.2, the model of the socket APIs (sockets.ts). The fetch of an EventSource is the model's
 * (predict.ts): these set it up and judge its answer. A WebSocket's handshake goes through no CORS check
 * at all: the browser sends the page's Origin (and the cookies SameSite lets through: its credentials mode
 * is "include") and the server's answer alone decides.
 * https://websockets.spec.whatwg.org/#concept-websocket-establish (credentials "include", no CORS)
 * https://www.rfc-editor.org/rfc/rfc6455#section-10.2 (the server checks Origin)
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource (mode "cors")
 */
import { EVENT_STREAM } from '../../format/sockets.ts';

/**
 * `new EventSource(url, { withCredentials })`: a CORS request, credentials "include" with withCredentials,
 * else "same-origin"; GET, `Accept: text/event-stream` (safelisted: never a preflight), redirects followed.
 */
export function eventSourceFetch(credentials: string): { mode: 'cors'; credentials: 'include' | 'same-origin' } {
  return { mode: 'cors', credentials: credentials === 'include' ? 'include' : 'same-origin' };
}

/** The request headers the model asks the lab with for an EventSource (plan/element-bodies.ts: its default body). */
export const EVENT_SOURCE_HEADERS = { accept: EVENT_STREAM } as const;

/**
 * "If res's status is not 200, or if res's `Content-Type` is not `text/event-stream`, then fail the
 * connection": the essence of the MIME type, parameters aside. Null when the stream is announced.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource (step 15)
 */
export function eventStreamProblem(status: number, contentType: string | undefined): 'status' | 'type' | null {
  if (status !== 200) return 'status';
  const essence = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return essence === EVENT_STREAM ? null : 'type';
}

/** The handshake's request headers as the lab's answer reads them (plan/websocket-handshake.ts). */
export function handshakeHeaders(origin: string, cookieSent: boolean): Record<string, string> {
  const cookie: Record<string, string> = cookieSent ? { cookie: 'present' } : {};
  return { origin, upgrade: 'websocket', connection: 'Upgrade', 'sec-websocket-version': '13', ...cookie };
}
