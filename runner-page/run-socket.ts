/**
 * Format 1.2 `websocket`: opens one WebSocket to the step's URL (http: becomes ws:) and reports whether it
 * opened and the first message it read. No CORS applies: the browser sends the page's Origin and the
 * server decides; a refused handshake tells the page only that the socket closed (code 1006), never why.
 * The socket is closed after its first message; a socket always ends in a message or a close (the lab's origins
 * write one message, then close), and no clock decides: a server that never answers is the runner's step limit
 * ("no answer"), never a verdict.
 * https://websockets.spec.whatwg.org/#the-websocket-interface
 */
import { NO_EMBEDDING_FACTS } from '../experiments/embedding.ts';
import { pageFacts } from './run-element.ts';
import type { PageSeen, StepRequest } from './step.ts';

/** ws: for http:, wss: for https: (the same host and path: the plan's URL). */
export function socketUrl(url: string): string {
  return url.replace(/^http/, 'ws');
}

export async function runWebSocket(step: StepRequest): Promise<PageSeen> {
  const seen = await new Promise<{ opened: boolean; message: string | null; error: string | null }>((resolve) => {
    let opened = false;
    let socket: WebSocket;
    try {
      socket = new WebSocket(socketUrl(step.url));
    } catch (error) {
      resolve({ opened, message: null, error: String(error) });
      return;
    }
    function finish(message: string | null, error: string | null): void {
      socket.close();
      resolve({ opened, message, error });
    }
    socket.addEventListener('open', () => (opened = true));
    socket.addEventListener('message', (event) => {
      finish(typeof event.data === 'string' ? event.data : '(binary)', null);
    });
    socket.addEventListener('close', (event) => {
      finish(null, opened ? null : `WebSocket closed before it opened (code ${event.code})`);
    });
  });
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
