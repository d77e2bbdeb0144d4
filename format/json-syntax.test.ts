/** The syntax scanner agrees with JSON.parse on what is valid, and places problems where they are. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../experiments/catalog/index.ts';
import { findJsonSyntaxProblem, positionAt, topLevelObjectLines } from './json-syntax.ts';

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLES = [
  JSON.stringify(catalog.slice(0, 3), null, 2),
  '{"a":[1,-2.5e+3,true,false,null,"x\\u00e9\\n\\"",{}],"b":{"c":[]}}',
  '  [ 0 , 1.0 , -0 , "\\/" ]  ',
];
const PIECES = ['{', '}', '[', ']', ',', ':', '"', '\\', '0', '-', '.', 'e', 't', 'n', ' ', '\n', '\u0001', "'", 'x'];

describe('findJsonSyntaxProblem', () => {
  it('says nothing about valid JSON', () => {
    for (const text of SAMPLES) expect(findJsonSyntaxProblem(text)).toBeNull();
  });

  it('finds a problem exactly when JSON.parse refuses, over 3,000 mutated texts', () => {
    const next = random(7);
    let refused = 0;
    for (let n = 0; n < 3000; n++) {
      let text = SAMPLES[n % SAMPLES.length]!;
      for (let k = 0; k < 1 + Math.floor(next() * 3); k++) {
        const at = Math.floor(next() * text.length);
        const piece = PIECES[Math.floor(next() * PIECES.length)]!;
        const how = next();
        text = how < 0.4 ? text.slice(0, at) + text.slice(at + 1) : how < 0.8 ? text.slice(0, at) + piece + text.slice(at) : text.slice(0, at);
      }
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
        refused++;
      }
      expect(findJsonSyntaxProblem(text) === null, text).toBe(valid);
    }
    expect(refused).toBeGreaterThan(1000);
  });

  it('counts columns in characters and lines from 1', () => {
    expect(positionAt('ab\n跨域x', 6)).toEqual({ line: 2, column: 4 });
    expect(findJsonSyntaxProblem('{\n "😀": tru }')).toMatchObject({ line: 2, column: 7 });
  });
});

describe('topLevelObjectLines', () => {
  it('finds the line of each experiment, not of braces in strings or nested objects', () => {
    expect(topLevelObjectLines('[\n  {"a": "{\\"}"},\n\n  {"b": [{}], "c": {"d": 1}}\n]')).toEqual([2, 4]);
    expect(topLevelObjectLines('\n\n{"id": "x"}')).toEqual([3]);
  });
});
