/**
 * Whether the cookies of `--cookie` went with the probed request, and when not, Chromium's reason: a cross-site
 * request's cookies are refused by this Chromium's default third-party cookie blocking ("UserPreferences"), a Lax
 * cookie stays home on a cross-site fetch ("SameSiteLax"), and so on.
 * https://chromedevtools.github.io/devtools-protocol/tot/Network/#type-CookieBlockedReason
 */
import type { HopCookie } from '../runner/cdp-watch.ts';
import type { ProbeRequest } from './probe-options.ts';

export interface CookieSent {
  name: string;
  sent: boolean;
  /** Chromium's reasons for not sending it; empty when sent, or when Chromium did not consider it for this URL. */
  blockedReasons: string[];
}

/** Each cookie of the request, as the first hop's request saw it. */
export function cookieReport(request: ProbeRequest, seen: readonly HopCookie[]): CookieSent[] {
  return request.cookies.map(([name]) => {
    const found = seen.find((cookie) => cookie.name === name);
    const blockedReasons = found?.blockedReasons ?? [];
    return { name, sent: found !== undefined && blockedReasons.length === 0, blockedReasons };
  });
}

/** Why a cookie was not sent, in words (the reasons seen most with --cookie). */
const REASON_WORDS: Record<string, string> = {
  UserPreferences: 'third-party cookies are blocked in this browser (the page and the URL are cross-site)',
  ThirdPartyPhaseout: 'third-party cookies are blocked in this browser (the page and the URL are cross-site)',
  SameSiteLax: 'a SameSite=Lax cookie is not sent on a cross-site fetch',
  SameSiteStrict: 'a SameSite=Strict cookie is not sent on a cross-site request',
  SameSiteUnspecifiedTreatedAsLax: 'a cookie without SameSite counts as Lax: not sent on a cross-site fetch',
  SecureOnly: 'a Secure cookie is sent over https only',
};

export function cookieWords(cookie: CookieSent): string {
  if (cookie.sent) return `${cookie.name} sent`;
  if (cookie.blockedReasons.length === 0) return `${cookie.name} not sent (Chromium did not offer it for this URL)`;
  const why = cookie.blockedReasons.map((reason) => REASON_WORDS[reason] ?? reason).join('; ');
  return `${cookie.name} not sent: ${why} (${cookie.blockedReasons.join(', ')})`;
}
