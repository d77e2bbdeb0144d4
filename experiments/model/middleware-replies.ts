/**
 * The model is synchronous, the middleware it must ask (hono/cors) is not.
 * The model therefore reads middleware replies from this memo; a call it has
 * not seen yet is noted, answered with a stand-in, and run for real before
 * the model goes again (predictExperimentAsync). The calls of one experiment
 * are few (a preflight and an actual request per step), so two or three
 * passes settle it.
 */
import type { MiddlewareCall, RawReply } from '../../plan/answer.ts';

export class MiddlewareReplies {
  readonly #known = new Map<string, RawReply>();
  readonly #pending = new Map<string, MiddlewareCall>();

  /** The real reply, or null (and the call noted) when it has not been run yet. */
  get(call: MiddlewareCall): RawReply | null {
    const key = JSON.stringify(call);
    const known = this.#known.get(key);
    if (known) return known;
    this.#pending.set(key, call);
    return null;
  }

  get settled(): boolean {
    return this.#pending.size === 0;
  }

  /**
   * Runs every noted call through the real middleware. Imported on first use, so the
   * playground loads Hono and the Express package only when an experiment names one.
   */
  async resolvePending(): Promise<void> {
    const calls = [...this.#pending];
    this.#pending.clear();
    const { runMiddleware } = await import('../../plan/middleware/run-middleware.ts');
    for (const [key, call] of calls) this.#known.set(key, await runMiddleware(call));
  }
}
