/**
 * Format 1.2 "Cross-origin beyond fetch", the socket APIs: `websocket` (a WebSocket to the target, which
 * no CORS governs: the server checks the Origin the browser sends, RFC 6455 §10.2) and `eventsource`
 * (server-sent events, a CORS request). Plain code without zod, like embedding.ts, so the runner page,
 * the servers and the playground share the lists.
 * https://websockets.spec.whatwg.org/ https://html.spec.whatwg.org/multipage/server-sent-events.html
 */

export const SOCKET_APIS = ['websocket', 'eventsource'] as const;
export type SocketApi = (typeof SOCKET_APIS)[number];

export function isSocketApi(api: string): api is SocketApi {
  return (SOCKET_APIS as readonly string[]).includes(api);
}

/** `server.websocket`: whom the target accepts a WebSocket from, by the handshake's Origin, or `"any"`. */
export type WebSocketPlan = 'any' | { acceptOrigins: string[] };

/**
 * The bounds of one WebSocket on a lab origin. The server sends one text message, then a close frame, and
 * ends the connection at the latest after SOCKET_LIFETIME_MS; it reads nothing the page sends (a page that
 * floods the socket fills nothing). At most MAX_OPEN_SOCKETS are open at once per lab: a handshake over
 * the bound is refused with 503 and a JSON body naming the limit.
 */
export const SOCKET_LIFETIME_MS = 5000;
export const MAX_OPEN_SOCKETS = 64;

/** The one message the lab's WebSocket sends once the handshake is accepted (a page that opened it reads it). */
export const socketMessage = (origin: string): string => `cors-lab: ${origin} accepted the WebSocket`;

/**
 * The request header an EventSource always sends (HTML: "set (`Accept`, `text/event-stream`)"); the servers
 * answer such a request without a planned body with one `data:` event (plan/element-bodies.ts).
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource
 */
export const EVENT_STREAM = 'text/event-stream';
