/**
 * Just enough of a cookie store to predict whether a request carries a
 * cookie: host-only cookies (ports ignored, as browsers do), default and
 * explicit paths, deletion by Max-Age, and Chromium's defaults: cookies are
 * stored and sent only in same-site contexts (third-party cookies blocked),
 * SameSite=None needs Secure.
 * https://httpwg.org/specs/rfc6265.html#storage-model
 */

interface Cookie {
  name: string;
  value: string;
  host: string;
  path: string;
}

/** https://httpwg.org/specs/rfc6265.html#rfc.section.5.1.4 */
function defaultPath(urlPath: string): string {
  const end = urlPath.lastIndexOf('/');
  return end <= 0 ? '/' : urlPath.slice(0, end);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  return requestPath === cookiePath || (requestPath.startsWith(cookiePath) && (cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/'));
}

export class CookieJar {
  readonly #cookies: Cookie[] = [];

  /** Stores the Set-Cookie lines of a response to `url`, made from a page on `pageSite` (null: opaque page). */
  store(setCookieLines: readonly string[], url: URL, pageSite: string | null, urlSite: string): void {
    if (pageSite === null || pageSite !== urlSite) return;
    for (const line of setCookieLines) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const cookie: Cookie = { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), host: url.hostname, path: defaultPath(url.pathname) };
      let remove = false;
      let sameSiteNone = false;
      let secure = false;
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
            sameSiteNone = value.toLowerCase() === 'none';
            break;
          case 'secure':
            secure = true;
            break;
        }
      }
      if (sameSiteNone && !secure) continue;
      const index = this.#cookies.findIndex((c) => c.name === cookie.name && c.host === cookie.host && c.path === cookie.path);
      if (index >= 0) this.#cookies.splice(index, 1);
      if (!remove) this.#cookies.push(cookie);
    }
  }

  /** Whether a request to `url` from a page on `pageSite` carries any cookie. */
  sends(url: URL, pageSite: string | null, urlSite: string): boolean {
    if (pageSite === null || pageSite !== urlSite) return false;
    return this.#cookies.some((c) => c.host === url.hostname && pathMatches(url.pathname, c.path));
  }
}
