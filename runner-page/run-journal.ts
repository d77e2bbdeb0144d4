/**
 * The runner page's side of the journal long-poll (servers/journal-waits.ts, plan/journal-wait.ts): asked on the
 * page's own origin (same-origin, so no CORS and no cookie of the run's planned URLs), for the run a planned URL
 * names. Used where the browser tells the page nothing of a request's end (a form answered with 204: run-form.ts).
 */
import { parsePlannedPath } from '../plan/plan-url.ts';

/** The run id of a planned URL, or null (a URL of no run: nothing to wait on). */
export function runOf(url: string): string | null {
  try {
    return parsePlannedPath(new URL(url, location.href).pathname)?.run ?? null;
  } catch {
    return null;
  }
}
