/**
 * URLs as people read them: a planned URL carries its whole server plan in
 * base64 (hundreds of characters), so it is shown as origin and path with
 * the plan elided. The full URL stays one click or one copy away.
 */
import { parsePlannedPath } from '../../plan/plan-url.ts';
import { PLAN_PREFIX } from '../../plan/routes.ts';

/** Marks where the plan was left out. */
export const ELIDED = '…';

/** `http://localhost:5311/__cl/<run>/<hop>/<plan>/anything` → `http://localhost:5311/…/anything`. */
export function shortUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const planned = parsed.pathname.startsWith(PLAN_PREFIX) ? safeParse(parsed.pathname) : null;
  if (!planned) return url;
  return `${parsed.origin}/${ELIDED}${planned.path === '/' ? '' : planned.path}${parsed.search}`;
}

function safeParse(path: string): ReturnType<typeof parsePlannedPath> {
  try {
    return parsePlannedPath(path);
  } catch {
    return null;
  }
}

/** Text split into plain parts and URLs (quoted URLs in console lines, bare ones elsewhere). */
export function splitUrls(text: string): Array<{ text: string; url?: string }> {
  const parts: Array<{ text: string; url?: string }> = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s'"<>]+/g)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at) });
    parts.push({ text: shortUrl(match[0]), url: match[0] });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Where a URL may wrap: after the origin, then after each "/", "?", "&" and "=" (never inside a word or the scheme). */
export function urlBreakPoints(text: string): string[] {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(text)?.[0] ?? '';
  const rest = text.slice(origin.length);
  const pieces = rest ? rest.split(/(?<=[/?&=])/) : [];
  return origin ? [origin, ...pieces] : pieces;
}

/** The same text with each short URL put back in full: what a copy of it must hold. */
export function expandShortUrls(text: string, urls: Iterable<string>): string {
  let out = text;
  for (const url of urls) {
    const short = shortUrl(url);
    if (short !== url) out = out.split(short).join(url);
  }
  return out;
}
