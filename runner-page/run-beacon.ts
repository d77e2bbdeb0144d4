/**
 * Format 1.2 `beacon`: `navigator.sendBeacon` with a text body, or a Blob of the step's Content-Type (a type
 * that is not CORS-safelisted makes it a CORS request, preflighted, with credentials included). The page never
 * sees the answer (outcome `opaque`): it waits for the beacon's resource timing entry, which comes once the
 * request is over, answered or failed, so the journal then holds what the server received.
 * https://w3c.github.io/beacon/#sec-sendBeacon-method
 */
import { contentTypeOf } from '../experiments/form-and-beacon.ts';
import { NO_EMBEDDING_FACTS } from '../experiments/embedding.ts';
import type { PageSeen, StepRequest } from './step.ts';
import { pageFacts } from './run-element.ts';

/** The longest wait for the entry: a bound, never a verdict (the journal decides what arrived). */
const MOST_MS = 5000;

/** Resolves when a beacon's resource timing entry for `url` comes in (an observer sees it, buffer full or not). */
function beaconDone(url: string): { done: Promise<void>; stop: () => void } {
  let stop = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    const observer = new PerformanceObserver((list) => {
      const entries = list.getEntries() as PerformanceResourceTiming[];
      if (entries.some((e) => e.name === url && e.initiatorType === 'beacon')) resolve();
    });
    observer.observe({ type: 'resource' });
    const timer = setTimeout(resolve, MOST_MS);
    stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  });
  return { done, stop };
}

export async function runBeacon(step: StepRequest): Promise<PageSeen> {
  const type = contentTypeOf(Object.fromEntries(step.headers));
  const body = type === undefined ? (step.body ?? '') : new Blob([step.body ?? ''], { type });
  const watch = beaconDone(new URL(step.url, location.href).href);
  let queued: boolean;
  try {
    queued = navigator.sendBeacon(step.url, body);
    if (queued) await watch.done;
  } finally {
    watch.stop();
  }
  return {
    // sendBeacon returns false only when the browser refuses to queue it (its quota): nothing was sent.
    outcome: queued ? 'opaque' : 'blocked', status: null, responseType: null, readableHeaders: {}, body: null,
    error: queued ? null : 'sendBeacon returned false', pageOrigin: self.origin,
    embedding: { ...NO_EMBEDDING_FACTS, ...pageFacts() },
  };
}
