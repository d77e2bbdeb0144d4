/**
 * Format 1.2: what a planned `actual` answer holds when the plan gives no body, for the element loads
 * (img, script, stylesheet), told by the request's `Sec-Fetch-Dest` (a forbidden header: the browser sets
 * it, no page can). The servers answer with these and the model asks with the same header (predict.ts), so
 * both give the same bytes. https://w3c.github.io/webappsec-fetch-metadata/#sec-fetch-dest-header
 */
import type { HeaderLines } from '../format/headers.ts';
import { EVENT_STREAM } from '../format/sockets.ts';

interface ElementBody {
  contentType: string;
  /** latin1: one byte a character, as every planned body (answer.ts). */
  body: string;
}

/** A 1x1 PNG: small, and enough for a canvas to read a pixel from. */
const PNG_1X1 = atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==');

const ELEMENT_BODIES: Readonly<Record<string, ElementBody>> = {
  image: { contentType: 'image/png', body: PNG_1X1 },
  // Its message is what a page's onerror sees in full only when the script was a CORS load it may read.
  script: { contentType: 'text/javascript', body: 'throw new Error("secret");\n' },
  style: { contentType: 'text/css', body: 'body { outline: 1px solid red; }\n' },
  // Format 1.2 `eventsource`: one event, the "first event" the page waits for.
  // https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
  [EVENT_STREAM]: { contentType: EVENT_STREAM, body: 'data: cors-lab: the first event\n\n' },
};

/**
 * Where the browser sends no Sec-Fetch-Dest (fetch metadata goes only to potentially trustworthy URLs: an
 * http:// lab reached by a class name is not one), the destination its Accept header names: an image
 * request's Accept lists image types, a stylesheet's starts with text/css (Fetch, "fetch" step 1: the default
 * Accept by destination, https://fetch.spec.whatwg.org/#fetching). A script's Accept is any other request's
 * (*\/*), so a script there gets no default body.
 */
export function destinationOf(headers: Readonly<Record<string, string | undefined>>): string | undefined {
  const dest = headers['sec-fetch-dest'];
  // An EventSource's request (destination "empty", as fetch()) is told by the Accept it always sends.
  if (headers.accept === EVENT_STREAM && (dest === undefined || dest === 'empty')) return EVENT_STREAM;
  if (dest !== undefined) return dest;
  const accept = headers.accept ?? '';
  if (/^image\//.test(accept)) return 'image';
  if (/^text\/css\b/.test(accept)) return 'style';
  // A navigation asks for HTML first and, from a browser, with Upgrade-Insecure-Requests: a frame or a window.
  if (/^text\/html\b/.test(accept) && headers['upgrade-insecure-requests'] === '1') return 'document';
  return undefined;
}

/** The destination's default body, or null for any other request (fetch, XHR, navigations). */
export function elementBody(destination: string | undefined): ElementBody | null {
  return destination === undefined ? null : (ELEMENT_BODIES[destination] ?? null);
}

/** The default body's Content-Type goes with it unless the plan names one. */
export function withContentType(lines: HeaderLines, contentType: string): HeaderLines {
  return lines.some(([name]) => name.toLowerCase() === 'content-type') ? lines : [...lines, ['Content-Type', contentType]];
}
