/**
 * Chromium's own account of one step, from the DevTools Protocol: the main
 * request's `Network.loadingFailed` (corsErrorStatus / blockedReason /
 * errorText) and the console message it printed. Events may arrive before or
 * after the page's promise settles, so callers wait for them with a timeout.
 * https://chromedevtools.github.io/devtools-protocol/tot/Network/#event-loadingFailed
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import { reasonFromChromium } from '../experiments/reasons.ts';

export interface ChromiumVerdict {
  reason: string | null;
  failedParameter: string | null;
  console: string | null;
}

/** The console lines Chromium prints for a CORS block ("Access to fetch at ...", "Fetch API cannot load ..."). */
const CORS_CONSOLE = /^(Access to |Fetch API cannot load )/;

interface Failure {
  corsError?: string;
  failedParameter?: string;
  blockedReason?: string;
  errorText?: string;
}

/** Watches one page; `begin(marker)` starts collecting for the requests whose URL holds `marker`. */
export class ChromiumWatch {
  #marker: string | null = null;
  #mainId: string | null = null;
  readonly #claimed = new Set<string>();
  #failure: Failure | null = null;
  #issue: Failure | null = null;
  #console: string | null = null;
  #wake: (() => void) | null = null;

  private constructor() {}

  /** `target`: the frame whose requests to watch when it runs in a process of its own (an out-of-process iframe). */
  static async attach(page: Page, target: Page | Frame = page): Promise<ChromiumWatch> {
    const watch = new ChromiumWatch();
    const cdp: CDPSession = await page.context().newCDPSession(target);
    cdp.on('Network.requestWillBeSent', (event) => {
      if (!watch.#marker || !event.request.url.includes(watch.#marker)) return;
      // The preflight has its own id; the main request keeps one id across redirects.
      if (event.type === 'Preflight' || event.initiator.type === 'preflight') return;
      if (watch.#mainId === null && !watch.#claimed.has(event.requestId)) {
        watch.#mainId = event.requestId;
        watch.#claimed.add(event.requestId);
      }
    });
    cdp.on('Network.loadingFailed', (event) => {
      if (event.requestId !== watch.#mainId) return;
      watch.#failure = {
        ...(event.corsErrorStatus ? { corsError: event.corsErrorStatus.corsError, failedParameter: event.corsErrorStatus.failedParameter } : {}),
        ...(event.blockedReason ? { blockedReason: event.blockedReason } : {}),
        errorText: event.errorText,
      };
      watch.#wake?.();
    });
    // Some blocks (mode "same-origin") never become a network request: Chromium reports them only as an issue.
    cdp.on('Audits.issueAdded', ({ issue }) => {
      const details = issue.details.corsIssueDetails;
      if (!details || !watch.#marker || !details.request.url.includes(watch.#marker)) return;
      if (details.request.requestId && details.request.requestId !== watch.#mainId) return;
      watch.#issue = { corsError: details.corsErrorStatus.corsError, failedParameter: details.corsErrorStatus.failedParameter };
      watch.#wake?.();
    });
    page.on('console', (message) => {
      const text = message.text();
      if (watch.#marker && message.type() === 'error' && CORS_CONSOLE.test(text) && text.includes(watch.#marker)) {
        watch.#console = text;
        watch.#wake?.();
      }
    });
    await Promise.all([cdp.send('Network.enable'), cdp.send('Audits.enable')]);
    return watch;
  }

  begin(marker: string): void {
    this.#marker = marker;
    this.#mainId = null;
    this.#failure = null;
    this.#issue = null;
    this.#console = null;
  }

  async #until(ready: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ready() && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
      });
      clearTimeout(timer);
      this.#wake = null;
    }
  }

  /** Waits (bounded) for what Chromium says about a blocked request, then stops collecting. */
  async verdict(blocked: boolean): Promise<ChromiumVerdict> {
    if (blocked) {
      await this.#until(() => this.#failure !== null || this.#issue !== null, 1500);
      if ((this.#failure ?? this.#issue)?.corsError) await this.#until(() => this.#console !== null, 500);
    }
    const failure = blocked ? (this.#failure ?? this.#issue) : null;
    this.#marker = null;
    return {
      reason: failure ? reasonFromChromium(failure) : null,
      failedParameter: failure?.failedParameter || null,
      console: this.#console,
    };
  }
}
