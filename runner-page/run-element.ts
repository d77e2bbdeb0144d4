/**
 * Format 1.2: loads one element (img, script, stylesheet) the way a page embeds another origin's
 * resource, and reports what page JavaScript can tell about it: whether its load event fired, and what the
 * same-origin policy still keeps from the page once it did: the image's pixels (a tainted canvas), the
 * script's error (muted to "Script error."), the stylesheet's rules.
 * https://html.spec.whatwg.org/multipage/urls-and-fetching.html#cors-settings-attributes
 */
import type { EmbeddingFacts } from '../format/embedding.ts';
import type { PageSeen, StepRequest } from './step.ts';

/** The page itself: isolated (COOP and COEP), and so given SharedArrayBuffer. */
export function pageFacts(): Pick<EmbeddingFacts, 'crossOriginIsolated' | 'sharedArrayBuffer'> {
  return { crossOriginIsolated: self.crossOriginIsolated, sharedArrayBuffer: typeof SharedArrayBuffer === 'function' };
}

type Loadable = HTMLImageElement | HTMLScriptElement | HTMLLinkElement;

function createElement(step: StepRequest): Loadable {
  if (step.api === 'img') return new Image();
  if (step.api === 'script') return document.createElement('script');
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  return link;
}

/**
 * The canvas's origin-clean flag: drawing an image the page may not read taints the canvas, and
 * getImageData then throws a SecurityError. https://html.spec.whatwg.org/multipage/canvas.html#concept-canvas-origin-clean
 */
function canvasTainted(image: HTMLImageElement): boolean {
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas context');
  context.drawImage(image, 0, 0);
  try {
    context.getImageData(0, 0, 1, 1);
    return false;
  } catch {
    return true;
  }
}

/** `sheet.cssRules` throws a SecurityError for a stylesheet the page may not read. https://drafts.csswg.org/cssom/#dom-cssstylesheet-cssrules */
function cssRulesReadable(link: HTMLLinkElement): boolean {
  try {
    return link.sheet?.cssRules !== undefined;
  } catch {
    return false;
  }
}

/**
 * The error event of a script that threw while it ran: "Script error." alone when the script is not
 * CORS-same-origin with the page. https://html.spec.whatwg.org/multipage/webappapis.html#muted-errors
 * The lab's default script throws as it runs, so its error event comes before the load event.
 */
function watchScriptErrors(): { stop: () => string | null } {
  let message: string | null = null;
  const listener = (event: ErrorEvent): void => {
    message = event.message;
    // Handled here: the thrown error is the experiment's, not the runner page's.
    event.preventDefault();
  };
  window.addEventListener('error', listener);
  return {
    stop: () => {
      window.removeEventListener('error', listener);
      return message;
    },
  };
}

export async function runElement(step: StepRequest): Promise<PageSeen> {
  const element = createElement(step);
  // The attribute decides the request's mode and credentials; absent it is the "No CORS" state.
  if (step.crossorigin !== undefined) element.crossOrigin = step.crossorigin;
  const errors = step.api === 'script' ? watchScriptErrors() : null;
  const loaded = await new Promise<boolean>((resolve) => {
    element.addEventListener('load', () => resolve(true), { once: true });
    element.addEventListener('error', () => resolve(false), { once: true });
    if (element instanceof HTMLLinkElement) element.href = step.url;
    else element.src = step.url;
    // An image loads without being in the document; a script or a stylesheet must be inserted.
    if (!(element instanceof HTMLImageElement)) document.head.append(element);
  });
  const message = errors?.stop() ?? null;
  const embedding: EmbeddingFacts = {
    loaded,
    canvasTainted: loaded && element instanceof HTMLImageElement ? canvasTainted(element) : null,
    scriptErrorMuted: loaded && step.api === 'script' && message !== null ? message === 'Script error.' : null,
    cssRulesReadable: loaded && element instanceof HTMLLinkElement ? cssRulesReadable(element) : null,
    framed: null, domReadable: null, delivered: null, openerKept: null, opened: null,
    ...pageFacts(),
  };
  // After the facts: a removed stylesheet has no sheet left to read.
  element.remove();
  return {
    outcome: loaded ? 'allowed' : 'blocked',
    status: null,
    responseType: null,
    readableHeaders: {},
    body: null,
    error: loaded ? null : `${step.api}: error event`,
    pageOrigin: self.origin,
    embedding,
  };
}
