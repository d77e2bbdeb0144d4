/**
 * A plan's `/regular expression/` origin (Express `cors`, written in JSON as
 * `/pattern/flags`) is matched by a linear-time engine, RE2's semantics
 * (https://github.com/google/re2/wiki/Syntax), never by the backtracking
 * JavaScript engine: any page can send any Origin, and on JavaScript's engine
 * `/^(a+)+$/` takes hours on forty characters. So the answer, and the time it
 * takes, depend on the pattern and the Origin only, never on a clock or on how
 * busy the machine is: servers, model, playground and CLI follow this one rule.
 *
 * This module decides which patterns that rule accepts (a synchronous check
 * for the schema, without the engine) and writes each accepted pattern in
 * RE2's syntax with JavaScript's meaning. Refused, with the reason:
 *   - backreferences and lookaround: no linear-time engine has them;
 *   - flags g and y (`RegExp#test` then remembers `lastIndex`, so a real
 *     server's answer would alternate between requests) and v (set notation);
 *   - `\p{...}`, `(?i:...)` modifiers, and characters beyond ASCII: a serialized
 *     origin is ASCII (https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin),
 *     and it keeps case-insensitive matching the same in both engines;
 *   - a repetition count above 1000 (RE2's limit), nested ones included.
 * Where the two engines read the same text differently, it is rewritten:
 * `\s` and `.` get JavaScript's sets, `\a`-style identity escapes become the
 * letter, `\0`, `\cX`, `\xHH`, `\uHHHH` become `\x{...}`, Annex B's lone `{`,
 * `}` and `]` become literals, `[]` and `[^]` become never and always.
 * https://tc39.es/ecma262/#sec-regular-expressions-patterns
 */
import type { Problem } from './problems/index.ts';
import { MAX_PATTERN_SIZE } from './limits.ts';

/** Express `cors` takes a RegExp for `origin`; in JSON it is written `/pattern/flags`. */
export const REGEX_LITERAL = /^\/(.*)\/([dgimsuvy]*)$/s;

/** RE2 refuses a repetition count, or a product of nested ones, above this. */
export const MAX_REPEAT = 1000;

/** A pattern written in RE2's syntax, with the flags RE2 needs beside it. */
export interface LinearPattern {
  source: string;
  flags: string;
  re2: string;
  /** Characters and classes, counts expanded: what compiling it costs (MAX_PATTERN_SIZE). */
  size: number;
  /**
   * RE2's own flags: `i` folds ASCII alike in both engines; `m` differs only on
   * \r, U+2028 and U+2029, which no header value holds.
   */
  caseInsensitive: boolean;
  multiline: boolean;
}

/** JavaScript's WhiteSpace and LineTerminator, what `\s` matches: https://tc39.es/ecma262/#sec-compiletocharset */
const JS_SPACE: ReadonlyArray<[number, number]> = [
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];
const MAX_CODE_POINT = 0x10ffff;

const hex = (code: number): string => `\\x{${code.toString(16)}}`;
const rangesText = (ranges: ReadonlyArray<[number, number]>): string =>
  ranges.map(([low, high]) => (low === high ? hex(low) : `${hex(low)}-${hex(high)}`)).join('');

function complement(ranges: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [low, high] of ranges) {
    if (low > next) out.push([next, low - 1]);
    next = high + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

const SPACE_RANGES = rangesText(JS_SPACE);
const NOT_SPACE_RANGES = rangesText(complement(JS_SPACE));
/** JavaScript's `.` without the s flag: anything but a line terminator. */
const DOT = `[^${rangesText([[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]])}]`;
const NEVER = `[^\\x{0}-\\x{10ffff}]`;
/** `\t`, `\n`, `\v`, `\f`, `\r`, `\0`: written as code points, since RE2 reads some letters otherwise. */
const CONTROL_ESCAPES: Readonly<Record<string, number>> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, '0': 0x00 };
const ALWAYS = `[\\x{0}-\\x{10ffff}]`;

/** Why a pattern is refused; the caller adds the field (zod's path, or the PlanError's). */
class Refusal extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

/** One atom of a character class: a single character, or a set (`\d`, `\s`) that can not end a range. */
type ClassAtom = { char: number } | { set: string };

/** Reads one JavaScript pattern (already compiled by `new RegExp`, so its syntax is valid) and writes it for RE2. */
class Translator {
  #at = 0;
  #out = '';
  /**
   * RE2 bounds nested counts as one product (`(a{100}){20}` is 2000): the
   * largest product inside each open group, the root first, and inside the last atom.
   */
  readonly #inner: number[] = [1];
  #last = 1;
  /** The same for the size, counts expanded: each open group's so far, and the last atom's. */
  readonly #sizes: number[] = [0];
  #lastSize = 0;

  constructor(
    readonly pattern: string,
    readonly text: string,
    readonly flags: string,
  ) {}

  refuse(problem: Problem): never {
    throw new Refusal(problem);
  }

  get #unicode(): boolean {
    return this.flags.includes('u');
  }

  translate(): string {
    for (const char of this.text) {
      if (char.codePointAt(0)! > 0x7f) this.refuse({ code: 'regexNonAscii', pattern: this.pattern, construct: char });
    }
    while (this.#at < this.text.length) this.#term();
    return this.#out;
  }

  get size(): number {
    return this.#sizes[0]!;
  }

  #term(): void {
    const { text } = this;
    const char = text[this.#at]!;
    if (char === '\\') return this.#escape();
    if (char === '[') return this.#charClass();
    if (char === '(') return this.#openGroup();
    if (char === ')') {
      this.#at++;
      this.#out += ')';
      this.#done(this.#inner.pop() ?? 1, this.#sizes.pop() ?? 0);
      return;
    }
    if (char === '*' || char === '+' || char === '?') return this.#quantifier(char, null);
    const bounds = char === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(text.slice(this.#at)) : null;
    // Annex B: a "{" that starts no count is a literal (`/a{/`, `/{page}/`).
    if (bounds) return this.#quantifier(bounds[0], bounds[3] ? Number(bounds[3]) : Number(bounds[1]));
    this.#at++;
    if (char === '|' || char === '^' || char === '$') {
      this.#out += char;
      return;
    }
    if (char === '.') return this.#atom(this.flags.includes('s') ? ALWAYS : DOT);
    this.#atom(literal(char.codePointAt(0)!));
  }

  #atom(written: string): void {
    this.#out += written;
    this.#done(1, 1);
  }

  /** An atom (or a group) ended; `inner` is the largest product of counts inside it, `size` its size. */
  #done(inner: number, size: number): void {
    this.#last = inner;
    this.#lastSize = size;
    const top = this.#inner.length - 1;
    this.#inner[top] = Math.max(this.#inner[top]!, inner);
    this.#sizes[top]! += size;
  }

  /** `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy: RE2 has them all, with counts up to MAX_REPEAT. */
  #quantifier(written: string, count: number | null): void {
    this.#at += written.length;
    const product = count ? count * this.#last : this.#last;
    if (product > MAX_REPEAT) this.refuse({ code: 'regexRepeat', pattern: this.pattern, max: MAX_REPEAT });
    // The atom is already counted once; a count repeats it (`{2,}` is two and a loop, so counted as three).
    const copies = count === null ? 1 : written.endsWith(',}') ? count + 1 : count;
    const top = this.#inner.length - 1;
    this.#inner[top] = Math.max(this.#inner[top]!, product);
    this.#sizes[top]! += this.#lastSize * (copies - 1);
    this.#last = product;
    this.#lastSize *= copies;
    this.#out += written;
    if (this.text[this.#at] === '?') {
      this.#at++;
      this.#out += '?';
    }
  }

  #openGroup(): void {
    const rest = this.text.slice(this.#at);
    const lookaround = /^\(\?(=|!|<=|<!)/.exec(rest);
    if (lookaround) this.refuse({ code: 'regexLookaround', pattern: this.pattern, construct: lookaround[0] });
    const named = /^\(\?<[^>]*>/.exec(rest);
    const open = named?.[0] ?? (rest.startsWith('(?:') ? '(?:' : rest.startsWith('(?') ? null : '(');
    if (open === null) {
      this.refuse({ code: 'regexModifiers', pattern: this.pattern, construct: /^\(\?[^:)]*:?/.exec(rest)![0] });
    }
    this.#at += open.length;
    // A name only labels a capture; RE2's names are narrower than JavaScript's, and `test` never reads them.
    this.#out += open === '(?:' ? '(?:' : '(';
    this.#inner.push(1);
    this.#sizes.push(0);
  }

  /** An escape outside a class. */
  #escape(): void {
    const next = this.text[this.#at + 1]!;
    if (next === 'b' || next === 'B') {
      // A word boundary, ASCII `\w` on both sides in both engines.
      this.#at += 2;
      this.#out += `\\${next}`;
      return;
    }
    // Annex B: without named groups and the u flag, `\k` is a "k".
    if (/[1-9]/.test(next) || (next === 'k' && (this.#unicode || /\(\?<[^=!]/.test(this.text)))) {
      const construct = /^\\(\d+|k(<[^>]*>)?)/.exec(this.text.slice(this.#at))![0];
      this.refuse({ code: 'regexBackreference', pattern: this.pattern, construct });
    }
    const atom = this.#classEscape(false);
    this.#atom('set' in atom ? `[${atom.set}]` : literal(atom.char));
  }

  /** An escape that means one character or one set, in or out of a class. */
  #classEscape(inClass: boolean): ClassAtom {
    const { text } = this;
    const rest = text.slice(this.#at);
    const next = rest[1]!;
    const take = (length: number): void => void (this.#at += length);
    if (next === 'd' || next === 'D' || next === 'w' || next === 'W') {
      take(2);
      // ASCII in both engines: [0-9], [0-9A-Za-z_] (RE2's Perl classes).
      return { set: `\\${next}` };
    }
    if (next === 's' || next === 'S') {
      take(2);
      return { set: next === 's' ? SPACE_RANGES : NOT_SPACE_RANGES };
    }
    if (next === 'p' || next === 'P') {
      const construct = /^\\[pP](\{[^}]*\})?/.exec(rest)![0];
      if (this.#unicode) this.refuse({ code: 'regexUnicodeProperty', pattern: this.pattern, construct });
      take(2);
      return { char: next.charCodeAt(0) };
    }
    if (inClass && next === 'b') {
      take(2);
      return { char: 0x08 };
    }
    if (/[1-9]/.test(next) || (next === '0' && /[0-9]/.test(rest[2] ?? ''))) {
      // In a class (or past the group count, outside one) Annex B reads these as octal escapes.
      this.refuse({ code: 'regexBackreference', pattern: this.pattern, construct: /^\\\d+/.exec(rest)![0] });
    }
    const control = CONTROL_ESCAPES[next];
    if (control !== undefined) {
      take(2);
      return { char: control };
    }
    const controlLetter = /^\\c([A-Za-z])/.exec(rest);
    if (controlLetter) {
      take(3);
      return { char: controlLetter[1]!.charCodeAt(0) % 32 };
    }
    const braced = this.#unicode ? /^\\u\{([0-9A-Fa-f]+)\}/.exec(rest) : null;
    const code = /^\\x([0-9A-Fa-f]{2})/.exec(rest) ?? /^\\u([0-9A-Fa-f]{4})/.exec(rest) ?? braced;
    if (code) {
      const value = parseInt(code[1]!, 16);
      if (value > 0x7f) this.refuse({ code: 'regexNonAscii', pattern: this.pattern, construct: code[0] });
      take(code[0].length);
      return { char: value };
    }
    if (next === 'c') {
      // Annex B: `\c` without a letter is a backslash and a "c" (in a class, also `\c_` and `\c0`-style are control).
      const classControl = inClass ? /^\\c([0-9_])/.exec(rest) : null;
      if (classControl) {
        take(3);
        return { char: classControl[1]!.charCodeAt(0) % 32 };
      }
      take(1);
      return { char: 0x5c };
    }
    // An identity escape: the character itself (`\/`, `\.`, and in Annex B `\a` is "a", not RE2's bell).
    take(2);
    return { char: next.codePointAt(0)! };
  }

  #charClass(): void {
    const { text } = this;
    this.#at++;
    const negated = text[this.#at] === '^';
    if (negated) this.#at++;
    let body = '';
    let empty = true;
    while (text[this.#at] !== ']') {
      const first = this.#classAtom();
      empty = false;
      if (text[this.#at] === '-' && text[this.#at + 1] !== ']' && this.#at + 1 < text.length) {
        const dash = this.#at;
        this.#at++;
        const second = this.#classAtom();
        if ('char' in first && 'char' in second) {
          body += `${literal(first.char)}-${literal(second.char)}`;
          continue;
        }
        // Annex B: a set at either end makes the "-" a literal ("[\d-z]" is a digit, "-" or "z").
        body += `${classText(first)}${literal(text.charCodeAt(dash))}${classText(second)}`;
        continue;
      }
      body += classText(first);
    }
    this.#at++;
    if (empty) return this.#atom(negated ? ALWAYS : NEVER);
    this.#atom(`[${negated ? '^' : ''}${body}]`);
  }

  #classAtom(): ClassAtom {
    const char = this.text[this.#at]!;
    if (char === '\\') return this.#classEscape(true);
    this.#at++;
    return { char: char.codePointAt(0)! };
  }
}

function classText(atom: ClassAtom): string {
  return 'set' in atom ? atom.set : literal(atom.char);
}

/** One character, written so RE2 reads it as itself in or out of a class. */
function literal(code: number): string {
  if (code >= 0x30 && code <= 0x39) return String.fromCharCode(code);
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return String.fromCharCode(code);
  return hex(code);
}

/** A pattern as a message shows it: whole, or its first 100 characters when longer (a message is read, not a dump). */
function shown(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}

/** The text and flags of a `/pattern/flags` string, or null when the string is not one. */
export function patternParts(value: string): { text: string; flags: string } | null {
  const match = REGEX_LITERAL.exec(value);
  return match ? { text: match[1] ?? '', flags: match[2] ?? '' } : null;
}

/**
 * Patterns already read, by their `/pattern/flags` text: every request of a run
 * (every attendee of a class) carries the same plan, and the schema and the
 * middleware both ask. Bounded in count and in the length of what it keeps.
 */
const read = new Map<string, LinearPattern | Problem>();
const READ_COUNT = 1000;
const READ_LENGTH = 1000;

/**
 * The pattern in RE2's syntax, or the problem that refuses it. Only patterns
 * JavaScript compiles are considered (the message is JavaScript's own).
 */
export function linearPattern(value: string): LinearPattern | Problem {
  const known = read.get(value);
  if (known) return known;
  const pattern = readPattern(value);
  if (value.length <= READ_LENGTH) {
    if (read.size >= READ_COUNT) read.delete(read.keys().next().value!);
    read.set(value, pattern);
  }
  return pattern;
}

function readPattern(value: string): LinearPattern | Problem {
  const parts = patternParts(value);
  if (!parts) return { code: 'regexSyntax', pattern: shown(value), message: 'not a /pattern/flags string' };
  const { text, flags } = parts;
  // Longer than any pattern the size bound lets through in practice: refused before it is read.
  if (text.length > 4 * MAX_PATTERN_SIZE) return { code: 'regexSize', pattern: shown(value), max: MAX_PATTERN_SIZE };
  try {
    new RegExp(text, flags);
  } catch (error) {
    // V8 says `Invalid regular expression: /pattern/flags: why`; past 200 characters, only the why.
    const { message } = error as Error;
    const why = message.length > 200 ? message.slice(message.lastIndexOf(': ') + 2) : message;
    return { code: 'regexSyntax', pattern: shown(value), message: why };
  }
  const stateful = /[gyv]/.exec(flags);
  if (stateful) return { code: 'regexFlag', pattern: shown(value), flag: stateful[0] };
  try {
    const translator = new Translator(shown(value), text, flags);
    const re2 = translator.translate();
    if (translator.size > MAX_PATTERN_SIZE) return { code: 'regexSize', pattern: shown(value), max: MAX_PATTERN_SIZE };
    return {
      source: text,
      flags,
      re2,
      size: translator.size,
      caseInsensitive: flags.includes('i'),
      multiline: flags.includes('m'),
    };
  } catch (error) {
    if (error instanceof Refusal) return error.problem;
    throw error;
  }
}

/**
 * Why each `/pattern/flags` origin of a plan is refused, by its index in the
 * list: those the linear engine does not take, and the one that brings the
 * plan's total over MAX_PATTERN_SIZE. Strings that are no pattern are skipped.
 */
export function originPatternIssues(values: readonly string[]): Map<number, Problem> {
  const issues = new Map<number, Problem>();
  let total = 0;
  values.forEach((value, index) => {
    if (!patternParts(value)) return;
    const pattern = linearPattern(value);
    if ('code' in pattern) return void issues.set(index, pattern);
    total += pattern.size;
    if (total <= MAX_PATTERN_SIZE) return;
    issues.set(index, { code: 'regexSize', pattern: shown(value), max: MAX_PATTERN_SIZE });
  });
  return issues;
}

/** Why one `/pattern/flags` origin is refused, or null when the linear engine takes it. */
export const originPatternIssue = (value: string): Problem | null => originPatternIssues([value]).get(0) ?? null;
