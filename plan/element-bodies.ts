/**
 * Format 1.2: what a planned `actual` answer holds when the plan gives no body, for the element loads
 * (img, script, stylesheet), told by the request's `Sec-Fetch-Dest` (a forbidden header: the browser sets
 * it, no page can). The servers answer with these and the model asks with the same header (predict.ts), so
 * both give the same bytes. https://w3c.github.io/webappsec-fetch-metadata/#sec-fetch-dest-header
 */
import type { HeaderLines } from '../experiments/headers.ts';

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
};

/** The destination's default body, or null for any other request (fetch, XHR, navigations). */
export function elementBody(destination: string | undefined): ElementBody | null {
  return destination === undefined ? null : (ELEMENT_BODIES[destination] ?? null);
}

/** The default body's Content-Type goes with it unless the plan names one. */
export function withContentType(lines: HeaderLines, contentType: string): HeaderLines {
  return lines.some(([name]) => name.toLowerCase() === 'content-type') ? lines : [...lines, ['Content-Type', contentType]];
}
