/** Text from the network or a plan cannot drive the terminal through any reporter of `cors-lab run`. */
import { describe, expect, it } from 'vitest';
import type { ExperimentResult, Observation, RunReport } from '../engines/run-result.ts';
import { REPORTERS } from '../cli/reporters.ts';
import { printableJson, printableLine, printableText } from './terminal-text.ts';

/** ESC sequences (CSI colour, OSC 52 clipboard write), the one-byte CSI U+009B, DEL, BS, CR, bidi override and isolate. */
const HOSTILE = 'x\u001b[31mred\u001b]52;c;ZXZpbA==\u0007\u009b2J\u007f\b\r\u202eevil\u2066y';
/** Any character a terminal acts on, or that reorders the line. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('printable text', () => {
  it('writes each control and bidi character as visible \\uXXXX text, and keeps the rest', () => {
    expect(printableText(HOSTILE)).toBe('x\\u001b[31mred\\u001b]52;c;ZXZpbA==\\u0007\\u009b2J\\u007f\\u0008\\u000d\\u202eevil\\u2066y');
    expect(printableText('line one\n\tline two, 中文 é')).toBe('line one\n\tline two, 中文 é');
  });

  it('keeps one field on one line', () => {
    expect(printableLine('a\nb\tc\r')).toBe('a\\u000ab\\u0009c\\u000d');
  });

  it('JSON: the same value parses back, with no raw DEL, C1 or bidi character', () => {
    const value = { text: HOSTILE, list: ['\u0085', '\u2069'] };
    const json = printableJson(value);
    expect(json).not.toMatch(UNSAFE);
    expect(JSON.parse(json)).toEqual(value);
  });
});

function result(id: string, pass: boolean): ExperimentResult {
  const observed: Observation = {
    outcome: 'blocked', reason: `Reason${HOSTILE}`, failedParameter: null, preflight: false, reachedServer: true, status: null, responseType: null,
    readableHeaders: { [`x-${HOSTILE}`]: HOSTILE }, originSeen: HOSTILE, requestHeadersSeen: null, cookieSent: false, pageError: HOSTILE, console: `Access to fetch ${HOSTILE}`, serverSaw: [],
  };
  return {
    id: `${id}${HOSTILE}`, title: `title ${HOSTILE}`, group: `g${HOSTILE}`, predicted: { outcome: 'allowed' }, observed, steps: [], pass,
    mismatches: pass ? [] : [`observed.reason: expected ${HOSTILE}, got X`], seconds: 0.25,
    explanation: { verdict: `verdict ${HOSTILE}`, console: HOSTILE, fix: `fix ${HOSTILE}`, mdn: null, firefox: null },
  };
}

const REPORT: RunReport = {
  browser: `chromium ${HOSTILE}`,
  origins: [],
  results: [result('one', true), result('two', false)],
  summary: { total: 2, passed: 1, failed: 1, seconds: 1.5 },
};

describe('every reporter of cors-lab run', () => {
  for (const name of Object.keys(REPORTERS) as Array<keyof typeof REPORTERS>) {
    it(`${name}: no control or bidi character of the plan or the network reaches the output`, () => {
      const out = REPORTERS[name](REPORT, new Map([[`two${HOSTILE}`, { file: `exp/${HOSTILE}.json`, line: 3 }]]));
      expect(out).not.toMatch(UNSAFE);
      // What was there is still shown, as text.
      expect(out).toContain('\\u001b]52;c;ZXZpbA==');
      expect(out).toContain('\\u009b2J');
    });
  }
});
