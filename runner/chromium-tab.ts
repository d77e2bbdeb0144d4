/**
 * The Chromium driver's tab (engines/engine.ts): a Playwright page on the
 * runner page of one page origin, its steps run by the page script
 * (`window.corsLab.runStep`), Chromium's own words read from the DevTools
 * Protocol by the page's CdpWatch (with the wire view when the probe asks).
 */
import type { Frame, Page } from 'playwright-core';
import type { EngineStep, EngineTab } from '../engines/engine.ts';
import type { PageSeen, StepRequest } from '../runner-page/step.ts';
import { CdpWatch, type Wire, type WatchOptions } from './cdp-watch.ts';
import { STEP_LIMIT_MESSAGE, STEP_TIMEOUT_MS } from './concurrency.ts';
import { opensPopup } from '../format/frames.ts';

/** `window.corsLab` is declared by the runner page script (runner-page/runner-page.ts). */
/** A Frame: probe's sandboxed iframe (its Origin is null). */
export function runInPage(page: Page | Frame, request: StepRequest): Promise<PageSeen> {
  let timer: NodeJS.Timeout | undefined;
  const silent: PageSeen = {
    outcome: 'blocked', status: null, responseType: null, readableHeaders: {}, body: null,
    error: STEP_LIMIT_MESSAGE, pageOrigin: '',
  };
  const timeout = new Promise<PageSeen>((resolve) => {
    timer = setTimeout(() => resolve(silent), STEP_TIMEOUT_MS);
  });
  const answer = page.evaluate((step) => window.corsLab.runStep(step), request);
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Format 1.2 `window-open` (and `postMessage` via `window-open`): waits until the popup the step opened has
 * loaded (or closed itself: a popup without an opener does), so its request is in the journal before the step's
 * entries are read, whatever the page saw (with `noopener` it has no handle to wait on); then closes it if still
 * open, so no run leaves windows behind. The load (or close) decides; the step limit only ends a hang: false then,
 * and the step says "no answer" instead of a journal read taken too early ("not reached").
 */
async function closePopup(popup: Page | null, marker: string, opened: boolean): Promise<boolean> {
  if (!popup) return !opened;
  // The load of the planned page itself: a new popup's about:blank has loaded already, before its request went out.
  const loaded = popup.waitForURL((url) => url.href.includes(marker), { waitUntil: 'load', timeout: STEP_TIMEOUT_MS });
  const ended = await loaded.then(() => true, () => popup.isClosed());
  await popup.close().catch(() => undefined);
  return ended;
}

/** A step in Chromium: with the wire view when the tab's watch collects it (the probe's tab). */
export interface ChromiumStep extends EngineStep {
  wire?: Wire;
}

export class ChromiumTab implements EngineTab {
  private constructor(
    readonly url: string,
    readonly page: Page,
    readonly watch: CdpWatch,
    /** Where the runner script runs: the page, or a frame in it (the probe's sandboxed iframe). */
    readonly runsIn: Page | Frame = page,
  ) {}

  /** Watches `page` and loads the runner page at `url` in it. */
  static async open(page: Page, url: string): Promise<ChromiumTab> {
    const watch = await CdpWatch.attach(page);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return new ChromiumTab(url, page, watch);
  }

  /** A runner script the caller loaded itself in `runsIn` (the probe's intercepted page), watched as `options` say. */
  static async loaded(page: Page, runsIn: Page | Frame, options: WatchOptions): Promise<ChromiumTab> {
    const watch = await CdpWatch.attach(page, options);
    return new ChromiumTab(runsIn === page ? page.url() : runsIn.url(), page, watch, runsIn);
  }

  /** The same page moved to the runner at `url`; a page that could not get there is closed. */
  async moveTo(url: string): Promise<ChromiumTab> {
    try {
      await this.page.goto(url, { waitUntil: 'domcontentloaded' });
    } catch (error) {
      void this.close().catch(() => undefined);
      throw error;
    }
    return new ChromiumTab(url, this.page, this.watch);
  }

  async run(request: StepRequest, marker: string): Promise<ChromiumStep> {
    this.watch.begin(marker);
    // A window-open step (and a postMessage via window-open) opens one popup; Playwright may tell of it after the
    // page's answer, so the wait starts before the step runs. The context's `page` event, not the page's `popup`:
    // Playwright emits no `popup` for a noopener popup (no opener to tell), and that wait used to end only at the
    // step limit. A slot runs one step at a time in its context, so the new page is this step's.
    const popup = opensPopup(request)
      ? this.page.context()
        .waitForEvent('page', { predicate: (opened) => opened !== this.page, timeout: STEP_TIMEOUT_MS })
        .catch(() => null)
      : null;
    const seen = await runInPage(this.runsIn, request);
    const settled = performance.now();
    // A beacon's CORS failure is the console's alone (format 1.2): the watch waits for its end.
    const { verdict, wire } = await this.watch.settle(seen, request.api === 'beacon');
    // The page opened one (a handle, or noopener: no handle, no error), so a popup Chromium never showed is a hang.
    const opened = request.noopener === true || seen.error === null;
    if (opensPopup(request) && !(await closePopup(await popup, marker, opened))) {
      const hung: PageSeen = { ...seen, outcome: 'blocked', error: STEP_LIMIT_MESSAGE };
      return wire ? { seen: hung, verdict, settled, wire } : { seen: hung, verdict, settled };
    }
    return wire ? { seen, verdict, settled, wire } : { seen, verdict, settled };
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
