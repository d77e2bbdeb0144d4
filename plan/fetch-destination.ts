/**
 * Whether a request is a page's fetch() or XMLHttpRequest, as the lab's runs
 * make, rather than a navigation (top level, frame, popup, form) or a
 * subresource (image, script, style): read from the Fetch Metadata headers
 * the browser sets and pages cannot (forbidden `Sec-` names).
 * https://w3c.github.io/webappsec-fetch-metadata/
 * https://fetch.spec.whatwg.org/#concept-request-destination (fetch and XHR: the empty string)
 *
 * Browsers send no `Sec-Fetch-*` to an origin that is not potentially
 * trustworthy (class mode on a network address, `*.test`): then only the
 * navigation signals below are left, and the run id's proof (run-ids.ts)
 * carries the decision alone.
 */

/** The modes of fetch() and XHR; a navigation is `navigate`, a WebSocket `websocket`. */
const RUN_MODES: readonly string[] = ['cors', 'no-cors', 'same-origin'];

/** Why the request is not a fetch()/XHR by its headers, or null. Lower-case header names. */
export function notFetchOrXhr(headers: Readonly<Record<string, string | undefined>>): string | null {
  const mode = headers['sec-fetch-mode'];
  const dest = headers['sec-fetch-dest'];
  const notRun = 'not fetch() or XMLHttpRequest';
  if (mode !== undefined && !RUN_MODES.includes(mode)) return `the request is Sec-Fetch-Mode: ${mode}, ${notRun}`;
  if (dest !== undefined && dest !== 'empty') return `the request is Sec-Fetch-Dest: ${dest}, ${notRun}`;
  // Sent only on navigations a user started. https://w3c.github.io/webappsec-fetch-metadata/#sec-fetch-user-header
  if (headers['sec-fetch-user'] !== undefined) return 'the request is a navigation (Sec-Fetch-User)';
  // Browsers send it on navigations only, secure context or not.
  // https://w3c.github.io/webappsec-upgrade-insecure-requests/#preference
  const upgrade = headers['upgrade-insecure-requests'];
  if (upgrade !== undefined) return 'the request is a navigation (Upgrade-Insecure-Requests)';
  return null;
}
