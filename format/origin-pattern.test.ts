/**
 * The one rule for a plan's `/regular expression/` origins: patterns are
 * matched by a linear-time engine with JavaScript's meaning, or refused with
 * the reason; the answer depends on the pattern and the Origin, never on time.
 */
import { describe, expect, it } from 'vitest';
import { LinearRegExp } from '../plan/middleware/linear-regexp.ts';
import { linearPattern, MAX_REPEAT, originPatternIssue, originPatternIssues } from './origin-pattern.ts';
import { MAX_PATTERN_SIZE } from './limits.ts';

function linear(value: string): LinearRegExp {
  const pattern = linearPattern(value);
  if ('code' in pattern) throw new Error(`${value} refused: ${pattern.code}`);
  return new LinearRegExp(pattern);
}

function native(value: string): RegExp {
  const [, text, flags] = /^\/(.*)\/([a-z]*)$/s.exec(value)!;
  return new RegExp(text!, flags);
}

/** Origins and junk a raw client can send (a header value is latin1: Node decodes bytes 0x80-0xFF one to a character). */
const INPUTS = [
  'http://localhost:5310', 'http://LOCALHOST:5310', 'http://evil.localhost:5314', 'https://example.com', 'https://example.com.attacker.net',
  'null', '', 'a', 'aaaa!', 'a b', 'a\tb', 'a\vb', 'a\u00a0b', 'a\u00ffb', '\u00b5', '{page}', 'u{2}', 'uu', 'k', '\\c', 'x-y', 'x]', '\x08', '_',
];

describe('origin patterns on the linear engine agree with JavaScript', () => {
  const written = [
    '/^http:\\/\\/localhost:\\d+$/', '/localhost/', '/^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$/i', '/\\.example\\.com$/', '/^HTTP:\\/\\/LOCALHOST/i',
    '/\\s/', '/\\S+/', '/[\\s]/', '/[^\\S]/', '/a.b/', '/a.b/s', '/^.*$/', '/[]/', '/[^]/', '/\\a/', '/a{,5}/', '/{page}/', '/[\\d-z]/', '/[x\\-y]/',
    '/\\cJ|\\c/', '/\\0/', '/\\x41|\\u0062/i', '/\\u{41}/u', '/\\u{2}/', '/(?<host>[a-z]+)\\.com/', '/\\bk\\B/', '/[\\b]/', '/\\k/', '/x]/',
    '/^a*?b??c+?$/', '/^(?:a|b){2,3}$/', '/a{2,}/', '/^$/m', '/^a$/m', '/\\w+\\W\\d\\D/', '/[^a-z0-9]/i', '/^null$/', '/\\//', '/(a{10}){100}/',
    '/^(a+)+$/', '/^(a|a)*$/', '/^(a|aa)+$/d', '/[\\u0041-\\u005a]/', '/[-a]/', '/[a-]/', '/_/',
  ];
  for (const value of written) {
    it(`${value} answers as RegExp#test does`, () => {
      const engine = linear(value);
      expect(engine).toBeInstanceOf(RegExp);
      for (const input of INPUTS) expect(engine.test(input), JSON.stringify(input)).toBe(native(value).test(input));
    });
  }

  it('agrees on 3,000 random small patterns and inputs (every one accepted compiles on RE2)', () => {
    // A fixed seed: the same cases every run.
    let seed = 15;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pick = <T>(items: readonly T[]): T => items[random(items.length)]!;
    const atoms = ['a', 'b', '.', '\\d', '\\w', '\\s', '\\S', '[ab]', '[^a]', '[a-c]', '\\.', '\\b', '-', ':', '/', '[]', '[^]'];
    const quantifiers = ['', '', '*', '+', '?', '{2}', '{1,3}', '{0,}', '*?', '{'];
    const term = (depth: number): string => {
      if (depth > 0 && random(4) === 0) return `(${random(2) ? '?:' : ''}${term(depth - 1)}|${term(depth - 1)})${pick(['', '*', '+', '?'])}`;
      return `${pick(atoms)}${pick(quantifiers)}${random(3) === 0 ? term(depth) : ''}`;
    };
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const anchored = `${random(2) ? '^' : ''}${term(2)}${random(2) ? '$' : ''}`;
      const value = `/${anchored}/${pick(['', 'i', 's', 'm', 'u', 'is'])}`;
      let reference: RegExp;
      try {
        reference = native(value);
      } catch {
        continue;
      }
      const engine = linear(value);
      const input = Array.from({ length: random(8) }, () => pick(['a', 'b', 'c', '1', ' ', '\n', '.', '-', ':', '/', 'A', '\u00a0'])).join('');
      expect(engine.test(input), `${value} on ${JSON.stringify(input)}`).toBe(reference.test(input));
      compared++;
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('exec finds the same match as JavaScript', () => {
    const found = linear('/([a-z]+)\\.example\\.com/').exec('https://api.example.com');
    expect(found && [...found]).toEqual(['api.example.com', 'api']);
    expect(found?.index).toBe(8);
    expect('https://api.example.com'.match(linear('/example/'))?.index).toBe(12);
  });
});

describe('a backtracking pattern costs what its Origin is long', () => {
  it('/^(a+)+$/ on forty, then 100,000 "a" and a "!": false every time (JavaScript would take hours on forty)', () => {
    const engine = linear('/^(a+)+$/');
    const answers = [40, 100_000].flatMap((length) => Array.from({ length: 5 }, () => engine.test(`${'a'.repeat(length)}!`)));
    expect(answers).toEqual(Array<boolean>(10).fill(false));
    expect(engine.test('a'.repeat(100_000))).toBe(true);
    // That it finished at all is the point: the backtracking engine would not finish the first 41 characters.
  });
});

describe('patterns the linear engine can not run the same are refused, each with its reason', () => {
  const cases: Array<[string, object]> = [
    ['/(a)\\1/', { code: 'regexBackreference', construct: '\\1' }],
    ['/(?<n>a)\\k<n>/', { code: 'regexBackreference', construct: '\\k<n>' }],
    ['/[\\1]/', { code: 'regexBackreference', construct: '\\1' }],
    ['/\\01/', { code: 'regexBackreference', construct: '\\01' }],
    ['/a(?=b)/', { code: 'regexLookaround', construct: '(?=' }],
    ['/a(?!b)/', { code: 'regexLookaround', construct: '(?!' }],
    ['/(?<=a)b/', { code: 'regexLookaround', construct: '(?<=' }],
    ['/(?<!a)b/', { code: 'regexLookaround', construct: '(?<!' }],
    ['/a/g', { code: 'regexFlag', flag: 'g' }],
    ['/a/y', { code: 'regexFlag', flag: 'y' }],
    ['/a/v', { code: 'regexFlag', flag: 'v' }],
    ['/\\p{L}/u', { code: 'regexUnicodeProperty', construct: '\\p{L}' }],
    ['/bücher\\.example/', { code: 'regexNonAscii', construct: 'ü' }],
    ['/\\u00e9/', { code: 'regexNonAscii', construct: '\\u00e9' }],
    ['/a{1001}/', { code: 'regexRepeat', max: MAX_REPEAT }],
    ['/(a{100}){11}/', { code: 'regexRepeat', max: MAX_REPEAT }],
    ['/((a{10}){10}){11}/', { code: 'regexRepeat', max: MAX_REPEAT }],
    ['/(/', { code: 'regexSyntax', message: 'Invalid regular expression: /(/: Unterminated group' }],
    [`/${'a'.repeat(300)}(/`, { code: 'regexSyntax', pattern: `/${'a'.repeat(99)}…`, message: 'Unterminated group' }],
  ];
  for (const [value, problem] of cases) {
    it(`${value}: ${JSON.stringify(problem)}`, () => {
      expect(originPatternIssue(value)).toMatchObject({ pattern: value.slice(0, 100), ...problem });
    });
  }

  it('/(?i:a)/ is refused: a syntax error before V8 12.5 (Node 20), a modifier group after (Chromium)', () => {
    expect(['regexSyntax', 'regexModifiers']).toContain(originPatternIssue('/(?i:a)/')?.code);
  });

  it('takes (a{10}){100} (1000, RE2 limit) and 300 patterns in a row, the same way every time', () => {
    expect(originPatternIssue('/(a{10}){100}/')).toBeNull();
    const many = Array.from({ length: 300 }, (_, i) => `/^http:\\/\\/host${i}\\.example:\\d+$/`);
    for (let round = 0; round < 5; round++) expect(originPatternIssues(many)).toEqual(new Map());
  });

  it(`bounds a plan's patterns at ${MAX_PATTERN_SIZE} characters and classes, counts expanded, naming the one past it`, () => {
    const sizeOf = (value: string): number => (linearPattern(value) as { size: number }).size;
    expect([sizeOf('/abc/'), sizeOf('/a{1000}/'), sizeOf('/(ab){3}c*/'), sizeOf('/a{2,}/'), sizeOf('/(a{10}){100}/'), sizeOf('/[a-z]+\\d?/')]).toEqual([3, 1000, 7, 3, 1000, 2]);
    const big = Array.from({ length: 11 }, (_, i) => `/a{1000}|${i}/`);
    expect([...originPatternIssues(big).entries()]).toEqual([[9, { code: 'regexSize', pattern: '/a{1000}|9/', max: MAX_PATTERN_SIZE }], [10, { code: 'regexSize', pattern: '/a{1000}|10/', max: MAX_PATTERN_SIZE }]]);
    // A pattern of a million characters is refused before it is read (no syntax check, no translation).
    const huge = `/${'\\.'.repeat(500_000)}/`;
    expect(originPatternIssue(huge)).toEqual({ code: 'regexSize', pattern: `${huge.slice(0, 100)}…`, max: MAX_PATTERN_SIZE });
    // The largest plan the bound lets through still compiles and answers on RE2.
    expect(linear('/(?:[a-z]{1000}){1}x{1000}(a{10}){100}b{999}/').test('b')).toBe(false);
  });
});
