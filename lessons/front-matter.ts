/**
 * A lesson file is JSON front matter between two `---` lines, then Markdown:
 *
 *     ---
 *     { "id": "the-preflight", ... }
 *     ---
 *     # The preflight
 *
 * JSON rather than YAML: strict, no dependency, the same in Node and the
 * browser. This small parser is strict JSON (RFC 8259) that also remembers
 * the line of every value, so a message can say `file.md:12: predict.x: ...`.
 * Strings and numbers are decoded by JSON.parse itself, so they mean exactly
 * what JSON says.
 */

export class FrontMatterError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'FrontMatterError';
  }
}

export interface SplitLesson {
  /** The parsed front matter. */
  data: unknown;
  /** Line (1-based, in the whole file) where each value starts, by path key; read with lineOfPath. */
  lines: Record<string, number>;
  /** The Markdown after the closing `---`. */
  body: string;
  /** Line of the body's first line in the file. */
  bodyLine: number;
}

const FENCE = '---';

/** Splits a lesson file and parses its front matter; throws FrontMatterError with a file line. */
export function splitLesson(text: string): SplitLesson {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== FENCE) throw new FrontMatterError(1, `a lesson starts with a "${FENCE}" line, then JSON front matter, then "${FENCE}"`);
  const close = lines.indexOf(FENCE, 1);
  if (close === -1) throw new FrontMatterError(lines.length, `the front matter is not closed by a "${FENCE}" line`);
  const json = lines.slice(1, close).join('\n');
  const { value, lines: valueLines } = parsePositionedJson(json, 2);
  return { data: value, lines: valueLines, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

function pathKey(path: readonly PropertyKey[]): string {
  return JSON.stringify(path.map(String));
}

/** The line of the value at `path`, or of its nearest parent when the path is missing (a field not written). */
export function lineOfPath(lines: Readonly<Record<string, number>>, path: readonly PropertyKey[]): number {
  for (let n = path.length; n >= 0; n--) {
    const line = lines[pathKey(path.slice(0, n))];
    if (line !== undefined) return line;
  }
  return 1;
}

/** Strict JSON with the line of each value. `firstLine` is the file line of the text's first line. */
export function parsePositionedJson(text: string, firstLine = 1): { value: unknown; lines: Record<string, number> } {
  const lines: Record<string, number> = {};
  let at = 0;
  const newlines = [...text.matchAll(/\n/g)].map((m) => m.index);
  /** Lines before `index` = newlines before it (binary search). */
  const lineAt = (index: number): number => {
    let [low, high] = [0, newlines.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((newlines[mid] ?? Infinity) < index) low = mid + 1;
      else high = mid;
    }
    return firstLine + low;
  };
  const fail = (what: string): never => {
    const found = at < text.length ? `found ${JSON.stringify(text[at])}` : 'found the end of the front matter';
    throw new FrontMatterError(lineAt(at), `invalid JSON: expected ${what}, ${found}`);
  };
  const skipSpace = (): void => {
    while (at < text.length && ' \t\r\n'.includes(text[at] ?? '')) at++;
  };
  const expect = (char: string): void => {
    if (text[at] !== char) fail(JSON.stringify(char));
    at++;
  };
  const token = (pattern: RegExp, what: string): unknown => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) return fail(what);
    at += match[0].length;
    return JSON.parse(match[0]);
  };
  const STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const LITERAL = /true|false|null/y;

  const value = (path: string[]): unknown => {
    skipSpace();
    lines[JSON.stringify(path)] = lineAt(at);
    const char = text[at];
    if (char === '{') {
      at++;
      const object: Record<string, unknown> = {};
      skipSpace();
      if (text[at] === '}') return at++, object;
      for (;;) {
        skipSpace();
        const key = token(STRING, 'a property name in double quotes') as string;
        if (Object.hasOwn(object, key)) throw new FrontMatterError(lineAt(at), `invalid JSON: property ${JSON.stringify(key)} appears twice`);
        skipSpace();
        expect(':');
        object[key] = value([...path, key]);
        skipSpace();
        if (text[at] === ',') at++;
        else if (text[at] === '}') return at++, object;
        else fail('"," or "}"');
      }
    }
    if (char === '[') {
      at++;
      const array: unknown[] = [];
      skipSpace();
      if (text[at] === ']') return at++, array;
      for (;;) {
        array.push(value([...path, String(array.length)]));
        skipSpace();
        if (text[at] === ',') at++;
        else if (text[at] === ']') return at++, array;
        else fail('"," or "]"');
      }
    }
    if (char === '"') return token(STRING, 'a string (control characters must be escaped)');
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return token(NUMBER, 'a number');
    return token(LITERAL, 'a value (object, array, string, number, true, false or null)');
  };

  const result = value([]);
  skipSpace();
  if (at < text.length) fail('nothing after the front matter object');
  return { value: result, lines };
}
