/**
 * Cookies on credentialed cross-origin requests, under both third-party
 * cookie settings (`browser.thirdPartyCookies`). Each case sets a cookie in
 * its first step and shows in a `then` step whether the browser sends it back.
 * `app` -> `api` is same-site (first-party cookies); `app` -> `partner`
 * (localhost -> 127.0.0.1) is cross-site (third-party cookies).
 * Cookies carry no Path or Domain: they default to the run's own URL, which is
 * unique per run, so concurrent runs never see each other's cookies (a test
 * keeps it so).
 * https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-samesite-cookies
 */
import type { ExperimentInput } from '../../format/schema.ts';
import { THIRD_PARTY_COOKIES } from '../../format/format-defaults.ts';

const CREDENTIALED_CORS = { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' };

interface CookieCase {
  id: string;
  title: string;
  explain: string;
  target: 'api' | 'partner';
  setCookie: string;
  /** Whether the second request carries the cookie, per third-party cookie setting. */
  sent: Record<(typeof THIRD_PARTY_COOKIES)[number], boolean>;
  /** Where Firefox differs (cookieBehavior 1 refuses partitioned cookies too; a cookie without SameSite is None there). */
  firefoxSent?: Partial<Record<(typeof THIRD_PARTY_COOKIES)[number], boolean>>;
  /** The first request's credentials mode (default "include"). */
  firstCredentials?: 'same-origin' | 'include';
  /** The first answer's CORS headers (default: the correct credentialed answer). */
  firstHeaders?: Record<string, string>;
}

const POLICY_NOTE = {
  blocked: 'This run assumes Chromium\'s default: **third-party cookies blocked**.',
  allowed: 'This run assumes **third-party cookies allowed** (chrome://settings/cookies: "Allow third-party cookies"); the headless runner uses a profile with that setting.',
};

const CASES: CookieCase[] = [
  {
    id: 'same-site-lax',
    title: 'A SameSite=Lax cookie goes to a same-site API on another port',
    explain: '`localhost:5310` and `localhost:5311` are different origins but the **same site** (scheme + registrable domain; ports do not count). Same-site requests are first-party for cookies, so even `SameSite=Lax` cookies are stored and sent, under either third-party cookie setting. CORS still applies: the answer must name the origin and say `Access-Control-Allow-Credentials: true`.',
    target: 'api',
    setCookie: 'SameSite=Lax',
    sent: { blocked: true, allowed: true },
  },
  {
    id: 'same-site-strict',
    title: 'Even SameSite=Strict cookies go to a same-site API',
    explain: '`SameSite=Strict` is about the **site**, not the origin: a fetch from `localhost:5310` to `localhost:5311` is same-site, so the cookie is sent. Strict only stops cookies on requests started from another site.',
    target: 'api',
    setCookie: 'SameSite=Strict',
    sent: { blocked: true, allowed: true },
  },
  {
    id: 'cross-site-none-secure',
    title: 'SameSite=None; Secure to another site depends on the third-party cookie setting',
    explain: '`localhost` -> `127.0.0.1` is **cross-site**, so the cookie is a third-party cookie. `SameSite=None; Secure` is what a third-party cookie needs, but Chromium blocks third-party cookies by default (as Chrome does in incognito and more and more by default): with them blocked the cookie is neither stored nor sent; allowed, it is. CORS passes in both cases, so the page cannot tell.\n\n**Fix:** do not depend on third-party cookies: serve the API from the same site (e.g. `api.example.com` for `app.example.com`), use a token in a header, or a `Partitioned` cookie.',
    target: 'partner',
    setCookie: 'SameSite=None; Secure',
    sent: { blocked: false, allowed: true },
  },
  {
    id: 'cross-site-partitioned',
    title: 'A Partitioned (CHIPS) cookie works cross-site under both settings',
    explain: '`Partitioned` cookies (CHIPS) are stored in a jar keyed by the **top-level site** of the page, so they cannot track a user across sites; Chromium therefore accepts them even with third-party cookies blocked. They need `Secure` and `SameSite=None`.\n\n**Fix** for an embedded widget or API that needs a cookie per embedding site: `Set-Cookie: id=...; SameSite=None; Secure; Partitioned`.',
    target: 'partner',
    setCookie: 'SameSite=None; Secure; Partitioned',
    sent: { blocked: true, allowed: true },
    firefoxSent: { blocked: false },
  },
  {
    id: 'cross-site-lax',
    title: 'A SameSite=Lax cookie is never set by a cross-site fetch',
    explain: '`SameSite=Lax` (also the default when no SameSite is given) cookies are only sent on same-site requests and top-level navigations; a cross-site fetch can neither set nor send them, whatever the third-party setting.\n\n**Fix:** `SameSite=None; Secure` (a third-party cookie, subject to the setting) or `Partitioned`.',
    target: 'partner',
    setCookie: 'SameSite=Lax',
    sent: { blocked: false, allowed: false },
  },
  {
    id: 'cross-site-default-samesite',
    title: 'A cookie without SameSite acts as Lax: not set cross-site',
    explain: 'Without a `SameSite` attribute Chromium treats a cookie as `SameSite=Lax`, so a cross-site credentialed fetch does not store it (even though CORS passes).\n\n**Fix:** say `SameSite=None; Secure` explicitly for a cookie meant for cross-site requests.',
    target: 'partner',
    setCookie: 'HttpOnly',
    sent: { blocked: false, allowed: false },
    firefoxSent: { allowed: true },
  },
  {
    id: 'none-without-secure',
    title: 'SameSite=None without Secure is refused, even same-site',
    explain: 'Browsers refuse a `SameSite=None` cookie that is not `Secure`. `http://localhost` counts as a secure context, so `Secure` cookies work on it during development.\n\n**Fix:** `SameSite=None; Secure`.',
    target: 'api',
    setCookie: 'SameSite=None',
    sent: { blocked: false, allowed: false },
  },
  {
    id: 'set-cookie-without-include',
    title: 'Set-Cookie is ignored when the request was not credentialed',
    explain: 'A cross-origin fetch with the default `credentials: "same-origin"` is sent without cookies **and its `Set-Cookie` is ignored**. The second request, with `credentials: "include"`, therefore has no cookie to send.\n\n**Fix:** `credentials: "include"` on the request that receives the cookie too (e.g. the login call), plus `Access-Control-Allow-Credentials: true` on its answer.',
    target: 'api',
    setCookie: 'SameSite=Lax',
    firstCredentials: 'same-origin',
    sent: { blocked: false, allowed: false },
  },
  {
    id: 'stored-despite-cors-block',
    title: 'A blocked credentialed answer still sets its cookie',
    explain: 'The first answer says `Access-Control-Allow-Origin: *`, which a credentialed request may not accept, so the page gets `TypeError: Failed to fetch`. The cookie in that same answer is **stored anyway**: the CORS check decides what JavaScript may read, not what the cookie jar keeps. The next request carries it.\n\n**Fix** for the CORS error: `Access-Control-Allow-Origin: <page origin>` and `Access-Control-Allow-Credentials: true`.',
    target: 'api',
    setCookie: 'SameSite=Lax',
    firstHeaders: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
    sent: { blocked: true, allowed: true },
  },
];

function experimentFor(c: CookieCase, policy: (typeof THIRD_PARTY_COOKIES)[number]): ExperimentInput {
  const cookie = `cl-${c.id}=1; ${c.setCookie}`;
  const blockedFirst = c.firstHeaders !== undefined;
  const firefoxSent = c.firefoxSent?.[policy];
  return {
    id: `cookies-${c.id}-3pc-${policy}`,
    title: `${c.title} (third-party cookies ${policy})`,
    group: 'cookies',
    explain: `${c.explain}\n\n${POLICY_NOTE[policy]}`,
    browser: { thirdPartyCookies: policy },
    request: { target: c.target, path: '/cookie', credentials: c.firstCredentials ?? 'include' },
    server: { actual: { headers: { ...(c.firstHeaders ?? CREDENTIALED_CORS), 'Set-Cookie': cookie } } },
    expect: blockedFirst ? { outcome: 'blocked', reason: 'WildcardOriginNotAllowed', reachedServer: true, cookieSent: false } : { outcome: 'allowed', cookieSent: false },
    then: [
      {
        title: 'the next credentialed request',
        request: { credentials: 'include' },
        // The same plan answers again; a blocked first answer stays blocked.
        expect: {
          ...(blockedFirst ? { outcome: 'blocked', reason: 'WildcardOriginNotAllowed' } : { outcome: 'allowed' }),
          cookieSent: c.sent[policy],
          ...(firefoxSent === undefined ? {} : { engines: { firefox: { cookieSent: firefoxSent } } }),
        },
      },
    ],
  };
}

export const cookies: ExperimentInput[] = CASES.flatMap((c) => THIRD_PARTY_COOKIES.map((policy) => experimentFor(c, policy)));
