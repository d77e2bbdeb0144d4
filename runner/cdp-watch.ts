/**
 * The one CDP watcher: Chromium's own account of a step, from the DevTools
 * Protocol, for every way of running a step in Chromium (the runner's tabs,
 * the probe). Events are attributed to the step by its marker, a substring of
 * the step's URL (the run id; the probe's URL).
 *
 * Always: the main request's `Network.loadingFailed` (corsErrorStatus /
 * blockedReason / errorText), an `Audits.issueAdded` CORS issue when no
 * request was made, and the console line Chromium printed. Events may arrive
 * before or after the page's promise settles, so the watch waits for them
 * (bounded: only a lost event reaches the bound).
 * https://chromedevtools.github.io/devtools-protocol/tot/Network/#event-loadingFailed
 *
 * When asked (`wire`, the probe): what went over the wire, that is the
 * preflights and their answers, the request headers as sent (Origin, Cookie),
 * the raw answer of every hop of a redirect chain, the cookies Chromium
 * considered per hop, and the address space it put the server in. The runner
 * does not ask: it reads what the servers received from the journal.
 *
 * Redirects: the main request keeps one request id across every hop; each hop
 * is a new `Network.requestWillBeSent` and, for each hop, one
 * `requestWillBeSentExtraInfo` (the headers as sent) and one
 * `responseReceivedExtraInfo` (the raw answer). CDP does not order extra-info
 * events against the main ones, so the n-th event of each kind belongs to hop
 * n. Every preflight (a cross-origin redirect of a preflighted request gets a
 * new one) has an id of its own, names the main request as its initiator, and
 * is matched to the first hop with its URL. Not handled: a redirect Chromium
 * makes itself (an HSTS upgrade, "307 Internal Redirect") sends no extra-info
 * events, so the hops after it would be paired with the wrong answers;
 * loopback APIs and the tests' servers never get one.
 * https://chromedevtools.github.io/devtools-protocol/tot/Network/#event-responseReceivedExtraInfo
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import type { EngineVerdict, UnreportedFact } from '../engines/engine.ts';
import type { HeaderLines } from '../format/headers.ts';
import { reasonFromChromium } from '../format/reasons.ts';
import type { PageSeen } from '../runner-page/step.ts';
import { isSelfCancel, watchSockets } from './socket-events.ts';
import { STEP_LIMIT_MESSAGE } from '../engines/step-limit.ts';
import { withoutRunnerNonce } from '../plan/runner-nonce.ts';

export interface WireResponse {
  status: number;
  /** Header lines as the server sent them (from the raw header text when Chromium has it). */
  headers: HeaderLines;
  /** Chromium's IPAddressSpace of the server, e.g. "Loopback". */
  addressSpace: string | null;
}

export interface WireExchange {
  /** Request headers as sent (Origin, Access-Control-Request-*, Cookie), names as Chromium wrote them. */
  requestHeaders: Record<string, string>;
  response: WireResponse | null;
  /** The `net::` error of this request, when it failed. */
  errorText: string | null;
}

/** One hop of the actual request's redirect chain: the request as sent there, its answer and its preflight. */
export interface WireHop {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  response: WireResponse | null;
  preflight: WireExchange | null;
  /** The cookies Chromium considered for this hop, with why it did not send each (empty when sent). */
  cookies: HopCookie[];
}

export interface HopCookie {
  name: string;
  /** Chromium's CookieBlockedReason list, e.g. "UserPreferences" (third-party cookies blocked), "SameSiteLax". */
  blockedReasons: string[];
}

export interface Wire {
  preflight: WireExchange | null;
  actual: WireExchange | null;
  /** Every hop of the actual request, in order (one when nothing redirected). */
  hops: WireHop[];
}

/** What the watch saw of one step: the engine's verdict, and the wire when the watch collects it. */
export interface Watched {
  verdict: EngineVerdict;
  wire?: Wire;
}

export interface WatchOptions {
  /** The frame whose requests to watch when it runs in a process of its own (an out-of-process iframe). */
  target?: Page | Frame;
  /** Collect the wire view too (the probe). */
  wire?: boolean;
  /** Turn the HTTP cache off (and the preflight cache with it): every step sends its request and its preflight. */
  cachesOff?: boolean;
}

/** The console lines Chromium prints for a CORS block ("Access to fetch at ...", "Fetch API cannot load ..."). */
const CORS_CONSOLE = /^(Access to |Fetch API cannot load )/;
/**
 * Format 1.2: the lines of a refused frame ("Refused to display 'URL' in a frame because ...", "Framing 'URL'
 * violates ..."). They name the frame's origin only, not the step's URL: taken while a step of the tab runs.
 */
const FRAME_CONSOLE = /^(Refused to display '|Framing ')/;
const FRAME_REFUSED = 'net::ERR_BLOCKED_BY_RESPONSE';

/**
 * The bound on waiting for an event that Chromium's other events say will come: only a lost event reaches it, and
 * reaching it is never silent: the fact waited for is reported as unreported (EngineVerdict.unreported), so a
 * missing reason never reads as "no reason", and the watch counts it (CdpWatch.boundsReached).
 */
export const ANSWER_DEADLINE_MS = 10_000;

/** The mismatch a run reports for facts Chromium did not report in time: a lost event, not a verdict. */
export function unreportedText(facts: readonly UnreportedFact[]): string {
  return `Chromium did not report its ${facts.join(', ')} within ${ANSWER_DEADLINE_MS / 1000} s `
    + '(a bound on a lost event, not a verdict): unknown, not "none"';
}

interface Failure {
  corsError?: string;
  failedParameter?: string;
  blockedReason?: string;
  errorText?: string;
}

/** One request id's events, collected for the wire view. */
interface Collected {
  /** Per hop, in the order Chromium sent them (a preflight has one hop). */
  sent: Array<{ method: string; url: string }>;
  /** For a preflight: the request that caused it (CDP's `initiator.requestId`). */
  preflightOf: string | null;
  requestHeaders: Array<Record<string, string>>;
  cookies: HopCookie[][];
  responses: WireResponse[];
  errorText: string | null;
}

/** Which answers Chromium's verdict says the server sent. */
interface Answered {
  preflight: boolean;
  actual: boolean;
}

/** CORS errors Chromium can only report once the actual response is in (its headers failed the CORS check). */
const ACTUAL_RESPONSE_REASONS = new Set([
  'WildcardOriginNotAllowed', 'MissingAllowOriginHeader', 'MultipleAllowOriginValues', 'InvalidAllowOriginValue',
  'AllowOriginMismatch', 'InvalidAllowCredentials',
]);
/** CORS errors about the preflight's answer (https://fetch.spec.whatwg.org/#cors-preflight-fetch). */
const PREFLIGHT_RESPONSE_REASONS = new Set([
  'PreflightInvalidStatus', 'PreflightDisallowedRedirect', 'PreflightWildcardOriginNotAllowed',
  'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues', 'PreflightInvalidAllowOriginValue', 'PreflightAllowOriginMismatch',
  'PreflightInvalidAllowCredentials', 'InvalidAllowMethodsPreflightResponse', 'InvalidAllowHeadersPreflightResponse',
  'MethodDisallowedByPreflightResponse', 'HeaderDisallowedByPreflightResponse',
]);

/** The answers the page's outcome and Chromium's reason prove the server sent: the wire view waits for them. */
export function answeredBy(outcome: string, reason: string | null): Answered {
  return {
    preflight: reason !== null && PREFLIGHT_RESPONSE_REASONS.has(reason),
    actual: outcome === 'allowed' || (reason !== null && ACTUAL_RESPONSE_REASONS.has(reason)),
  };
}

/**
 * `fetch()` or `xhr.open()` threw at once ("TypeError: Failed to execute 'fetch' on 'Window': 'PUT' is
 * unsupported in no-cors mode."), or the page saw the browser refuse before sending (`notSent`: a blocked popup,
 * CSP, a beacon not queued): no request exists, so Chromium reports nothing and waiting for it only costs time.
 */
function thrownBeforeSending(seen: PageSeen): boolean {
  return seen.notSent === true || (seen.error !== null && seen.error.includes("Failed to execute '"));
}

/**
 * Whether a CSP issue's blocked URL is the step's: its URL holds the step's marker, or, for a frame, Chromium names
 * only the refused URL's origin (measured, Chromium 156: "Framing 'http://127.0.0.1:5313/' violates ..."): one step
 * runs at a time in a watched page, so an origin-only URL in that step is the step's.
 */
function refusedUrlMatches(blocked: string | undefined, marker: string): boolean {
  if (!blocked) return false;
  if (blocked.includes(marker)) return true;
  try {
    const url = new URL(blocked);
    return url.pathname === '/' && url.search === '';
  } catch {
    return false;
  }
}

/** "HTTP/1.1 204 No Content\r\nA: b\r\n\r\n" to lines, names and values as sent (one space after the colon dropped). */
export function parseHeadersText(text: string): HeaderLines {
  const lines: HeaderLines = [];
  for (const line of text.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) lines.push([line.slice(0, colon), line.slice(colon + 1).replace(/^ /, '')]);
  }
  return lines;
}

/** The answer to the last hop sent, once it is in. */
const lastResponse = (found: Collected): WireResponse | null =>
  found.sent.length > 0 ? (found.responses[found.sent.length - 1] ?? null) : (found.responses.at(-1) ?? null);

/** The last hop's request headers and answer, and the error. */
const exchangeOf = (found: Collected): WireExchange => ({
  requestHeaders: found.requestHeaders.at(-1) ?? {},
  response: lastResponse(found),
  errorText: found.errorText,
});

/** Watches one page; `begin(marker)` starts collecting for the requests whose URL holds `marker`. */
export class CdpWatch {
  #marker: string | null = null;
  #mainId: string | null = null;
  readonly #claimed = new Set<string>();
  #failure: Failure | null = null;
  #issue: Failure | null = null;
  /** The main request ended without a block to report (socket-events.ts): a failed step's reason is null. */
  #endedUnblocked = false;
  /** The main request is a WebSocket handshake (socket-events.ts): it has no `Network.responseReceived`. */
  #socket = false;
  #console: string | null = null;
  /** The main request's `Network.loadingFinished` (a beacon's answered POST, say): no failure event will follow. */
  #finished = false;
  /**
   * The page's own Content-Security-Policy refused the step's URL (an `Audits` CSP issue): a `fetch()` or a frame
   * it refuses never becomes a network request (measured, Chromium 156), so no network event will decide.
   */
  #refusedByPagePolicy = false;
  /** The main request's response protocol (`Network.responseReceived`), for `observed.protocol`. */
  #protocol: string | null = null;
  #wake: (() => void) | null = null;
  /** The facts of the current step whose event did not come within ANSWER_DEADLINE_MS. */
  readonly #unreported = new Set<UnreportedFact>();
  #boundsReached = 0;
  /** The wire view's events by request id, for the current step; null when the watch does not collect them. */
  readonly #collected: Map<string, Collected> | null;

  private constructor(wire: boolean) {
    this.#collected = wire ? new Map() : null;
  }

  static async attach(page: Page, options: WatchOptions = {}): Promise<CdpWatch> {
    const watch = new CdpWatch(options.wire ?? false);
    const cdp: CDPSession = await page.context().newCDPSession(options.target ?? page);
    cdp.on('Network.requestWillBeSent', (event) => {
      if (!watch.#marker) return;
      // The preflight has its own id; the main request keeps one id across redirects.
      const preflight = event.type === 'Preflight' || event.initiator.type === 'preflight';
      if (!preflight && event.requestId !== watch.#mainId) {
        if (watch.#mainId !== null || watch.#claimed.has(event.requestId)) return;
        if (!event.request.url.includes(watch.#marker)) return;
        watch.#mainId = event.requestId;
        watch.#claimed.add(event.requestId);
      }
      const found = watch.#collect(event.requestId);
      if (!found) return;
      if (preflight) found.preflightOf = event.initiator.requestId ?? null;
      found.sent.push({ method: event.request.method, url: event.request.url });
    });
    cdp.on('Network.loadingFinished', (event) => {
      if (event.requestId !== watch.#mainId) return;
      watch.#finished = true;
      watch.#wake?.();
    });
    cdp.on('Network.loadingFailed', (event) => {
      const found = watch.#marker ? watch.#collect(event.requestId) : null;
      if (found) found.errorText = event.errorText;
      if (event.requestId === watch.#mainId && isSelfCancel(event)) {
        watch.#endedUnblocked = true;
      } else if (event.requestId === watch.#mainId) {
        const cors = event.corsErrorStatus;
        watch.#failure = {
          ...(cors ? { corsError: cors.corsError, failedParameter: cors.failedParameter } : {}),
          ...(event.blockedReason ? { blockedReason: event.blockedReason } : {}),
          errorText: event.errorText,
        };
      }
      watch.#wake?.();
    });
    watchSockets(cdp, {
      claim: (id, url) => {
        if (!watch.#marker || watch.#mainId !== null || !url.includes(watch.#marker)) return;
        watch.#mainId = id;
        watch.#claimed.add(id);
        watch.#socket = true;
      },
      ended: (id) => {
        if (id !== watch.#mainId) return;
        watch.#endedUnblocked = true;
        watch.#wake?.();
      },
    });
    // The final hop's response: a redirect's answers come in requestWillBeSent, not here.
    // https://chromedevtools.github.io/devtools-protocol/tot/Network/#event-responseReceived
    cdp.on('Network.responseReceived', (event) => {
      if (event.requestId !== watch.#mainId) return;
      watch.#protocol = event.response.protocol ?? null;
      watch.#wake?.();
    });
    // Some blocks (mode "same-origin") never become a network request: Chromium reports them only as an issue.
    cdp.on('Audits.issueAdded', ({ issue }) => {
      const csp = issue.details.contentSecurityPolicyIssueDetails;
      if (csp && !csp.isReportOnly && watch.#marker && refusedUrlMatches(csp.blockedURL, watch.#marker)) {
        watch.#refusedByPagePolicy = true;
        watch.#wake?.();
        return;
      }
      const details = issue.details.corsIssueDetails;
      if (!details || !watch.#marker || !details.request.url.includes(watch.#marker)) return;
      if (details.request.requestId && details.request.requestId !== watch.#mainId) return;
      const { corsError, failedParameter } = details.corsErrorStatus;
      watch.#issue = { corsError, failedParameter };
      watch.#wake?.();
    });
    page.on('console', (message) => {
      const text = withoutRunnerNonce(message.text());
      const framing = FRAME_CONSOLE.test(text);
      if (watch.#marker && message.type() === 'error' && (framing || (CORS_CONSOLE.test(text) && text.includes(watch.#marker)))) {
        watch.#console = text;
        watch.#wake?.();
      }
    });
    const enabled = [cdp.send('Network.enable'), cdp.send('Audits.enable')];
    if (watch.#collected) CdpWatch.#watchWire(watch, cdp);
    await Promise.all(enabled);
    if (options.cachesOff) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    return watch;
  }

  /** The extra-info events (headers as sent, raw answers, cookies), only for a watch that collects the wire. */
  static #watchWire(watch: CdpWatch, cdp: CDPSession): void {
    cdp.on('Network.requestWillBeSentExtraInfo', (event) => {
      const found = watch.#marker ? watch.#collect(event.requestId) : null;
      if (!found) return;
      found.requestHeaders.push(event.headers as Record<string, string>);
      found.cookies.push(event.associatedCookies.map(({ cookie, blockedReasons }) => ({
        name: cookie.name,
        blockedReasons,
      })));
    });
    cdp.on('Network.responseReceivedExtraInfo', (event) => {
      const found = watch.#marker ? watch.#collect(event.requestId) : null;
      if (!found) return;
      const headers = event.headersText
        ? parseHeadersText(event.headersText)
        : Object.entries(event.headers as Record<string, string>);
      found.responses.push({ status: event.statusCode, headers, addressSpace: event.resourceIPAddressSpace ?? null });
      watch.#wake?.();
    });
    cdp.on('Network.loadingFinished', () => watch.#wake?.());
  }

  /**
   * The wire view's record of a request id (null when the watch does not collect the wire). Extra-info events may
   * come before the request they belong to is known as the step's: they are kept by id, and sorted out when read.
   */
  #collect(id: string): Collected | null {
    if (!this.#collected) return null;
    let found = this.#collected.get(id);
    if (!found) {
      found = { sent: [], preflightOf: null, requestHeaders: [], cookies: [], responses: [], errorText: null };
      this.#collected.set(id, found);
    }
    return found;
  }

  begin(marker: string): void {
    this.#marker = marker;
    this.#mainId = null;
    this.#failure = null;
    this.#issue = null;
    this.#endedUnblocked = false;
    this.#console = null;
    this.#finished = false;
    this.#refusedByPagePolicy = false;
    this.#protocol = null;
    this.#socket = false;
    this.#unreported.clear();
    this.#collected?.clear();
  }

  /** How many waits of this watch reached ANSWER_DEADLINE_MS (a lost event each), since it was attached. */
  get boundsReached(): number {
    return this.#boundsReached;
  }

  /** Waits for `ready`; reaching the bound is counted and leaves `fact` unreported for the step. */
  async #waitFor(fact: UnreportedFact, ready: () => boolean): Promise<void> {
    if (await this.#until(ready, ANSWER_DEADLINE_MS)) return;
    this.#unreported.add(fact);
    this.#boundsReached++;
  }

  /** True when `ready` held before the bound. */
  async #until(ready: () => boolean, timeoutMs: number): Promise<boolean> {
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
    return ready();
  }

  /**
   * Waits (bounded) for what Chromium says about the step the page saw as `seen`, then stops collecting.
   * `unseen`: a beacon, whose CORS failure the page never learns of (format 1.2): wait for the request to end, and
   * keep the console line of a failure, with no reason (its outcome is opaque).
   */
  async settle(seen: PageSeen, unseen = false): Promise<Watched> {
    // A frame that rendered (a message not taken) failed no request: Chromium has nothing to say. Nor does it for a
    // message not delivered to a popup (postMessage via window-open): the popup's navigation is another target's.
    const popup = typeof seen.embedding?.openerKept === 'boolean';
    const refusedEarly = thrownBeforeSending(seen);
    const blocked = seen.outcome === 'blocked' && !refusedEarly && seen.embedding?.framed !== true && !popup;
    // A step the step limit ended (a hang: the request is still open) has no end for Chromium to report: take what
    // came, wait for nothing, and leave the step's own "no answer" as its word.
    const hung = seen.error === STEP_LIMIT_MESSAGE;
    if (unseen && !refusedEarly && !hung) await this.#untilUnseenEnds();
    const found: EngineVerdict = hung
      ? this.#verdictNow(blocked)
      : { ...(await this.#verdict(blocked)), protocol: await this.#responseProtocol(seen) };
    const answered = answeredBy(seen.outcome, found.reason);
    const wire = this.#collected ? (hung ? this.#wireNow() : await this.#wire(answered)) : undefined;
    this.#marker = null;
    const unreported = [...this.#unreported];
    const verdict = unreported.length > 0 ? { ...found, unreported } : found;
    return wire ? { verdict, wire } : { verdict };
  }

  async #untilUnseenEnds(): Promise<void> {
    await this.#waitFor('reason', () => this.#finished || this.#failure !== null);
    if (this.#failure?.corsError) await this.#waitFor('console', () => this.#console !== null);
  }

  /**
   * The protocol of the response the page got: waited for (bounded: only a lost event reaches the bound) when
   * the page had one from the network (allowed, or an opaque no-cors answer), since the event may trail the
   * page's promise; null when the page got none.
   */
  async #responseProtocol(seen: PageSeen): Promise<string | null> {
    if (seen.outcome !== 'allowed' && seen.responseType !== 'opaque') return null;
    // No request on the network (an element from Blink's memory cache): there is no response to wait for.
    // A WebSocket's handshake answer comes as webSocketHandshakeResponseReceived, with no protocol to read.
    if (this.#mainId === null || this.#socket) return null;
    await this.#waitFor('protocol', () => this.#protocol !== null);
    return this.#protocol;
  }

  async #verdict(blocked: boolean): Promise<EngineVerdict> {
    if (blocked) {
      // The page's promise may settle before Chromium's events arrive, the more so on a busy machine: wait for the
      // event that decides (a failure, an issue, the request finishing whole or ending unblocked, after which no
      // failure can come), so the reason never depends on the load; the bound only ends the wait for a lost event.
      const decided = (): boolean => this.#failure !== null || this.#issue !== null || this.#finished
        || this.#endedUnblocked || this.#refusedByPagePolicy;
      await this.#waitFor('reason', decided);
      // Chromium prints a console line for every CORS error it reports and every frame that X-Frame-Options or
      // frame-ancestors refuses (BlockedReason `other`); wait for it the same way. A frame refused by COEP or CORP
      // prints none (measured, Chromium 156).
      const frameRefused = this.#failure?.errorText === FRAME_REFUSED && this.#failure.blockedReason === 'other';
      if ((this.#failure ?? this.#issue)?.corsError || frameRefused) {
        await this.#waitFor('console', () => this.#console !== null);
      }
    }
    return this.#verdictNow(blocked);
  }

  /** The verdict from the events that came so far. */
  #verdictNow(blocked: boolean): EngineVerdict {
    const failure = blocked ? (this.#failure ?? this.#issue) : null;
    return {
      reason: failure ? reasonFromChromium(failure) : null,
      failedParameter: failure?.failedParameter || null,
      console: this.#console,
    };
  }

  /** The main request's record and the preflights it caused (or sent to a URL holding the marker). */
  #step(): { actual: Collected | null; preflights: Collected[] } {
    const collected = this.#collected ?? new Map<string, Collected>();
    const main = this.#mainId;
    const actual = main === null ? null : (collected.get(main) ?? null);
    const preflights = [...collected.entries()]
      .filter(([id, found]) => id !== main && found.sent.length > 0)
      .filter(([, found]) => found.preflightOf === main || found.sent.some((s) => s.url.includes(this.#marker ?? '')))
      .map(([, found]) => found);
    return { actual, preflights };
  }

  /** The actual request's hops, each with the preflight sent to its URL (if any). */
  #hops(actual: Collected | null, preflights: Collected[]): WireHop[] {
    const used = new Set<Collected>();
    return (actual?.sent ?? []).map((sent, index) => {
      const preflight = preflights.find((p) => !used.has(p) && p.sent[0]?.url === sent.url) ?? null;
      if (preflight) used.add(preflight);
      const response = actual?.responses[index] ?? null;
      const cookies = actual?.cookies[index] ?? [];
      const requestHeaders = actual?.requestHeaders[index] ?? {};
      return { ...sent, requestHeaders, response, preflight: preflight ? exchangeOf(preflight) : null, cookies };
    });
  }

  /**
   * Waits until the actual request has an answer or an error; extra-info events may trail the page's promise, and
   * may come after Network.loadingFailed. `answered` names the answers Chromium's verdict says came back (a CORS
   * check of a response needs one): the watch waits for those events, so what it reports does not depend on which
   * event the browser sent first or how busy the machine is. A step whose verdict proves no answer waits for the end
   * of what it sent (its error or its answer), and not at all when it sent nothing (the verdict's own events, taken
   * first, would have named a request). Only a lost event reaches the bound, and the wire is then unreported.
   */
  async #wire(answered: Answered): Promise<Wire> {
    const picked = (): { actual: WireExchange | null; preflight: WireExchange | null } => {
      const { actual, preflights } = this.#step();
      const last = preflights.at(-1);
      return { actual: actual ? exchangeOf(actual) : null, preflight: last ? exchangeOf(last) : null };
    };
    const settled = (): boolean => {
      const { actual, preflight } = picked();
      if (answered.actual && !actual?.response) return false;
      if (answered.preflight && !preflight?.response) return false;
      if (actual) return actual.response !== null || actual.errorText !== null;
      return preflight !== null && (preflight.response !== null || preflight.errorText !== null);
    };
    const nothingSent = (): boolean => {
      const { actual, preflight } = picked();
      return !answered.preflight && !answered.actual && actual === null && preflight === null;
    };
    await this.#waitFor('wire', () => settled() || nothingSent());
    return this.#wireNow();
  }

  /** The wire view from the events that came so far. */
  #wireNow(): Wire {
    const { actual, preflights } = this.#step();
    const last = preflights.at(-1);
    const picked = { actual: actual ? exchangeOf(actual) : null, preflight: last ? exchangeOf(last) : null };
    return { ...picked, hops: this.#hops(actual, preflights) };
  }
}
