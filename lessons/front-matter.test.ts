/** The front matter parser: strict JSON, with the file line of every value. */
import { describe, expect, it } from 'vitest';
import { FrontMatterError, lineOfPath, parsePositionedJson, splitLesson } from './front-matter.ts';

function failure(text: string): string {
  try {
    parsePositionedJson(text);
  } catch (error) {
    if (error instanceof FrontMatterError) return error.message;
    throw error;
  }
  return 'parsed';
}

describe('parsePositionedJson', () => {
  it('reads what JSON.parse reads', () => {
    const text = '{ "a": [1, -2.5e3, true, false, null], "b": { "c": "x\\n\\u00e9\\"" }, "d": [] , "e": {} }';
    expect(parsePositionedJson(text).value).toEqual(JSON.parse(text));
  });

  it('refuses what JSON refuses, with the line', () => {
    expect(failure('{\n  "a": 1,\n}')).toBe('line 3: invalid JSON: expected a property name in double quotes, found "}"');
    expect(failure("{ 'a': 1 }")).toBe(`line 1: invalid JSON: expected a property name in double quotes, found "'"`);
    expect(failure('{ "a": "line\nbreak" }')).toBe('line 1: invalid JSON: expected a string (control characters must be escaped), found "\\""');
    expect(failure('{ "a": 01 }')).toBe('line 1: invalid JSON: expected "," or "}", found "1"');
    expect(failure('{ "a": tru }')).toBe('line 1: invalid JSON: expected a value (object, array, string, number, true, false or null), found "t"');
    expect(failure('{ "a": [1 2] }')).toBe('line 1: invalid JSON: expected "," or "]", found "2"');
    expect(failure('{ "a": 1 } x')).toBe('line 1: invalid JSON: expected nothing after the front matter object, found "x"');
    expect(failure('{ "a": ')).toBe('line 1: invalid JSON: expected a value (object, array, string, number, true, false or null), found the end of the front matter');
  });

  it('records the line of each value, and the parent line for a missing one', () => {
    const { lines } = parsePositionedJson('{\n  "a": {\n    "b": [\n      1,\n      2\n    ]\n  }\n}', 10);
    expect(lineOfPath(lines, ['a', 'b', 1])).toBe(14);
    expect(lineOfPath(lines, ['a', 'b'])).toBe(12);
    expect(lineOfPath(lines, ['a', 'missing'])).toBe(11);
    expect(lineOfPath(lines, [])).toBe(10);
  });
});

describe('splitLesson', () => {
  it('splits front matter and body, with file lines, and accepts CRLF and a BOM', () => {
    const split = splitLesson('\uFEFF---\r\n{\r\n  "id": "x"\r\n}\r\n---\r\n# Title\r\nText');
    expect(split.data).toEqual({ id: 'x' });
    expect(lineOfPath(split.lines, ['id'])).toBe(3);
    expect(split.body).toBe('# Title\nText');
    expect(split.bodyLine).toBe(6);
  });
});
