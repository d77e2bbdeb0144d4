/**
 * Format 1.2 `eventsource`: opens one EventSource (withCredentials when the step's credentials are
 * `include`) and waits for its first event. Its request is a CORS request (destination empty), so a
 * cross-origin stream needs Access-Control-Allow-Origin, and credentials need an exact origin and
 * Access-Control-Allow-Credentials: true; a response that is not `text/event-stream` fails the connection.
 * The page sees only an error event either way. Closed after the first event or the first error, before the end
 * of the stream could make it reconnect; no clock decides: a server that never answers is the runner's step limit
 * ("no answer"), never a verdict.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#the-eventsource-interface
 */
import { NO_EMBEDDING_FACTS } from '../format/embedding.ts';
import { pageFacts } from './run-element.ts';
import type { PageSeen, StepRequest } from './step.ts';

export async function runEventSource(step: StepRequest): Promise<PageSeen> {
  const seen = await new Promise<{ data: string | null; error: string | null }>((resolve) => {
    let source: EventSource;
    try {
      source = new EventSource(step.url, { withCredentials: step.credentials === 'include' });
    } catch (error) {
      resolve({ data: null, error: String(error) });
      return;
    }
    function finish(data: string | null, error: string | null): void {
      source.close();
      resolve({ data, error });
    }
    source.addEventListener('message', (event) => finish(String(event.data), null));
    // A failed connection (readyState CLOSED) or one about to reconnect: either way no first event came.
    source.addEventListener('error', () => finish(null, 'EventSource: error event'));
  });
  return {
    outcome: seen.data !== null ? 'allowed' : 'blocked',
    status: null,
    responseType: null,
    readableHeaders: {},
    body: seen.data,
    error: seen.error,
    pageOrigin: self.origin,
    embedding: { ...NO_EMBEDDING_FACTS, ...pageFacts() },
  };
}
