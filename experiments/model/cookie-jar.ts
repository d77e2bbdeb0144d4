/**
 * Just enough of a cookie store to predict whether a request carries a
 * cookie: host-only cookies (ports ignored, as browsers do), default and
 * explicit paths, deletion by Max-Age, SameSite, Secure, Partitioned (CHIPS),
 * and the browser's third-party cookie setting. Measured in Chromium 156
 * (shared/browser-facts.md):
 *   - same-site requests store and send every cookie;
 *   - a cross-site response can set only `SameSite=None; Secure` cookies, and
 *     only when third-party cookies are allowed, unless the cookie is
 *     `Partitioned`: then it is kept under the top-level site and works
 *     whatever the setting;
 *   - `SameSite=None` and `Partitioned` need `Secure` (localhost and
 *     127.0.0.1 are secure contexts, so `Secure` works on them over http).
 * https://httpwg.org/specs/rfc6265.html#storage-model
 * https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-samesite-cookies
 * https://developer.mozilla.org/en-US/docs/Web/Privacy/Guides/Privacy_sandbox/Partitioned_cookies
 */
import type { BrowserSettings } from '../schema.ts';

type SameSite = 'none' | 'lax' | 'strict' | 'unset';

interface Cookie {
  name: string;
  host: string;
  path: string;
  sameSite: SameSite;
  /** The top-level site of a Partitioned cookie; null for an unpartitioned one. */
  partition: string | null;
}

/** https://httpwg.org/specs/rfc6265.html#rfc.section.5.1.4 */
function defaultPath(urlPath: string): string {
  const end = urlPath.lastIndexOf('/');
  return end <= 0 ? '/' : urlPath.slice(0, end);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  return requestPath === cookiePath || (requestPath.startsWith(cookiePath) && (cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/'));
}

function sameSiteOf(value: string): SameSite {
  const lower = value.toLowerCase();
  return lower === 'none' || lower === 'lax' || lower === 'strict' ? lower : 'unset';
}

export class CookieJar {
  readonly #cookies: Cookie[] = [];

  constructor(private readonly thirdPartyCookies: BrowserSettings['thirdPartyCookies'] = 'blocked') {}

  /** Stores the Set-Cookie lines of a response to `url`, made from a page on `pageSite` (null: opaque page). */
  store(setCookieLines: readonly string[], url: URL, pageSite: string | null, urlSite: string): void {
    if (pageSite === null) return;
    const crossSite = pageSite !== urlSite;
    for (const line of setCookieLines) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const cookie: Cookie = { name: pair.slice(0, eq).trim(), host: url.hostname, path: defaultPath(url.pathname), sameSite: 'unset', partition: null };
      let remove = false;
      let secure = false;
      let partitioned = false;
      for (const attribute of attributes) {
        const [key = '', ...rest] = attribute.split('=');
        const value = rest.join('=').trim();
        switch (key.trim().toLowerCase()) {
          case 'path':
            if (value.startsWith('/')) cookie.path = value;
            break;
          case 'max-age':
            if (/^-?\d+$/.test(value) && Number(value) <= 0) remove = true;
            break;
          case 'samesite':
            cookie.sameSite = sameSiteOf(value);
            break;
          case 'secure':
            secure = true;
            break;
          case 'partitioned':
            partitioned = true;
            break;
        }
      }
      if ((cookie.sameSite === 'none' || partitioned) && !secure) continue;
      if (partitioned) cookie.partition = pageSite;
      // A cross-site context may set only SameSite=None cookies, and unpartitioned ones only with third-party cookies allowed.
      if (crossSite && (cookie.sameSite !== 'none' || (!partitioned && this.thirdPartyCookies === 'blocked'))) continue;
      const index = this.#cookies.findIndex((c) => c.name === cookie.name && c.host === cookie.host && c.path === cookie.path && c.partition === cookie.partition);
      if (index >= 0) this.#cookies.splice(index, 1);
      if (!remove) this.#cookies.push(cookie);
    }
  }

  /** Whether a request to `url` from a page on `pageSite` carries any cookie. */
  sends(url: URL, pageSite: string | null, urlSite: string): boolean {
    if (pageSite === null) return false;
    const crossSite = pageSite !== urlSite;
    return this.#cookies.some((c) => {
      if (c.host !== url.hostname || !pathMatches(url.pathname, c.path)) return false;
      if (c.partition !== null) return c.partition === pageSite;
      return !crossSite || (c.sameSite === 'none' && this.thirdPartyCookies === 'allowed');
    });
  }
}
