/**
 * Format 1.2, frames: frames the target (`iframe`), and posts a message to it (`postMessage`, to a frame or, via
 * `window-open`, to a popup), the way a page embeds another origin's page, and reports what page JavaScript can
 * tell: whether the frame rendered the target page, whether the page may read its document, whether the target
 * took the message. Nothing here waits on a clock: the frame's load event and the target's reply decide.
 * https://html.spec.whatwg.org/multipage/iframe-embed-object.html#the-iframe-element
 * https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage
 */
import { NO_EMBEDDING_FACTS } from '../format/embedding.ts';
import { FRAME_MESSAGE } from '../format/frames.ts';
import { OPENED, REPORT, REPORT_REQUEST, type TargetReport } from '../plan/target-page.ts';
import { pageFacts } from './run-element.ts';
import { engineRefusal } from './engine-ends.ts';
import type { PageSeen, StepRequest } from './step.ts';

/**
 * Whether the page may read the document the frame navigated to: same-origin only. A cross-origin frame's
 * `contentDocument` is null, and so is a refused frame's error page (its origin is opaque). The frame's initial
 * `about:blank` is not that document: the page made it, and a refused navigation may leave it in place (WebKitGTK
 * 2.50 keeps it in a frame its page's CSP refused; every engine holds it until a refused navigation ends), so
 * reading it says nothing of the target, and when it is read must not decide the answer (as runPopup's rule).
 * https://html.spec.whatwg.org/multipage/iframe-embed-object.html#dom-iframe-contentdocument
 */
function domReadable(frame: HTMLIFrameElement): boolean {
  try {
    const document = frame.contentDocument;
    return document !== null && document.URL !== 'about:blank';
  } catch {
    return false;
  }
}

/** The frame-src family: the effective directive a frame's refusal reports (child-src in older engines). */
const FRAME_DIRECTIVES: readonly string[] = ['frame-src', 'child-src'];

/**
 * Resolves with the browser's words once the page's CSP refused to frame `url` (absolute): an enforced frame-src
 * violation naming the URL or its origin. Firefox 153 fires no `load` for such a frame; this event says it.
 * https://w3c.github.io/webappsec-csp/#directive-frame-src
 */
function cspRefusal(url: string, signal: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const { origin } = new URL(url);
    const refused = (event: SecurityPolicyViolationEvent): void => {
      if (!FRAME_DIRECTIVES.includes(event.effectiveDirective) || event.disposition !== 'enforce') return;
      if (![url, origin, `${origin}/`].includes(event.blockedURI)) return;
      resolve(`iframe: the page's Content-Security-Policy (${event.originalPolicy}) refused to frame ${url}`);
    };
    document.addEventListener('securitypolicyviolation', refused);
    signal.addEventListener('abort', () => document.removeEventListener('securitypolicyviolation', refused), {
      once: true,
    });
  });
}

const isReport = (data: unknown): data is TargetReport =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === REPORT && Array.isArray((data as { taken?: unknown }).taken);

/**
 * Posts the experiment's message, then a report request with "*": messages from one window to another
 * arrive in order, so the report tells whether the first message arrived before it, and whether the target
 * took it (plan/target-page.ts). A targetOrigin the browser cannot parse throws a SyntaxError: not delivered.
 */
function post(target: Window, targetOrigin: string): Promise<{ delivered: boolean; error: string | null }> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent): void => {
      if (event.source !== target || !isReport(event.data)) return;
      window.removeEventListener('message', listener);
      resolve({ delivered: event.data.taken[0] === true, error: null });
    };
    window.addEventListener('message', listener);
    try {
      target.postMessage(FRAME_MESSAGE, targetOrigin);
    } catch (error) {
      window.removeEventListener('message', listener);
      resolve({ delivered: false, error: String(error) });
      return;
    }
    target.postMessage({ type: REPORT_REQUEST }, '*');
  });
}

/**
 * A refused frame stays in the page until the next step starts (removeRefusedFrame). Chromium 156 writes its line
 * for a refused frame ("Refused to display ...", "Framing ... violates ...") to the document that commits in the
 * frame, its error page (NavigationRequest::AddDeferredConsoleMessage), and a cross-site frame's error page runs in
 * a process of its own: removed at once, that process and its stored line were gone before a busy machine's
 * DevTools session could ask for them (measured: 7 of 96 refused frames under load lost their line). Kept, the
 * session reads the line whenever it attaches. The next step removes it first (runStep), so no step sees it; the
 * last one stays until the tab's next step or its end.
 */
let refusedFrame: HTMLIFrameElement | null = null;

/** Removes the previous step's refused frame (see refusedFrame). */
export function removeRefusedFrame(): void {
  refusedFrame?.remove();
  refusedFrame = null;
}

export async function runFrame(step: StepRequest): Promise<PageSeen> {
  const frame = document.createElement('iframe');
  frame.title = 'cors-lab target';
  const url = new URL(step.url, location.href).href;
  const stop = new AbortController();
  // The frame's load ends the step; so does a refusal that fires no load in some engines: the page's CSP (its
  // violation event), or the engine's own event for the URL, passed on by the driver (engine-ends.ts).
  const loaded = new Promise<null>((resolve) => frame.addEventListener('load', () => resolve(null), { once: true }));
  const ended = Promise.race([loaded, cspRefusal(url, stop.signal), engineRefusal(url, stop.signal)]);
  frame.src = step.url;
  document.body.append(frame);
  const refusal = await ended;
  stop.abort();
  // The lab's target page holds one child frame, the error page of a refused frame none; the load event
  // waits for the child, so this tells the two apart without waiting any longer.
  const framed = refusal === null && (frame.contentWindow?.length ?? 0) > 0;
  const readable = domReadable(frame);
  const message = step.api === 'postMessage' && framed && frame.contentWindow
    ? await post(frame.contentWindow, step.targetOrigin ?? '*')
    : null;
  if (framed) frame.remove();
  else refusedFrame = frame;
  const delivered = step.api === 'postMessage' ? (message?.delivered ?? false) : null;
  const allowed = step.api === 'postMessage' ? delivered === true : framed;
  const notFramed = refusal ?? 'iframe: the frame shows an error page';
  return {
    outcome: allowed ? 'allowed' : 'blocked',
    status: null,
    responseType: null,
    readableHeaders: {},
    body: null,
    error: message?.error ?? (allowed ? null : framed ? 'postMessage: not taken' : notFramed),
    pageOrigin: self.origin,
    embedding: { ...NO_EMBEDDING_FACTS, framed, domReadable: readable, delivered, ...pageFacts() },
  };
}

/**
 * Opens the target as a popup (`window-open`, or `postMessage` via `window-open`) and waits until it tells whether
 * it kept its opener: the target page, once it runs, tells an opener it still has; a popup that lost it (COOP)
 * leaves the page a closed window handle; with `noopener` the page gets no handle at all. Either event decides,
 * not a clock; the watch on `closed` only asks.
 * https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-open
 */
async function openPopup(step: StepRequest): Promise<{ popup: Window | null; kept: boolean; readable: boolean }> {
  const popup = window.open(step.url, '_blank', step.noopener ? 'noopener' : '');
  if (!popup) return { popup: null, kept: false, readable: false };
  const kept = await new Promise<boolean>((resolve) => {
    const done = (value: boolean): void => {
      window.removeEventListener('message', listener);
      clearInterval(watch);
      resolve(value);
    };
    const listener = (event: MessageEvent): void => {
      if (event.source === popup && (event.data as { type?: unknown } | null)?.type === OPENED) done(true);
    };
    window.addEventListener('message', listener);
    const watch = setInterval(() => popup.closed && done(false), POPUP_CLOSED_POLL_MS);
  });
  let readable = false;
  try {
    readable = kept && popup.document.URL !== 'about:blank';
  } catch {
    readable = false;
  }
  return { popup, kept, readable };
}

/** A null handle without `noopener` is the browser's popup blocker: the step says so. */
const POPUP_BLOCKED = 'window.open returned null: the browser blocked the popup (its popup blocker)';

/** `window-open`: whether the popup kept its opener, and whether the page may read its document. */
export async function runPopup(step: StepRequest): Promise<PageSeen> {
  const { popup, kept, readable } = await openPopup(step);
  const base = { status: null, responseType: null, readableHeaders: {}, body: null, pageOrigin: self.origin } as const;
  const embedding = { ...NO_EMBEDDING_FACTS, openerKept: kept, domReadable: readable, ...pageFacts() };
  popup?.close();
  const error = popup || step.noopener ? null : POPUP_BLOCKED;
  return { ...base, outcome: 'opaque', error, embedding };
}

/**
 * `postMessage` via `window-open`: opens the popup as `runPopup` does, waits for the target page's "I run"
 * message, then posts as to a frame (the message, then the report request). Without a live handle (`noopener`,
 * or an opener COOP severed: the handle reports `closed`) the page cannot reach the popup: not delivered, and
 * the browser reports nothing (no reason).
 * https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage
 */
export async function runPopupMessage(step: StepRequest): Promise<PageSeen> {
  const { popup, kept, readable } = await openPopup(step);
  const message = popup && kept ? await post(popup, step.targetOrigin ?? '*') : null;
  popup?.close();
  const delivered = message?.delivered ?? false;
  const error = message?.error ?? (delivered ? null
    : !popup ? (step.noopener ? 'postMessage: window.open with noopener returns no handle to post to' : POPUP_BLOCKED)
    : !kept ? 'postMessage: the popup lost its opener (COOP): the handle is closed' : 'postMessage: not taken');
  return {
    outcome: delivered ? 'allowed' : 'blocked',
    status: null,
    responseType: null,
    readableHeaders: {},
    body: null,
    error,
    pageOrigin: self.origin,
    embedding: { ...NO_EMBEDDING_FACTS, openerKept: kept, domReadable: readable, delivered, ...pageFacts() },
  };
}

/** How often the page looks at a popup handle's `closed` (there is no event for it). */
const POPUP_CLOSED_POLL_MS = 25;
