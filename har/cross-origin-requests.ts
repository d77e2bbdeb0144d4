/**
 * The cross-origin requests of a HAR: each fetch or XMLHttpRequest whose URL is not on its page's
 * origin, with the page origin it came from (and where that was read), and its CORS preflight
 * when the HAR recorded one. https://fetch.spec.whatwg.org/#http-cors-protocol
 */
import type { Har, HarEntry, HarHeader } from './har-file.ts';

/** Where the page's origin was read: the request's own Origin header is the browser's word for it. */
export type PageOriginSource = 'Origin header' | 'page document' | 'page title' | 'Referer header';

export interface CrossOriginRequest {
  entry: HarEntry;
  pageOrigin: string;
  pageOriginFrom: PageOriginSource;
  /** The OPTIONS entry the browser sent first for it, when the HAR holds one. */
  preflight: HarEntry | null;
}

/** A request the HAR holds that `explain` leaves out, and why. */
export interface SkippedRequest {
  entry: HarEntry;
  why: string;
}

export const header = (headers: readonly HarHeader[], name: string): string | undefined =>
  headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** A CORS preflight: OPTIONS with Access-Control-Request-Method (DevTools also types it "preflight"). */
const isPreflight = (entry: HarEntry): boolean =>
  entry.resourceType === 'preflight' ||
  (entry.request.method === 'OPTIONS' && header(entry.request.headers, 'access-control-request-method') !== undefined);

/** Resource types whose cross-origin requests are CORS requests (fetch() and XHR default to mode "cors"). */
const CORS_TYPES = ['fetch', 'xhr'];

/** The page's origin, from the best evidence the entry and the HAR hold. */
function pageOriginOf(entry: HarEntry, har: Har): { origin: string; from: PageOriginSource } | null {
  // The Origin header is what the browser sent as the page's origin ("null" for an opaque page).
  const origin = header(entry.request.headers, 'origin');
  if (origin !== undefined && (origin === 'null' || originOf(origin) === origin))
    return { origin, from: 'Origin header' };
  // The document loaded in the same frame (Playwright) or the same page.
  const sameFrame = (d: HarEntry): boolean =>
    entry.frameref !== null ? d.frameref === entry.frameref : d.pageref !== null && d.pageref === entry.pageref;
  const documents = har.entries.filter((d) => d.resourceType === 'document' && d.index < entry.index && sameFrame(d));
  const document = documents.at(-1);
  const fromDocument = document ? originOf(document.request.url) : null;
  if (fromDocument) return { origin: fromDocument, from: 'page document' };
  // DevTools titles a page with its URL.
  const title = har.pages.find((p) => p.id === entry.pageref)?.title;
  const fromTitle = title ? originOf(title) : null;
  if (fromTitle) return { origin: fromTitle, from: 'page title' };
  // The default referrer policy sends at least the origin cross-origin.
  const referer = header(entry.request.headers, 'referer');
  const fromReferer = referer ? originOf(referer) : null;
  return fromReferer ? { origin: fromReferer, from: 'Referer header' } : null;
}

/** The latest unpaired preflight before the entry, for its URL and method. */
function preflightOf(entry: HarEntry, preflights: HarEntry[], used: Set<HarEntry>): HarEntry | null {
  const found = preflights
    .filter((p) => !used.has(p) && p.index < entry.index && p.request.url === entry.request.url)
    .filter((p) => header(p.request.headers, 'access-control-request-method') === entry.request.method)
    .at(-1);
  if (found) used.add(found);
  return found ?? null;
}

/** Every cross-origin CORS request of the HAR, in order, and what was left out with why. */
export function crossOriginRequests(har: Har): { requests: CrossOriginRequest[]; skipped: SkippedRequest[] } {
  const preflights = har.entries.filter(isPreflight);
  const used = new Set<HarEntry>();
  const requests: CrossOriginRequest[] = [];
  const skipped: SkippedRequest[] = [];
  for (const entry of har.entries) {
    if (isPreflight(entry)) continue;
    const target = originOf(entry.request.url);
    if (target === null) continue;
    const known = entry.resourceType === null || CORS_TYPES.includes(entry.resourceType);
    const page = pageOriginOf(entry, har);
    if (page === null) {
      if (known && entry.resourceType !== null)
        skipped.push({ entry, why: 'no page origin: no Origin or Referer header, page or document entry' });
      continue;
    }
    if (page.origin === target) continue;
    if (!known) continue;
    if (entry.resourceType === null && header(entry.request.headers, 'origin') === undefined) {
      // Without a resource type, only an Origin header says the browser made a CORS request of it.
      skipped.push({ entry, why: 'no resource type and no Origin header: not known to be a CORS request' });
      continue;
    }
    requests.push({
      entry,
      pageOrigin: page.origin,
      pageOriginFrom: page.from,
      preflight: preflightOf(entry, preflights, used),
    });
  }
  return { requests, skipped };
}
