/**
 * Which of the playground's steps may run at the same time: any number of steps side by side, except that a step
 * that opens a window (format/frames.ts's opensWindow: a form's popup, window-open, postMessage via window-open)
 * runs alone, with no other step in flight in any runner frame, and the steps asked for after it wait for it to
 * end (first asked, first run).
 *
 * Why: measured in Chromium 156 (Debian's, headless) driven by a DevTools client that auto-attaches to new
 * targets (`Target.setAutoAttach`, as Playwright does for every page): while a renderer is inside
 * `window.open()`, the messages other processes post to its windows are lost for good, not delayed. A page
 * posted 8 messages at once to a cross-site frame whose handler opens a window on the first (and fifth): the
 * frame answered 1 of 8 in each of 7 runs under Playwright and 4 under a bare CDP auto-attach (0 of 8 in 2
 * more without waitForDebuggerOnStart), and 8 of 8 in each of 7 runs with no DevTools client attached; without
 * `window.open`, 8 of 8 in every mode (test/e2e/window-open-messages.spec.ts measures both cases on each run).
 * In a batch, that lost another step's run message (its runner frame then "did not accept"), a popup's "I run"
 * message to its opener, a frame's report: the step's row said "no answer". A step running alone has no
 * message in flight when it opens its window. A learner's browser has no such client: the rule then only orders
 * the few window steps, which take milliseconds.
 * https://html.spec.whatwg.org/multipage/web-messaging.html#posting-messages (messages are queued, never dropped)
 */
interface Waiting {
  alone: boolean;
  start: () => void;
}

export class StepTurns {
  /** Steps running now; `alone` when the one running is a window step. */
  #running = 0;
  #alone = false;
  readonly #waiting: Waiting[] = [];

  /** Runs `work` when its turn comes: alone (nothing else running) when `alone`, else beside other such work. */
  async take<T>(alone: boolean, work: () => Promise<T>): Promise<T> {
    await new Promise<void>((start) => {
      this.#waiting.push({ alone, start });
      this.#startWaiting();
    });
    try {
      return await work();
    } finally {
      this.#running--;
      this.#alone = false;
      this.#startWaiting();
    }
  }

  /** Starts waiting work in the order it was asked for, as far as the rule allows. */
  #startWaiting(): void {
    for (let next = this.#waiting[0]; next; next = this.#waiting[0]) {
      if (this.#alone || (next.alone && this.#running > 0)) return;
      this.#waiting.shift();
      this.#running++;
      this.#alone = next.alone;
      next.start();
    }
  }
}
