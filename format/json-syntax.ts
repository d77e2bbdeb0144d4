/**
 * Where a JSON text first breaks RFC 8259, in words and as line and column.
 * V8's own messages give a character position at best, and for an unexpected
 * token none at all (it quotes the whole text instead), so files get this
 * scanner's answer. It runs only after JSON.parse has failed, without
 * recursion, so deep nesting cannot overflow the stack.
 * https://www.rfc-editor.org/rfc/rfc8259#section-2
 */

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in characters (code points) from the start of the line. */
  column: number;
}

export interface JsonSyntaxProblem extends TextPosition {
  message: string;
}

/** Line and column of a UTF-16 offset in `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
}

type State = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function shown(text: string, at: number): string {
  const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(char) ? `'${char}'` : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The offset just past a string starting at `start` (a `"`), or a problem. */
function scanString(text: string, start: number): number | { offset: number; message: string } {
  let i = start + 1;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') return i + 1;
    if (char.charCodeAt(0) < 0x20) return { offset: i, message: `control character ${shown(text, i)} in a string: write it as an escape such as \\n or \\u0000` };
    if (char === '\\') {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, message: 'bad \\u escape: it needs four hex digits' };
        i += 6;
      } else if (next !== undefined && ESCAPES.has(next)) i += 2;
      else return { offset: i, message: `bad escape \\${next ?? ''} in a string` };
    } else i++;
  }
  return { offset: start, message: 'string never closed: a " is missing' };
}

/** The first syntax problem of `text`, or null when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  const open: Array<'[' | '{'> = [];
  let state: State = 'value';
  let afterComma = false;
  let i = 0;
  const problem = (message: string, at = i): JsonSyntaxProblem => ({ ...positionAt(text, at), message });
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
    if (i >= text.length) {
      if (state === 'after' && open.length === 0) return null;
      return problem(open.length ? `unexpected end of file: ${open.length} unclosed ${open.map((c) => `'${c}'`).join(' ')}` : 'unexpected end of file: a value is missing');
    }
    const char = text[i]!;
    const top = open.at(-1);
    if ((state === 'value-or-close' && char === ']') || (state === 'key-or-close' && char === '}')) {
      open.pop();
      i++;
      state = 'after';
      continue;
    }
    if (state === 'value' || state === 'value-or-close') {
      if (char === '{' || char === '[') {
        open.push(char);
        i++;
        state = char === '{' ? 'key-or-close' : 'value-or-close';
      } else if (char === '"') {
        const end = scanString(text, i);
        if (typeof end !== 'number') return problem(end.message, end.offset);
        i = end;
        state = 'after';
      } else if (char === '-' || (char >= '0' && char <= '9')) {
        NUMBER.lastIndex = i;
        const match = NUMBER.exec(text);
        if (!match) return problem(`bad number starting ${shown(text, i)}`);
        i += match[0].length;
        state = 'after';
      } else {
        const literal = LITERALS.find((word) => text.startsWith(word, i));
        if (!literal) return problem(afterComma && (char === ']' || char === '}') ? `trailing comma before ${shown(text, i)}` : `unexpected ${shown(text, i)}: expected a value`);
        i += literal.length;
        state = 'after';
      }
      afterComma = false;
    } else if (state === 'key' || state === 'key-or-close') {
      if (char !== '"') return problem(afterComma && char === '}' ? "trailing comma before '}'" : `unexpected ${shown(text, i)}: expected a property name in double quotes`);
      const end = scanString(text, i);
      if (typeof end !== 'number') return problem(end.message, end.offset);
      i = end;
      state = 'colon';
      afterComma = false;
    } else if (state === 'colon') {
      if (char !== ':') return problem(`unexpected ${shown(text, i)}: expected ':' after the property name`);
      i++;
      state = 'value';
    } else {
      if (top === undefined) return problem(`unexpected ${shown(text, i)} after the end of the JSON value`);
      const close = top === '[' ? ']' : '}';
      if (char === ',') {
        i++;
        state = top === '[' ? 'value' : 'key';
        afterComma = true;
      } else if (char === close) {
        open.pop();
        i++;
      } else return problem(`unexpected ${shown(text, i)}: expected ',' or '${close}'`);
    }
  }
}

/**
 * The line of each experiment in a valid JSON text: of the top-level object,
 * or of each object directly inside a top-level array (other values get no
 * line; validation refuses them anyway).
 */
export function topLevelObjectLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inArray = false;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (char === '{' && (depth === 0 || (depth === 1 && inArray))) lines.push(line);
      if (depth === 0) inArray = char === '[';
      depth++;
    } else if (char === '}' || char === ']') depth--;
  }
  return lines;
}
