/**
 * Format 1.2, frames: frames the target (`iframe`), and posts a message to it (`postMessage`), the way a page
 * embeds another origin's page, and reports what page JavaScript can tell: whether the frame rendered the
 * target page, whether the page may read its document, whether the target took the message. Nothing here
 * waits on a clock: the frame's load event and the target's reply decide.
 * https://html.spec.whatwg.org/multipage/iframe-embed-object.html#the-iframe-element
 * https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage
 */
import { NO_EMBEDDING_FACTS } from '../experiments/embedding.ts';
import { FRAME_MESSAGE } from '../experiments/frames.ts';
import { REPORT, REPORT_REQUEST, type TargetReport } from '../plan/target-page.ts';
import { pageFacts } from './run-element.ts';
import type { PageSeen, StepRequest } from './step.ts';

/**
 * Whether the page may read the frame's document: same-origin only. A cross-origin frame's `contentDocument`
 * is null, and so is a refused frame's (its error page has an opaque origin).
 * https://html.spec.whatwg.org/multipage/iframe-embed-object.html#dom-iframe-contentdocument
 */
function domReadable(frame: HTMLIFrameElement): boolean {
  try {
    return frame.contentDocument !== null;
  } catch {
    return false;
  }
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

export async function runFrame(step: StepRequest): Promise<PageSeen> {
  const frame = document.createElement('iframe');
  frame.title = 'cors-lab target';
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.src = step.url;
  document.body.append(frame);
  await loaded;
  // The lab's target page holds one child frame, the error page of a refused frame none; the load event
  // waits for the child, so this tells the two apart without waiting any longer.
  const framed = (frame.contentWindow?.length ?? 0) > 0;
  const readable = domReadable(frame);
  const message = step.api === 'postMessage' && framed && frame.contentWindow
    ? await post(frame.contentWindow, step.targetOrigin ?? '*')
    : null;
  frame.remove();
  const delivered = step.api === 'postMessage' ? (message?.delivered ?? false) : null;
  const allowed = step.api === 'postMessage' ? delivered === true : framed;
  return {
    outcome: allowed ? 'allowed' : 'blocked',
    status: null,
    responseType: null,
    readableHeaders: {},
    body: null,
    error: message?.error ?? (allowed ? null : framed ? 'postMessage: not taken' : 'iframe: the frame shows an error page'),
    pageOrigin: self.origin,
    embedding: { ...NO_EMBEDDING_FACTS, framed, domReadable: readable, delivered, ...pageFacts() },
  };
}
