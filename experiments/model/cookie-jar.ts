/**
 * Just enough of a cookie store to predict whether a request carries a
 * cookie: host-only cookies (ports ignored, as browsers do), default and
 * explicit paths, Domain, deletion by Max-Age or a past Expires, the
 * `__Secure-` and `__Host-` prefixes, nameless cookies, SameSite, Secure,
 * Partitioned (CHIPS), and the browser's third-party cookie setting. Measured in Chromium 156
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
import type { BrowserSettings } from '../../format/schema.ts';
import { CHROMIUM_RULES, type EngineRules } from './engine-rules.ts';

type JarRules = Pick<
  EngineRules,
  | 'unsetSameSite' | 'partitionedWhenThirdPartyBlocked' | 'secureCookiesOnLoopbackHttp' | 'sameSiteNoneNeedsSecure'
  | 'schemefulSameSite' | 'cookiePrefixesEnforced' | 'laterOfMaxAgeAndExpiresWins' | 'emptyNameRefused' | 'emptyCookieKept'
  | 'partitionedAttributeIgnored'
>;

type SameSite = 'none' | 'lax' | 'strict' | 'unset';

interface Cookie {
  name: string;
  host: string;
  /** Sent to subdomains of `host` too (a Domain attribute); otherwise to `host` only. */
  domain: boolean;
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

function hostMatches(hostname: string, cookie: Cookie): boolean {
  return hostname === cookie.host || (cookie.domain && hostname.endsWith(`.${cookie.host}`));
}

/**
 * `__Secure-` needs Secure; `__Host-` also needs Path=/ and no Domain. Chromium
 * matches the prefixes case-insensitively.
 * https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-cookie-name-prefixes
 */
function prefixAllows(cookie: Cookie, secure: boolean, hasDomain: boolean): boolean {
  const name = cookie.name.toLowerCase();
  if (name.startsWith('__secure-')) return secure;
  if (name.startsWith('__host-')) return secure && !hasDomain && cookie.path === '/';
  return true;
}

export class CookieJar {
  readonly #cookies: Cookie[] = [];

  constructor(
    private readonly thirdPartyCookies: BrowserSettings['thirdPartyCookies'] = 'blocked',
    private readonly rules: JarRules = CHROMIUM_RULES,
  ) {}

  /** Whether a cross-site request may carry the cookie as far as SameSite goes (Firefox: unset is None). */
  #crossSiteAllowed(sameSite: SameSite): boolean {
    return sameSite === 'none' || (sameSite === 'unset' && this.rules.unsetSameSite === 'none');
  }

  /** Whether two sites (scheme and registrable domain) are cross-site for cookies; the scheme only where schemeful. */
  #crossSite(a: string | null, b: string): boolean {
    if (a === null) return true;
    const host = (site: string): string => site.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
    return this.rules.schemefulSameSite === false ? host(a) !== host(b) : a !== b;
  }

  /** Stores the Set-Cookie lines of a response to `url`, made from a page on `pageSite` (null: opaque page). */
  store(setCookieLines: readonly string[], url: URL, pageSite: string | null, urlSite: string): void {
    if (pageSite === null) return;
    const crossSite = this.#crossSite(pageSite, urlSite);
    for (const line of setCookieLines) {
      const [pair = '', ...attributes] = line.split(';');
      // No "=": a nameless cookie whose value is the pair (RFC 6265bis 5.6 step 5).
      const eq = pair.indexOf('=');
      const name = eq < 0 ? '' : pair.slice(0, eq).trim();
      const cookieValue = (eq < 0 ? pair : pair.slice(eq + 1)).trim();
      // Name and value both empty: ignored (RFC 6265bis 5.6 step 6); "=1": refused by Firefox (engine-rules.ts).
      if (name === '' && cookieValue === '' && this.rules.emptyCookieKept !== true) continue;
      if (name === '' && eq >= 0 && this.rules.emptyNameRefused === true) continue;
      const cookie: Cookie = { name, host: url.hostname, domain: false, path: defaultPath(url.pathname), sameSite: 'unset', partition: null };
      let maxAge: number | null = null;
      let expired = false;
      let lastOfTwo: 'max-age' | 'expires' | null = null;
      let domain: string | null = null;
      let secure = false;
      let partitioned = false;
      // The last occurrence of an attribute wins (RFC 6265 5.3 step 6 reads them in order).
      for (const attribute of attributes) {
        const [key = '', ...rest] = attribute.split('=');
        const value = rest.join('=').trim();
        switch (key.trim().toLowerCase()) {
          case 'path':
            if (value.startsWith('/')) cookie.path = value;
            break;
          case 'domain':
            domain = value.replace(/^\./, '').toLowerCase();
            break;
          case 'max-age':
            if (/^-?\d+$/.test(value)) {
              maxAge = Number(value);
              lastOfTwo = 'max-age';
            }
            break;
          case 'expires': {
            const time = Date.parse(value);
            if (!Number.isNaN(time)) {
              expired = time <= Date.now();
              lastOfTwo = 'expires';
            }
            break;
          }
          case 'samesite':
            cookie.sameSite = sameSiteOf(value);
            break;
          case 'secure':
            secure = true;
            break;
          case 'partitioned':
            partitioned = this.rules.partitionedAttributeIgnored !== true;
            break;
        }
      }
      // Max-Age takes precedence over Expires (RFC 6265 5.3 step 3); in WebKitGTK the one written last (engine-rules.ts).
      const expiresDecides = this.rules.laterOfMaxAgeAndExpiresWins === true && lastOfTwo === 'expires';
      const remove = maxAge !== null && !expiresDecides ? maxAge <= 0 : expired;
      if (domain !== null && domain !== '') {
        // A Domain the request host is not in is ignored with the cookie (RFC 6265 5.3 step 6).
        if (url.hostname !== domain && !url.hostname.endsWith(`.${domain}`)) continue;
        // A one-label Domain (`localhost`) is a public suffix under the default rule, and an IP address is no
        // domain: either is accepted only as the host itself, and the cookie stays host-only (RFC 6265 5.3 step 5).
        const suffixOrAddress = !domain.includes('.') || /^[\d.]+$/.test(domain) || domain.includes(':');
        if (suffixOrAddress && domain !== url.hostname) continue;
        if (!suffixOrAddress) {
          cookie.host = domain;
          cookie.domain = true;
        }
      }
      if (this.rules.cookiePrefixesEnforced !== false && !prefixAllows(cookie, secure, domain !== null)) continue;
      const noneNeedsSecure = cookie.sameSite === 'none' && this.rules.sameSiteNoneNeedsSecure !== false;
      if ((noneNeedsSecure || partitioned) && !secure) continue;
      // WebKitGTK (libsoup) keeps a Secure cookie for https only, loopback or not (engine-rules.ts).
      if (secure && url.protocol === 'http:' && this.rules.secureCookiesOnLoopbackHttp === false) continue;
      if (partitioned) cookie.partition = pageSite;
      // A cross-site context may set only SameSite=None cookies, and unpartitioned ones only with third-party
      // cookies allowed (Firefox, blocking them, refuses partitioned ones too).
      const partitionSaves = partitioned && this.rules.partitionedWhenThirdPartyBlocked;
      const blocked = this.thirdPartyCookies === 'blocked' && !partitionSaves;
      if (crossSite && (!this.#crossSiteAllowed(cookie.sameSite) || blocked)) continue;
      const index = this.#cookies.findIndex((c) => c.name === cookie.name && c.host === cookie.host && c.domain === cookie.domain && c.path === cookie.path && c.partition === cookie.partition);
      if (index >= 0) this.#cookies.splice(index, 1);
      if (!remove) this.#cookies.push(cookie);
    }
  }

  /**
   * Whether a request to `url` from a page on `pageSite` carries any cookie. An opaque page (null) is
   * cross-site to every URL and partitions nothing: with third-party cookies allowed it still sends
   * the `SameSite=None` ones (measured in Chromium 156: the exploits group's null-trusted pair).
   */
  /**
   * Format 1.2 `form`: whether a top-level navigation to `url` (the popup a form submits into), started by a page
   * on `initiatorSite`, carries a cookie. A top-level navigation is first-party, so third-party cookie
   * blocking does not apply; SameSite does, by the initiator's site: Strict only same-site, Lax also a
   * cross-site navigation with a safe method (GET), None always.
   * https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-lax-allowing-unsafe-enforcement
   * Chromium: a cookie without SameSite is Lax, but for the first 2 minutes after it was set it also goes on a
   * cross-site top-level POST ("Lax-allowing-unsafe", measured). A lab run is always inside that window, so
   * the model says sent; the catalog keeps its verdicts off that clock (DEVIATIONS.md).
   */
  sendsOnNavigation(url: URL, initiatorSite: string | null, urlSite: string, method: string): boolean {
    const crossSite = this.#crossSite(initiatorSite, urlSite);
    const safe = method === 'GET' || method === 'HEAD';
    return this.#cookies.some((c) => {
      if (!hostMatches(url.hostname, c) || !pathMatches(url.pathname, c.path)) return false;
      // A partitioned cookie belongs to the top-level site it was set under: here the target's own.
      if (c.partition !== null) return c.partition === urlSite;
      if (!crossSite || this.#crossSiteAllowed(c.sameSite)) return true;
      if (c.sameSite === 'strict') return false;
      // Lax: safe methods only; unset: Lax, plus Chromium's Lax-allowing-unsafe for a cookie set under 2 minutes ago.
      return safe || c.sameSite === 'unset';
    });
  }

  sends(url: URL, pageSite: string | null, urlSite: string): boolean {
    const crossSite = this.#crossSite(pageSite, urlSite);
    return this.#cookies.some((c) => {
      if (!hostMatches(url.hostname, c) || !pathMatches(url.pathname, c.path)) return false;
      if (c.partition !== null) return c.partition === pageSite;
      return !crossSite || (this.#crossSiteAllowed(c.sameSite) && this.thirdPartyCookies === 'allowed');
    });
  }
}
