/**
 * Ends of a step that only the engine can tell, passed to the page by its driver. Some refusals fire no event in
 * the page: Firefox 153 fires no `load` for a frame its page's COEP refuses (its network layer reports the
 * navigation failed, `NS_ERROR_DOM_COEP_FAILED`), WebKitGTK 2.50 none for a frame that fails the CORP check (it
 * prints the refusal, naming the URL). A driver that reads such an engine event for a step's URL calls
 * `window.corsLab.engineRefused(url, words)`, and the step waiting on that URL ends on it: an event of the engine
 * decides, never a clock. Only the driver reaches `window.corsLab` (the playground's messages cannot call it).
 */

const waiting = new Map<string, Set<(words: string) => void>>();

/** Resolves with the engine's words once the driver says the engine refused `url` (absolute); `signal` stops it. */
export function engineRefusal(url: string, signal: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const listeners = waiting.get(url) ?? new Set<(words: string) => void>();
    waiting.set(url, listeners);
    listeners.add(resolve);
    signal.addEventListener('abort', () => {
      listeners.delete(resolve);
      if (listeners.size === 0) waiting.delete(url);
    }, { once: true });
  });
}

/** The driver's call: whether a step was waiting on `url` (a refusal no step waits for changes nothing). */
export function engineRefused(url: string, words: string): boolean {
  const listeners = waiting.get(url);
  if (!listeners || listeners.size === 0) return false;
  for (const resolve of listeners) resolve(words);
  return true;
}
