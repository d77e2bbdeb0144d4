/**
 * Response headers whose effect outlives the response: they set or clear
 * browser state (cookies, storage, caches, connection policy) or act on a
 * document the browser opened. Any web page can make the browser request a
 * planned URL it builds itself (a link, a frame, a popup, a form, an image),
 * so a plan's line of this kind is sent only where it is harmless:
 *
 *   - `never`: not sent at all; the journal shows it as planned but withheld.
 *   - `run`: sent only to the lab's own fetch() or XMLHttpRequest of the run
 *     the URL names (run-ids.ts decides; fetch-destination.ts reads the
 *     Sec-Fetch headers); withheld from every other request.
 *
 * Set-Cookie is also held to the run's path, size and lifetime (cookie-scope.ts).
 * Pure and browser-safe: the model predicts with the same rules (answer.ts).
 */
import type { HeaderLines } from '../format/headers.ts';
import { scopeCookie } from './cookie-scope.ts';

type Rule = 'never' | 'run';

/** Lower-case names, each with its rule and why (linked). Everything else a plan sends goes out as planned. */
export const LASTING_HEADERS: ReadonlyMap<string, { rule: Rule; why: string }> = new Map([
  // Clears cookies of the whole site (`localhost`: every port) and the origin's storage, e.g. lesson progress.
  // No run needs it to show CORS, and no scope makes it harmless. https://w3c.github.io/webappsec-clear-site-data/
  ['clear-site-data', { rule: 'never', why: 'it would clear cookies of every localhost port and the lab\'s storage' }],
  // Ignored over http (RFC 6797 8.1), but on a future https origin it would pin every localhost port to https.
  ['strict-transport-security', { rule: 'never', why: 'HSTS for localhost would force https on every port' }],
  // Persisted per origin for up to max_age; Chromium honours it only on secure transports.
  // https://www.rfc-editor.org/rfc/rfc7838
  ['alt-svc', { rule: 'never', why: 'it would redirect later connections to this origin' }],
  // Network Error Logging policies persist per origin and report on every later request.
  // https://w3c.github.io/network-error-logging/
  ['nel', { rule: 'never', why: 'a Network Error Logging policy persists and reports later requests' }],
  ['report-to', { rule: 'never', why: 'it stores reporting endpoints that outlive the response' }],
  // The cookie jar: scoped by cookie-scope.ts, and only for the run's own fetch.
  ['set-cookie', { rule: 'run', why: 'cookies outlive the response' }],
  // Navigates the document after a delay; fetch ignores it.
  // https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-refresh-header
  ['refresh', { rule: 'run', why: 'it acts on a document the browser opened' }],
  // Preload, prefetch and preconnect from a document response fill the HTTP cache.
  // https://html.spec.whatwg.org/multipage/semantics.html#processing-link-headers
  ['link', { rule: 'run', why: 'preloads and prefetches fill the cache' }],
  // Lets a service worker control more of the origin. https://w3c.github.io/ServiceWorker/#service-worker-allowed
  ['service-worker-allowed', { rule: 'run', why: 'it widens a service worker\'s scope' }],
  // Chromium persists the origin's client hint preference from a navigation. https://www.rfc-editor.org/rfc/rfc8942
  ['accept-ch', { rule: 'run', why: 'the client hint preference persists for the origin' }],
  ['critical-ch', { rule: 'run', why: 'it makes the browser retry the navigation with client hints' }],
  // Where a document's reports go. https://w3c.github.io/reporting/#header
  ['reporting-endpoints', { rule: 'run', why: 'it sends a document\'s reports elsewhere' }],
  // Rules that prefetch and prerender other URLs. https://wicg.github.io/nav-speculation/speculation-rules.html
  ['speculation-rules', { rule: 'run', why: 'it prefetches other URLs' }],
  // FedCM login status persists per origin. https://w3c-fedid.github.io/login-status/
  ['set-login', { rule: 'run', why: 'the login status persists for the origin' }],
  // Persistent storage written from a response. https://wicg.github.io/shared-storage/
  ['shared-storage-write', { rule: 'run', why: 'it writes the origin\'s shared storage' }],
  ['attribution-reporting-register-source', { rule: 'run', why: 'it stores attribution data' }],
  ['attribution-reporting-register-trigger', { rule: 'run', why: 'it stores attribution data' }],
  // Not listed, on purpose: Origin-Agent-Cluster (keyed per browsing context group, gone with it),
  // Cache-Control (the cache entry is the planned URL's own, unique to the run), CSP and other
  // document policies (they end with the document, and every planned reply is sandboxed anyway).
]);

/** A planned line the lab changed or did not send, for the journal. */
export interface WithheldLine {
  name: string;
  /** The line as planned, tokens expanded. */
  planned: string;
  /** The line as sent; null when it was not sent. */
  sent: string | null;
  why: string;
}

export interface LimitedLines {
  lines: HeaderLines;
  withheld: WithheldLine[];
}

/**
 * The lines to send. `notRunFetch` says why the request is not the run's own
 * fetch/XHR (null when it is); `now` tells a past cookie Expires from a future one.
 */
export function limitLastingHeaders(
  lines: HeaderLines,
  run: string,
  notRunFetch: string | null,
  now: number,
): LimitedLines {
  const out: HeaderLines = [];
  const withheld: WithheldLine[] = [];
  for (const [name, value] of lines) {
    const lasting = LASTING_HEADERS.get(name.toLowerCase());
    if (!lasting) {
      out.push([name, value]);
    } else if (lasting.rule === 'never') {
      withheld.push({ name, planned: value, sent: null, why: `never sent: ${lasting.why}` });
    } else if (notRunFetch !== null) {
      withheld.push({ name, planned: value, sent: null, why: `not sent: ${lasting.why}, and ${notRunFetch}` });
    } else if (name.toLowerCase() === 'set-cookie') {
      const scoped = scopeCookie(value, run, now);
      out.push([name, scoped.line]);
      const why = scoped.changes.join(' · ');
      if (why) withheld.push({ name, planned: value, sent: scoped.line, why });
    } else out.push([name, value]);
  }
  return { lines: out, withheld };
}
