/**
 * Format 1.2 `server.websocket`: the answer of a lab origin to a WebSocket opening handshake. No CORS
 * governs WebSockets: the browser sends the page's Origin and leaves the decision to the server, which
 * "MUST" check it to refuse pages it does not trust (RFC 6455 §10.2). The plan says whom it accepts;
 * everyone else gets 403. Pure and browser-safe (the model asks it through answer.ts): the
 * Sec-WebSocket-Accept line needs SHA-1, so the Node transport adds it (servers/websocket-upgrade.ts).
 * https://www.rfc-editor.org/rfc/rfc6455#section-4.2 https://www.rfc-editor.org/rfc/rfc6455#section-10.2
 */
import type { WebSocketPlan } from '../format/sockets.ts';
import type { RawReply } from './answer.ts';

/**
 * A request asks for a WebSocket when it says `Upgrade: websocket` and `Connection: Upgrade` (RFC 6455
 * §4.2.1, items 3 and 4); Node hands exactly those to the `upgrade` event, the others are plain requests.
 */
export function isWebSocketHandshake(headers: Readonly<Record<string, string | undefined>>): boolean {
  const connection = (headers.connection ?? '').toLowerCase().split(',').map((token) => token.trim());
  return headers.upgrade?.toLowerCase() === 'websocket' && connection.includes('upgrade');
}

/** RFC 6455 §4.2.1 item 5: the key is 16 bytes, base64: 22 characters and "==". */
const KEY = /^[A-Za-z0-9+/]{22}==$/;

export interface HandshakeVerdict {
  accepted: boolean;
  /** Why not, in words (the 403 or 400 body), or why it was. */
  why: string;
  /** The request field at fault, for a 400 (a malformed handshake). */
  field?: string;
}

/**
 * Whether the plan accepts the handshake. `expand` turns a token such as `{page}` into an origin. The
 * model predicts the browser's own handshake (a key and version 13 always present): it passes `checkKey`
 * false, having no key to give.
 */
export function handshakeVerdict(
  headers: Readonly<Record<string, string | undefined>>,
  plan: WebSocketPlan | undefined,
  expand: (value: string) => string,
  checkKey = true,
): HandshakeVerdict {
  if (checkKey && !KEY.test(headers['sec-websocket-key'] ?? '')) {
    const why = 'Sec-WebSocket-Key must be 16 bytes in base64 (RFC 6455 4.2.1)';
    return { accepted: false, why, field: 'sec-websocket-key' };
  }
  if (checkKey && headers['sec-websocket-version'] !== '13') {
    const why = 'Sec-WebSocket-Version must be 13 (RFC 6455 4.2.1)';
    return { accepted: false, why, field: 'sec-websocket-version' };
  }
  const origin = headers.origin ?? null;
  if (plan === undefined) return { accepted: false, why: 'server.websocket is absent: this plan accepts no WebSocket' };
  if (plan === 'any') return { accepted: true, why: 'server.websocket is "any": every Origin is accepted' };
  const accepted = origin !== null && plan.acceptOrigins.map(expand).includes(origin);
  return {
    accepted,
    why: accepted
      ? `Origin ${origin} is in server.websocket.acceptOrigins`
      : `Origin ${origin ?? '(none)'} is not in server.websocket.acceptOrigins`,
  };
}

/**
 * The reply: 101 Switching Protocols without its Sec-WebSocket-Accept (the transport adds it), 403 for an
 * Origin the plan refuses, 400 naming the field for a malformed handshake. The refusals end the connection.
 */
export function handshakeReply(
  verdict: HandshakeVerdict,
  json: (status: number, value: unknown) => RawReply,
): RawReply {
  if (verdict.accepted) {
    return { status: 101, headers: [['Upgrade', 'websocket'], ['Connection', 'Upgrade']], body: '' };
  }
  const reply = json(verdict.field ? 400 : 403, { error: verdict.why, field: verdict.field ?? 'server.websocket' });
  // No Access-Control-Allow-Origin on a refusal: it means nothing to a WebSocket, and would suggest CORS had a say.
  const headers = reply.headers.filter(([name]) => name.toLowerCase() !== 'access-control-allow-origin');
  return { ...reply, headers: [...headers, ['Connection', 'close']] };
}
