/**
 * What went over the wire for one probed request, from the DevTools Protocol:
 * the preflight Chromium sent and the answer it got, the actual request's
 * Origin and Cookie, the actual answer's status and raw header lines, and the
 * address space Chromium put the server in. Playwright's own events never
 * show the preflight (browser-facts), CDP does.
 *
 * Redirects: the main request keeps one request id across every hop of a
 * redirect chain; each hop is a new `Network.requestWillBeSent` (carrying the
 * previous hop's answer as `redirectResponse`) and, for each hop, one
 * `requestWillBeSentExtraInfo` (the headers as sent, Origin among them) and one
 * `responseReceivedExtraInfo` (the raw answer). CDP does not order extra-info
 * events against the main ones, so the n-th event of each kind belongs to hop n.
 * Every preflight (a cross-origin redirect of a preflighted request gets a new
 * one) has an id of its own and is matched to the first hop with its URL.
 * Not handled: a redirect Chromium makes itself (an HSTS upgrade, "307 Internal
 * Redirect") sends no extra-info events, so the hops after it would be paired
 * with the wrong answers; loopback APIs and the tests' servers never get one.
 * https://chromedevtools.github.io/devtools-protocol/tot/Network/#event-responseReceivedExtraInfo
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import type { HeaderLines } from '../experiments/headers.ts';

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

interface Collected {
  kind: 'preflight' | 'actual' | null;
  url: string;
  /** Per hop, in the order Chromium sent them (a preflight has one hop). */
  sent: Array<{ method: string; url: string }>;
  requestHeaders: Array<Record<string, string>>;
  cookies: HopCookie[][];
  responses: WireResponse[];
  errorText: string | null;
}

/** The last hop's request headers and answer, and the error. */
const exchangeOf = (found: Collected): WireExchange => ({
  requestHeaders: found.requestHeaders.at(-1) ?? {},
  response: lastResponse(found),
  errorText: found.errorText,
});

/** The answer to the last hop sent, once it is in. */
const lastResponse = (found: Collected): WireResponse | null =>
  found.sent.length > 0 ? (found.responses[found.sent.length - 1] ?? null) : (found.responses.at(-1) ?? null);

/** "HTTP/1.1 204 No Content\r\nA: b\r\n\r\n" to lines, names and values as sent (one space after the colon dropped). */
export function parseHeadersText(text: string): HeaderLines {
  const lines: HeaderLines = [];
  for (const line of text.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) lines.push([line.slice(0, colon), line.slice(colon + 1).replace(/^ /, '')]);
  }
  return lines;
}

/** Which answers Chromium's verdict says the server sent. */
export interface Answered {
  preflight: boolean;
  actual: boolean;
}

/** The bound on waiting for an answer that Chromium's verdict says came: only a lost event reaches it. */
const ANSWER_DEADLINE_MS = 10_000;

export class NetworkWatch {
  readonly #requests = new Map<string, Collected>();
  #target: string | null = null;
  #wake: (() => void) | null = null;

  private constructor() {}

  /**
   * `keepCaches`: leave the preflight cache and HTTP cache on (for requests that follow one another). `target`: the
   * frame whose requests to watch when it runs in a process of its own (an out-of-process iframe has its own session).
   */
  static async attach(page: Page, keepCaches = false, target: Page | Frame = page): Promise<NetworkWatch> {
    const watch = new NetworkWatch();
    const cdp: CDPSession = await page.context().newCDPSession(target);
    const entry = (id: string): Collected => {
      let found = watch.#requests.get(id);
      if (!found) {
        found = { kind: null, url: '', sent: [], requestHeaders: [], cookies: [], responses: [], errorText: null };
        watch.#requests.set(id, found);
      }
      return found;
    };
    cdp.on('Network.requestWillBeSent', (event) => {
      if (!watch.#target) return;
      const preflight = event.type === 'Preflight' || event.initiator.type === 'preflight';
      const known = watch.#requests.get(event.requestId);
      // A redirect keeps the main request's id: it stays the actual request.
      if (!preflight && !known?.kind && event.request.url !== watch.#target) return;
      const found = entry(event.requestId);
      found.kind ??= preflight ? 'preflight' : 'actual';
      found.url = event.request.url;
      found.sent.push({ method: event.request.method, url: event.request.url });
    });
    cdp.on('Network.requestWillBeSentExtraInfo', (event) => {
      if (!watch.#target) return;
      const found = entry(event.requestId);
      found.requestHeaders.push(event.headers as Record<string, string>);
      const cookies = event.associatedCookies.map(({ cookie, blockedReasons }) => ({ name: cookie.name, blockedReasons }));
      found.cookies.push(cookies);
    });
    cdp.on('Network.responseReceivedExtraInfo', (event) => {
      if (!watch.#target) return;
      entry(event.requestId).responses.push({
        status: event.statusCode,
        headers: event.headersText ? parseHeadersText(event.headersText) : Object.entries(event.headers as Record<string, string>),
        addressSpace: event.resourceIPAddressSpace ?? null,
      });
      watch.#wake?.();
    });
    cdp.on('Network.loadingFailed', (event) => {
      if (!watch.#target) return;
      entry(event.requestId).errorText = event.errorText;
      watch.#wake?.();
    });
    cdp.on('Network.loadingFinished', () => watch.#wake?.());
    await cdp.send('Network.enable');
    // Every probe starts with an empty preflight cache and HTTP cache (a fresh context); one request bypasses both.
    if (!keepCaches) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    return watch;
  }

  begin(url: string): void {
    this.#target = url;
    this.#requests.clear();
  }

  #pick(kind: 'preflight' | 'actual'): WireExchange | null {
    const found = [...this.#requests.values()].filter((r) => r.kind === kind).at(-1);
    if (!found) return null;
    return exchangeOf(found);
  }

  /** The actual request's hops, each with the preflight sent to its URL (if any). */
  #hops(): WireHop[] {
    const collected = [...this.#requests.values()];
    const actual = collected.filter((r) => r.kind === 'actual').at(-1);
    const preflights = collected.filter((r) => r.kind === 'preflight');
    const used = new Set<Collected>();
    return (actual?.sent ?? []).map((sent, index) => {
      const preflight = preflights.find((p) => !used.has(p) && p.url === sent.url) ?? null;
      if (preflight) used.add(preflight);
      const exchange = preflight ? exchangeOf(preflight) : null;
      const response = actual?.responses[index] ?? null;
      const cookies = actual?.cookies[index] ?? [];
      return { ...sent, requestHeaders: actual?.requestHeaders[index] ?? {}, response, preflight: exchange, cookies };
    });
  }

  /**
   * Waits (bounded) until the actual request has an answer or an error; extra-info events may trail the page's
   * promise, and may come after Network.loadingFailed. `answered` names the answers Chromium's verdict says came
   * back (a CORS check of a response needs one): the watch waits for those events, so what it reports does not
   * depend on which event the browser sent first or how busy the machine is; `timeoutMs` only bounds a lost event.
   */
  async wire(answered: Answered = { preflight: false, actual: false }, timeoutMs = 500): Promise<Wire> {
    const deadline = Date.now() + (answered.preflight || answered.actual ? ANSWER_DEADLINE_MS : timeoutMs);
    const settled = (): boolean => {
      const actual = this.#pick('actual');
      const preflight = this.#pick('preflight');
      if (answered.actual && !actual?.response) return false;
      if (answered.preflight && !preflight?.response) return false;
      if (actual) return actual.response !== null || actual.errorText !== null;
      return preflight !== null && (preflight.response !== null || preflight.errorText !== null);
    };
    while (!settled() && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
      });
      clearTimeout(timer);
      this.#wake = null;
    }
    const wire = { preflight: this.#pick('preflight'), actual: this.#pick('actual'), hops: this.#hops() };
    this.#target = null;
    return wire;
  }
}
