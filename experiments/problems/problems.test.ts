import { describe, expect, it } from 'vitest';
import { FRAMING_HEADERS } from '../headers.ts';
import { ORIGIN_NAMES } from '../../servers/origins.ts';
import { problemText, type Problem, type ProblemCode } from './index.ts';

/** One problem of every code, with params a reader must see again in any language. */
const EVERY: Record<ProblemCode, Problem> = {
  emptyHeaderName: { code: 'emptyHeaderName' },
  headerName: { code: 'headerName', name: 'X Bad' },
  headerValueLine: { code: 'headerValueLine', value: 'a\r\nb' },
  headerValueBytes: { code: 'headerValueBytes', value: 'a\u0001' },
  framingHeader: { code: 'framingHeader', name: 'Content-Length', framing: FRAMING_HEADERS },
  pathStart: { code: 'pathStart' },
  pathAscii: { code: 'pathAscii', path: '/a b' },
  pathFragment: { code: 'pathFragment', path: '/a#b' },
  userinfo: { code: 'userinfo', userinfo: 'a@b' },
  unknownOriginToken: { code: 'unknownOriginToken', name: 'apii', known: ORIGIN_NAMES },
  latin1Body: { code: 'latin1Body' },
  nullBody: { code: 'nullBody', status: 204 },
  emptyFile: { code: 'emptyFile' },
  notAnObject: { code: 'notAnObject' },
  duplicateId: { code: 'duplicateId', id: 'simple-get', source: 'a.json' },
  unknownFields: { code: 'unknownFields', keys: ['colour'] },
  expected: { code: 'expected', field: 'outcome', want: 'allowed', got: 'blocked' },
  expectedReadable: { code: 'expectedReadable', name: 'x-total' },
  expectedHidden: { code: 'expectedHidden', name: 'x-total' },
  predicted: { code: 'predicted', field: 'reason', want: 'PreflightMissingAllowOriginHeader', got: 'nothing' },
};

/** The values a message is about, as the reader typed them (JSON-quoted names, values and paths, field names, origins). */
const kept = (problem: Problem): string[] =>
  Object.entries(problem)
    .filter(([key]) => key !== 'code' && key !== 'framing' && key !== 'known' && key !== 'keys')
    .map(([key, value]) => (['name', 'value', 'path', 'userinfo', 'id'].includes(key) && problem.code !== 'framingHeader' && problem.code !== 'unknownOriginToken' ? JSON.stringify(value) : String(value)));

describe('problem messages', () => {
  it('say every problem in Chinese under zh-CN, keeping names, values and field paths as written', () => {
    for (const problem of Object.values(EVERY)) {
      const zh = problemText(problem, 'zh-CN');
      expect(zh, problem.code).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, problem.code).not.toBe(problemText(problem));
      for (const value of kept(problem)) {
        expect(zh, problem.code).toContain(value);
        expect(problemText(problem), problem.code).toContain(value);
      }
    }
  });
  it('keep the English the CLI prints when no language is asked for', () => {
    expect(problemText(EVERY.headerName)).toBe(`invalid header name "X Bad": a name is a token (letters, digits and !#$%&'*+-.^_\`|~)`);
    expect(problemText(EVERY.predicted, 'en')).toBe('predicted.reason: predicted PreflightMissingAllowOriginHeader, observed nothing');
    expect(problemText(EVERY.unknownFields)).toBe('unknown field "colour"');
    expect(problemText({ code: 'unknownFields', keys: ['a', 'b'] })).toBe('unknown fields "a", "b"');
  });
});
