/**
 * Cookies a plan sets stay inside the run that asked for them. Cookies ignore
 * ports, so a cookie a lab origin sets on `localhost` is sent to every server
 * on `localhost` unless its Path keeps it out: a plan's cookie is therefore
 * held to the run's own URL prefix (`/__cl/{run}/`), host-only, small and
 * short-lived, whoever made the request. Pure and browser-safe: the servers
 * and the model (through answer.ts) rewrite the same lines the same way.
 * https://httpwg.org/specs/rfc6265.html#sane-set-cookie
 */
import { MAX_COOKIES_PER_RESPONSE } from '../format/limits.ts';
import { PLAN_PREFIX } from './routes.ts';

/** Set-Cookie lines one planned response may carry: the format's bound (format/limits.ts), checked again here. */
export { MAX_COOKIES_PER_RESPONSE };
/** Bytes of all Set-Cookie lines of one response, after token expansion (Chromium: 4,096 a cookie). */
export const MAX_COOKIE_BYTES_PER_RESPONSE = 4096;
/** The longest a plan's cookie lives: long enough for any run's `then` steps, gone before it can pile up. */
export const MAX_COOKIE_SECONDS = 600;

/** The Path every cookie of a run stays under. */
export function runCookiePath(run: string): string {
  return `${PLAN_PREFIX}${run}/`;
}

/** Why a response's Set-Cookie lines are too many or too large, or null. */
export function cookieBoundsProblem(values: readonly string[]): string | null {
  const bytes = values.reduce((sum, value) => sum + value.length, 0);
  if (values.length > MAX_COOKIES_PER_RESPONSE) {
    return `${values.length} Set-Cookie lines: the lab sets at most ${MAX_COOKIES_PER_RESPONSE} cookies a response`;
  }
  if (bytes > MAX_COOKIE_BYTES_PER_RESPONSE) {
    const limit = MAX_COOKIE_BYTES_PER_RESPONSE;
    const expanded = 'after {page}, {reflect} and {origin:NAME} are expanded';
    return `${bytes} bytes of Set-Cookie ${expanded}: the lab sets at most ${limit} a response`;
  }
  return null;
}

interface Attribute {
  key: string;
  value: string;
  text: string;
}

function parseAttributes(parts: readonly string[]): Attribute[] {
  return parts.map((text) => {
    const eq = text.indexOf('=');
    const key = (eq < 0 ? text : text.slice(0, eq)).trim().toLowerCase();
    return { key, value: eq < 0 ? '' : text.slice(eq + 1).trim(), text };
  });
}

/** Max-Age is a whole number, optionally negative (RFC 6265 5.2.2); any other value is ignored by the browser. */
const MAX_AGE = /^-?\d+$/;

/**
 * The lifetime the browser would give the cookie: seconds, "session", or "expired".
 * Max-Age takes precedence over Expires (RFC 6265 5.3 step 3); of repeated attributes the last counts.
 */
function lifetime(attributes: readonly Attribute[], now: number): number | 'session' | 'expired' {
  const maxAge = attributes.filter((a) => a.key === 'max-age' && MAX_AGE.test(a.value)).at(-1);
  if (maxAge) return Number(maxAge.value) <= 0 ? 'expired' : Number(maxAge.value);
  const expires = attributes.filter((a) => a.key === 'expires').at(-1);
  if (!expires) return 'session';
  const time = Date.parse(expires.value);
  if (Number.isNaN(time)) return 'session';
  return time <= now ? 'expired' : Math.ceil((time - now) / 1000);
}

/**
 * Whether the line's lifetime is one plain Max-Age within the cap, read the same by every browser.
 * Anything else (no Max-Age, several, one a parser might read otherwise such as "+86400", or an
 * Expires alone) is rewritten to one Max-Age.
 */
function plainShortLifetime(attributes: readonly Attribute[]): boolean {
  const maxAges = attributes.filter((a) => a.key === 'max-age');
  return maxAges.length === 1 && MAX_AGE.test(maxAges[0]!.value) && Number(maxAges[0]!.value) <= MAX_COOKIE_SECONDS;
}

/**
 * The Path the browser uses: the last Path attribute, or the default path (null) when that one
 * does not start with "/" (RFC 6265 5.2.4 and 5.3 step 7). The default path is the request's own
 * directory, always inside the run.
 */
function effectivePath(attributes: readonly Attribute[]): string | null {
  const last = attributes.filter((a) => a.key === 'path').at(-1);
  return last && last.value.startsWith('/') ? last.value : null;
}

/** Whether a cookie Path only ever matches URLs of the run (path-match: RFC 6265 5.1.4). */
function insideRun(path: string, run: string): boolean {
  const prefix = runCookiePath(run);
  return path === prefix.slice(0, -1) || path.startsWith(prefix);
}

export interface ScopedCookie {
  /** The line to send: the plan's own when it needed no change. */
  line: string;
  /** What was changed and why, one phrase each; empty when nothing was. */
  changes: string[];
}

/**
 * One Set-Cookie line held to the run: Domain dropped (host-only: a Domain
 * would reach every subdomain, and `localhost` is every port already), a Path
 * outside the run's prefix replaced by it (no Path: the default path is the
 * request's own directory, inside the run), and the lifetime capped (a
 * session cookie lives until the browser quits, days on a laptop), and its
 * priority low. Deleting stays deleting. `now` is only read to tell a past
 * Expires from a future one.
 */
export function scopeCookie(line: string, run: string, now: number): ScopedCookie {
  const [pair = '', ...rest] = line.split(';');
  const attributes = parseAttributes(rest);
  const changes: string[] = [];
  let kept = attributes;
  const added: string[] = [];
  if (kept.some((a) => a.key === 'domain')) {
    changes.push('Domain dropped: the cookie stays host-only');
    kept = kept.filter((a) => a.key !== 'domain');
  }
  const paths = kept.filter((a) => a.key === 'path');
  const path = effectivePath(kept);
  if (path !== null && !insideRun(path, run)) {
    changes.push(`Path ${path} is outside this run: Path=${runCookiePath(run)}`);
    added.push(` Path=${runCookiePath(run)}`);
    kept = kept.filter((a) => a.key !== 'path');
  } else if (paths.length > 1) {
    // One Path, read the same by every parser.
    const which = path === null ? 'the last invalid: the default path' : `the last, Path=${path}`;
    changes.push(`several Path attributes, ${which}`);
    if (path !== null) added.push(` Path=${path}`);
    kept = kept.filter((a) => a.key !== 'path');
  }
  if (!plainShortLifetime(kept)) {
    const life = lifetime(kept, now);
    const cap = MAX_COOKIE_SECONDS;
    const seconds = life === 'expired' ? 0 : Math.min(life === 'session' ? cap : life, cap);
    changes.push(lifetimeChange(life, seconds));
    added.push(` Max-Age=${seconds}`);
    kept = kept.filter((a) => a.key !== 'max-age' && a.key !== 'expires');
  }
  // Chromium keeps at most 180 cookies a host (ports ignored) and evicts low-priority ones first: runs'
  // cookies go before the user's own (default priority Medium) if the lab ever fills the jar.
  // https://datatracker.ietf.org/doc/html/draft-west-cookie-priority-00
  const priorities = kept.filter((a) => a.key === 'priority');
  if (priorities.length !== 1 || priorities[0]!.value.toLowerCase() !== 'low') {
    changes.push('Priority=Low: if the browser must evict cookies, this one goes before the user\'s own');
    added.push(' Priority=Low');
    kept = kept.filter((a) => a.key !== 'priority');
  }
  if (changes.length === 0) return { line, changes };
  return { line: [pair, ...kept.map((a) => a.text), ...added].join(';'), changes };
}

function lifetimeChange(life: number | 'session' | 'expired', seconds: number): string {
  if (life === 'expired') return 'deleted: Max-Age=0, which every browser reads the same';
  if (life === 'session') return `no lifetime (a session cookie lives until the browser quits): Max-Age=${seconds}`;
  if (life > MAX_COOKIE_SECONDS) return `lifetime ${life} s is over ${MAX_COOKIE_SECONDS} s: Max-Age=${seconds}`;
  return `lifetime ${life} s as one Max-Age=${seconds}, which every browser reads the same`;
}
