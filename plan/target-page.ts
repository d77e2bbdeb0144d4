/**
 * Format 1.2, frames: the page a framed (or opened) target shows when the plan gives no body, the lab's own.
 * Its behaviour is data (`server.actual.page`, format/frames.ts), never planned script: the script is
 * this file's, fixed; the plan only fills in whom it takes messages from, as escaped JSON in an attribute.
 *
 * What the page does:
 * - It holds one child frame (no `src`, so no request): the page that framed it reads `frames.length` after
 *   the frame's load event to tell this page from the error page a refused frame shows (which has none).
 *   The load event waits for the child, so the answer does not depend on timing.
 * - It takes messages as a receiver checking `event.origin` does (or one that never checks: "*"), and
 *   answers a report request with, per message received before it, whether it took it. Messages from one
 *   window to another arrive in the order they were posted, so a report request posted after the
 *   experiment's message tells, without waiting, whether that message arrived.
 *   https://html.spec.whatwg.org/multipage/web-messaging.html#posting-messages
 * - Opened as a popup (`window-open`), it tells its opener it runs, if it still has one; without one
 *   (`noopener`, COOP) nobody holds it, so it closes itself (a window opened by script may).
 *   https://html.spec.whatwg.org/multipage/nav-history-apis.html#script-closable
 */
import type { TargetPageBehaviour } from '../format/frames.ts';
import type { PageOrigin } from '../format/schema.ts';
import type { OriginMap } from './origins.ts';
import { serializedPageOrigin } from './page-origin.ts';
import { isOriginName } from './origins.ts';

/** The message a runner page posts after the experiment's own, and the target's reply to it. */
export const REPORT_REQUEST = 'cors-lab:report-request';
export const REPORT = 'cors-lab:report';
/** What a popup that still has its opener tells it once it runs. */
export const OPENED = 'cors-lab:opened';

/** The reply to a report request: per message the target received before it, whether it took it. */
export interface TargetReport {
  type: typeof REPORT;
  taken: boolean[];
}

/** Destinations of a navigation: a frame (`iframe`) or a top-level window (`document`, a popup). */
const NAVIGATIONS = ['iframe', 'document'];

export function isNavigation(destination: string | undefined): boolean {
  return destination !== undefined && NAVIGATIONS.includes(destination);
}

/**
 * The lab's target page may run its own script, so it is not sandboxed like a planned body; its policy allows
 * only inline script (the page holds no markup from the plan) and nothing else to load.
 */
export const TARGET_PAGE_CSP: readonly [name: string, value: string] = [
  'Content-Security-Policy',
  "default-src 'none'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
];

/** `{page}` and `{origin:NAME}` to the origins they name; anything else as written. */
export function expandOriginToken(value: string, page: PageOrigin, origins: OriginMap | undefined): string {
  if (!origins) return value;
  if (value === '{page}') return serializedPageOrigin(page, origins);
  const name = /^\{origin:([^}]*)\}$/.exec(value)?.[1];
  return name !== undefined && isOriginName(name) ? origins[name] : value;
}

/** postMessage's targetOrigin with its token expanded ("*" and "/" stay). */
export function expandTargetOrigin(value: string, page: PageOrigin, origins: OriginMap | undefined): string {
  return expandOriginToken(value, page, origins);
}

/** The origins the page takes messages from, expanded, or "*". */
export function acceptedOrigins(behaviour: TargetPageBehaviour | undefined, page: PageOrigin, origins: OriginMap): '*' | string[] {
  const accept = behaviour?.acceptMessagesFrom ?? '*';
  return accept === '*' ? '*' : accept.map((value) => expandOriginToken(value, page, origins));
}

const escapeAttribute = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Runs in the target page; plain JavaScript, kept short. */
const TARGET_SCRIPT = `(() => {
  const accept = JSON.parse(document.documentElement.dataset.accept);
  const taken = [];
  addEventListener('message', (event) => {
    if (event.data && event.data.type === '${REPORT_REQUEST}') {
      if (event.source) event.source.postMessage({ type: '${REPORT}', taken: taken.slice() }, '*');
      return;
    }
    taken.push(accept === '*' || accept.includes(event.origin));
  });
  if (window.opener) window.opener.postMessage({ type: '${OPENED}' }, '*');
  else if (window.top === window) window.close();
})();`;

export function targetPage(accept: '*' | string[]): string {
  return '<!doctype html><html lang="en" data-accept="' + escapeAttribute(JSON.stringify(accept)) + '"><head>' +
    '<meta charset="utf-8"><link rel="icon" href="data:,"><title>cors-lab target page</title></head>' +
    '<body><p>cors-lab target page</p><iframe hidden title="cors-lab target child"></iframe>' +
    `<script>${TARGET_SCRIPT}</script></body></html>`;
}
