/**
 * The Firefox driver (engines/engine.ts): Debian's firefox-esr driven over WebDriver BiDi by
 * puppeteer-core 24 (Playwright cannot drive a stock Firefox; /work/shared/browser-facts.md).
 * A session is a browser context (its own cookie jar, HTTP cache and CORS preflight cache); a tab
 * loads the lab's runner page and runs a step through its `window.corsLab.runStep`, as the
 * Chromium runner does. Firefox tells the reason only in a console line naming the URL
 * (firefox-reasons.ts), which may arrive after the page's promise settles: after each step the
 * page reports a marker of its own, and the reason is whatever line for the step came before it (the
 * console keeps the order the page logged in), so no wall-clock wait decides the verdict.
 */
import puppeteer, { type Browser, type BrowserContext, type HTTPRequest, type Page } from 'puppeteer-core';
import type { EngineBrowser, EngineSession, EngineStep, EngineTab, PageAt } from '../engine.ts';
import type { PageSeen, StepRequest } from '../../runner-page/step.ts';
import type { BrowserSettings } from '../../format/format-defaults.ts';
import { STEP_LIMIT_MESSAGE, STEP_TIMEOUT_MS } from '../step-limit.ts';
import { findFirefox } from './find-firefox.ts';
import { readFirefoxConsole } from '../../format/firefox-reasons.ts';
import { readFirefoxCorpLine } from '../../format/firefox-corp.ts';
import { frameRefusalLine } from '../../format/firefox-frame-lines.ts';
import { isFrameApi, opensPopup } from '../../format/frames.ts';
import { popupsGone } from '../popups-gone.ts';
import { newTab } from './new-tab.ts';

/** Whether the step frames its target (`iframe`, `postMessage` to a frame), the only steps a frame line can be for. */
const framesTarget = (request: StepRequest): boolean => isFrameApi(request.api) && !opensPopup(request);
import type { SecureOriginTrust } from '../secure-origin-trust.ts';
import { gotResponse, nextHopProtocol, reportedProtocol } from '../page-protocol.ts';
import { profileTrusting } from './trusting-profile.ts';
import { withoutRunnerNonce } from '../../plan/runner-nonce.ts';

type ThirdPartyCookies = BrowserSettings['thirdPartyCookies'];

/**
 * Firefox's `network.cookie.cookieBehavior` for the experiment's `browser.thirdPartyCookies`
 * (https://searchfox.org/mozilla-central/source/netwerk/cookie/nsICookieService.idl): 1 rejects
 * every third-party cookie (partitioned ones too), 0 accepts them all. Firefox ships 5 (third-party
 * cookies partitioned by top-level site, "Total Cookie Protection"); the lab sets the one the
 * experiment assumes, so a verdict never depends on the profile.
 */
export const COOKIE_BEHAVIOR: Record<ThirdPartyCookies, number> = { blocked: 1, allowed: 0 };

export interface FirefoxOptions {
  /** Default: FIREFOX_PATH, then the Debian and usual install paths (find-firefox.ts). */
  executablePath?: string;
  /** Default `blocked`, as the format's default browser settings. */
  thirdPartyCookies?: ThirdPartyCookies;
  /** The lab's `secure` origin, trusted for its certificate alone (certificate-override.ts); absent: none. */
  trust?: SecureOriginTrust | undefined;
}

/**
 * Contexts that run steps at once per browser. The catalog with 1, 3 and 5 contexts at once per browser took 30, 38
 * and 26 s of tests on this 2-core machine shared by other builds (load 11-12): no clear winner, so the Chromium
 * runner's default. The bench's Firefox floor runs as many (test/bench/floor.ts).
 */
export const FIREFOX_SESSIONS = 3;

/** The page reports this after each step; the reasons the console held for the step came before it. */
const SETTLED = 'cors-lab:settled:';

function notAnswered(): PageSeen {
  return {
    outcome: 'blocked', status: null, responseType: null, readableHeaders: {}, body: null,
    error: STEP_LIMIT_MESSAGE, pageOrigin: '',
  };
}

/** Resolves with `fallback` when `work` has not settled within the step's limit (a limit, never a verdict). */
async function withinStepLimit<T>(work: Promise<T>, fallback: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback()), STEP_TIMEOUT_MS)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

class FirefoxTab implements EngineTab {
  /** The console lines of the running step, in order. */
  #lines: string[] = [];
  #settled: ((token: string) => void) | null = null;
  #steps = 0;
  /** The marker of the running step when it frames its target: a failed navigation of a frame to its URLs ends it. */
  #framing: string | null = null;

  constructor(readonly url: string, private readonly page: Page) {
    // Firefox's CORS lines are errors of the page (BiDi log.entryAdded of type "javascript"). The page's own
    // console calls arrive as "console" entries and a page's thrown text gets "uncaught exception: " before it,
    // so no script can forge a reason (firefox-reasons.ts reads only lines that start as Firefox's do).
    // The lab's nonce comes out of a quoted directive (plan/runner-nonce.ts): the line reads as the experiment's policy.
    page.on('pageerror', (error) => {
      const text = error instanceof Error ? error.message : String(error);
      if (text.includes(SETTLED)) this.#settled?.(text);
      else this.#lines.push(withoutRunnerNonce(text));
    });
    page.on('requestfailed', (failed) => this.#frameFailed(failed));
  }

  async run(request: StepRequest, marker: string): Promise<EngineStep> {
    // An empty marker is in every URL: any step's line would pass for this one's.
    if (marker === '') {
      throw new Error("run(request, marker): marker is empty; pass a part of the step's URLs (its run id)");
    }
    this.#lines = [];
    const windows = async (): Promise<number> => (await this.page.browserContext().pages()).length;
    const windowsBefore = opensPopup(request) ? await windows() : 0;
    this.#framing = framesTarget(request) ? marker : null;
    const seen = await withinStepLimit(
      this.page.evaluate((step) => window.corsLab.runStep(step), request),
      notAnswered,
    ).finally(() => (this.#framing = null));
    if (opensPopup(request)) await popupsGone(windows, windowsBefore);
    await this.#settle();
    // The first line that names the step's URL: a failed preflight is followed by a second,
    // "CORS request did not succeed", which says less.
    const read = (text: string) => readFirefoxConsole(text) ?? readFirefoxCorpLine(text);
    const line = this.#lines.find((text) => read(text)?.url.includes(marker)) ?? null;
    // A frame it refused to render (X-Frame-Options, frame-ancestors): Firefox's own lines for that.
    const frame = line === null ? frameRefusalLine(this.#lines, marker, framesTarget(request)) : null;
    const protocol = gotResponse(seen)
      ? await this.page.evaluate(nextHopProtocol, request.url).catch(() => null)
      : null;
    const verdict = frame
      ? { reason: frame.reason, console: frame.line }
      : { reason: line === null ? null : read(line)?.reason ?? null, console: line };
    return { seen, verdict: { ...verdict, protocol: reportedProtocol(protocol) } };
  }

  /**
   * Firefox 153 fires no `load` in the page for a frame its page's COEP refuses; its network layer reports the
   * frame's navigation failed (BiDi network.fetchError, `NS_ERROR_DOM_COEP_FAILED`: measured), and then shows
   * about:neterror. That event of the engine ends the step: the driver tells the page (runner-page/engine-ends.ts).
   * https://w3c.github.io/webdriver-bidi/#event-network-fetchError
   */
  #frameFailed(failed: HTTPRequest): void {
    const marker = this.#framing;
    const url = failed.url();
    if (marker === null || !url.includes(marker) || !failed.isNavigationRequest()) return;
    if (failed.frame() === this.page.mainFrame()) return;
    const error = failed.failure()?.errorText ?? 'no error text';
    const words = `Firefox: the frame's navigation to ${url} failed (${error})`;
    void this.page.evaluate((at, said) => window.corsLab.engineRefused(at, said), url, words).catch(() => undefined);
  }

  /**
   * Waits for the page's own marker line: every line the step made is in by then. The marker is an error the page
   * reports (`reportError`), so it reaches the driver by the same path as Firefox's own lines (the console service's
   * script errors, BiDi log entries of type "javascript"): a `console.error` marker travels another path and
   * once overtook a CSP line a beacon's refusal had logged before it (1 run in 8 of the csp group, measured).
   * https://html.spec.whatwg.org/multipage/webappapis.html#dom-reporterror
   */
  async #settle(): Promise<void> {
    const token = `${SETTLED}${++this.#steps}`;
    const arrived = new Promise<void>((resolve) => {
      this.#settled = (text) => {
        if (text.endsWith(token)) resolve();
      };
    });
    await withinStepLimit(
      Promise.all([arrived, this.page.evaluate((t) => reportError(t), token)]).then(() => undefined),
      () => undefined,
    );
    this.#settled = null;
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}

class FirefoxSession implements EngineSession {
  constructor(private readonly context: BrowserContext) {}

  async openTab(runnerUrl: string): Promise<EngineTab> {
    const page = await newTab(this.context);
    try {
      await page.goto(runnerUrl, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => window.corsLab?.ready === true);
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
    return new FirefoxTab(runnerUrl, page);
  }

  /**
   * The page is answered by request interception over BiDi (network.provideResponse), as the Chromium probe's is;
   * interception ends once it has loaded, so every later request reaches the network untouched.
   */
  async openPageAt(at: PageAt): Promise<EngineTab> {
    const page = await newTab(this.context);
    try {
      const serve = (request: HTTPRequest): void => {
        if (request.url() === at.url) {
          void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: at.html });
        } else void request.abort();
      };
      await page.setRequestInterception(true);
      page.on('request', serve);
      await page.goto(at.url, { waitUntil: 'domcontentloaded' });
      page.off('request', serve);
      await page.setRequestInterception(false);
      await page.waitForFunction(() => window.corsLab?.ready === true);
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
    return new FirefoxTab(at.url, page);
  }

  async clearCookies(): Promise<void> {
    const cookies = await this.context.cookies();
    if (cookies.length > 0) await this.context.deleteCookie(...cookies);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}

class FirefoxBrowser implements EngineBrowser {
  readonly engine = 'firefox';
  readonly sessionsAtOnce = FIREFOX_SESSIONS;

  constructor(
    private readonly browser: Browser,
    readonly version: string,
    private readonly removeProfile: () => Promise<void>,
  ) {}

  async newSession(): Promise<EngineSession> {
    return new FirefoxSession(await this.browser.createBrowserContext());
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.removeProfile();
  }
}

/** Launches Firefox headless over WebDriver BiDi. */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<EngineBrowser> {
  const executablePath = options.executablePath ?? findFirefox();
  const profile = options.trust ? await profileTrusting(options.trust) : null;
  const removeProfile = async (): Promise<void> => profile?.remove();
  try {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      ...(profile ? { userDataDir: profile.dir } : {}),
      extraPrefsFirefox: {
        'network.cookie.cookieBehavior': COOKIE_BEHAVIOR[options.thirdPartyCookies ?? 'blocked'],
        // Popups from script without a click (format 1.2 `window-open`): said here, not left to puppeteer's profile.
        'dom.disable_open_during_load': false,
      },
    });
    // "firefox/153.8.0esr" -> "firefox 153.8.0esr", as `run --json` names browsers.
    const version = (await browser.version()).replace(/^firefox\//i, 'firefox ');
    return new FirefoxBrowser(browser, version, removeProfile);
  } catch (error) {
    await removeProfile();
    throw error;
  }
}
