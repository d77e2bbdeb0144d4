/**
 * Which response headers JavaScript can read after a CORS request, and which
 * the server sent but JavaScript cannot: a CORS response exposes only the
 * CORS-safelisted response-header names and those in
 * Access-Control-Expose-Headers (`*` counts as a wildcard only without
 * credentials), and never Set-Cookie.
 * https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name
 * https://fetch.spec.whatwg.org/#http-access-control-expose-headers
 * https://fetch.spec.whatwg.org/#forbidden-response-header-name
 */
import type { HeaderLines } from '../format/headers.ts';

export interface Exposure {
  /** Names JavaScript can read (lower-case, as `Headers` gives them). */
  readable: string[];
  /** Names the server sent that JavaScript cannot read, as the server wrote them (Date, Server, Vary left out). */
  hidden: string[];
  /** The Access-Control-Expose-Headers line that would expose the hidden names; null when none is hidden. */
  fix: string | null;
}

/**
 * Left out of the hidden names: never readable (forbidden response header names), or not the answer's data: the
 * connection's headers, CORS's own, and what every server sends about itself (Date, Server, Vary).
 */
const NOT_DATA = /^(set-cookie2?|connection|keep-alive|transfer-encoding|access-control-.*|date|server|vary)$/i;

const EXPOSE = 'access-control-expose-headers';

function exposedList(sent: HeaderLines): string[] {
  return sent
    .filter(([name]) => name.toLowerCase() === EXPOSE)
    .flatMap(([, value]) => value.split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/**
 * The Access-Control-Expose-Headers line that exposes `names` as well as what the server already exposes (one line,
 * merged; a `*` the server sends stays only where it works, without credentials).
 */
export function exposeFix(sent: HeaderLines, names: readonly string[], credentials: boolean): string {
  const kept = exposedList(sent).filter((name) => name !== '*' || !credentials);
  const all = [...kept];
  for (const name of names) if (!all.some((n) => n.toLowerCase() === name.toLowerCase())) all.push(name);
  return `actual answer: Access-Control-Expose-Headers: ${all.join(', ')}`;
}

/** Readable and hidden names of an allowed CORS response. */
export function exposureOf(sent: HeaderLines, readable: readonly string[], credentials: boolean): Exposure {
  const readableSet = new Set(readable.map((name) => name.toLowerCase()));
  const hidden: string[] = [];
  for (const [name] of sent) {
    const lower = name.toLowerCase();
    if (NOT_DATA.test(name) || readableSet.has(lower) || hidden.some((n) => n.toLowerCase() === lower)) continue;
    hidden.push(name);
  }
  const fix = hidden.length ? exposeFix(sent, hidden, credentials) : null;
  return { readable: [...readableSet].sort(), hidden, fix };
}
