/**
 * A RegExp whose matching runs on RE2JS, a linear-time engine (RE2's
 * semantics, pure JavaScript, so the model in the playground runs the same
 * code as the servers). The Express `cors` package checks `instanceof RegExp`
 * and calls `test`, so the real middleware still decides, with a match whose
 * time grows with the Origin's length only. Which patterns it takes, and how
 * each is written for RE2: format/origin-pattern.ts.
 * https://github.com/expressjs/cors/blob/master/lib/index.js (isOriginAllowed)
 */
import { RE2JS } from 're2js';
import type { LinearPattern } from '../../format/origin-pattern.ts';
import { MAX_PATTERN_SIZE } from '../../format/limits.ts';

/**
 * Compiled patterns by their RE2 text and flags: every request of a run (and
 * every attendee of a class) carries the same plan, and compiling costs some
 * microseconds a character. An RE2JS pattern keeps no match state, so one
 * serves every request. Bounded by size, oldest out first: about 10 MB.
 */
const compiled = new Map<string, { engine: RE2JS; size: number }>();
const CACHE_SIZE = 10 * MAX_PATTERN_SIZE;
let cachedSize = 0;

function engineOf(pattern: LinearPattern): RE2JS {
  const key = `${Number(pattern.caseInsensitive)}${Number(pattern.multiline)}${pattern.re2}`;
  const known = compiled.get(key);
  if (known) return known.engine;
  const flags = (pattern.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0) | (pattern.multiline ? RE2JS.MULTILINE : 0);
  const engine = RE2JS.compile(pattern.re2, flags);
  for (const [oldest, entry] of compiled) {
    if (cachedSize + pattern.size <= CACHE_SIZE) break;
    compiled.delete(oldest);
    cachedSize -= entry.size;
  }
  compiled.set(key, { engine, size: pattern.size });
  cachedSize += pattern.size;
  return engine;
}

export class LinearRegExp extends RegExp {
  readonly #engine: RE2JS;

  constructor(pattern: LinearPattern) {
    // JavaScript compiles the pattern too (cheap, never run), so `source`, `flags` and `toString` stay the plan's.
    super(pattern.source, pattern.flags);
    this.#engine = engineOf(pattern);
  }

  override test(input: string): boolean {
    return this.#engine.test(String(input));
  }

  /** The first match and its groups (names are not kept); every RegExp method that reads a match comes here. */
  override exec(input: string): RegExpExecArray | null {
    const text = String(input);
    const matcher = this.#engine.matcher(text);
    if (!matcher.find()) return null;
    const groups: Array<string | undefined> = [];
    for (let i = 0; i <= matcher.groupCount(); i++) groups.push(matcher.group(i) ?? undefined);
    return Object.assign(groups, { index: matcher.start(), input: text, groups: undefined }) as RegExpExecArray;
  }
}
