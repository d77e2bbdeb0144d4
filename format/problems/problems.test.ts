import { describe, expect, it } from 'vitest';
import { FRAMING_HEADERS } from '../headers.ts';
import { ORIGIN_NAMES } from '../../plan/origins.ts';
import { englishWords, glossaryProblems } from '../i18n/zh-CN-rules.ts';
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
  unknownOrigin: { code: 'unknownOrigin', origin: 'apii', known: ORIGIN_NAMES, orNull: true },
  method: { code: 'method', method: 'P T' },
  statusWhole: { code: 'statusWhole' },
  statusRange: { code: 'statusRange', min: 200, max: 599 },
  requestPath: { code: 'requestPath' },
  tooManyRedirects: { code: 'tooManyRedirects', max: 20 },
  reason: { code: 'reason', reason: 'CorsOops' },
  engineReason: { code: 'engineReason', engine: 'firefox', reason: 'CORSOops' },
  headerNameToken: { code: 'headerNameToken' },
  xhrMode: { code: 'xhrMode' },
  xhrRedirect: { code: 'xhrRedirect' },
  bodyWithGet: { code: 'bodyWithGet' },
  crossoriginNotElement: { code: 'crossoriginNotElement', api: 'fetch' },
  pageHeaderName: { code: 'pageHeaderName', name: 'Set-Cookie', allowed: ['cross-origin-embedder-policy'] },
  pageHeaderSize: { code: 'pageHeaderSize', max: 512 },
  formMethod: { code: 'formMethod', method: 'PUT', allowed: ['GET', 'POST'] },
  formEnctype: { code: 'formEnctype', value: 'application/json', allowed: ['text/plain'] },
  beaconMethod: { code: 'beaconMethod', method: 'PUT' },
  sendingHeader: { code: 'sendingHeader', api: 'form', name: 'X-Token' },
  sendingRedirects: { code: 'sendingRedirects', api: 'beacon' },
  formNullPage: { code: 'formNullPage' },
  fieldApi: { code: 'fieldApi', field: 'targetOrigin', apis: ['postMessage'], api: 'fetch' },
  frameBody: { code: 'frameBody' },
  noopenerFramed: { code: 'noopenerFramed' },
  targetOrigin: { code: 'targetOrigin', value: 'evil' },
  acceptedOrigins: { code: 'acceptedOrigins', max: 8 },
  bodyBase64: { code: 'bodyBase64' },
  bodyBase64Size: { code: 'bodyBase64Size', max: 4096 },
  acceptOriginsCount: { code: 'acceptOriginsCount', max: 8 },
  socketRequestField: { code: 'socketRequestField', api: 'websocket', field: 'headers' },
  bodyAndBodyBase64: { code: 'bodyAndBodyBase64' },
  regexSyntax: { code: 'regexSyntax', pattern: '/(/', message: 'Invalid regular expression: /(/: Unterminated group' },
  regexFlag: { code: 'regexFlag', pattern: '/a/g', flag: 'g' },
  regexBackreference: { code: 'regexBackreference', pattern: '/(a)\\1/', construct: '\\1' },
  regexLookaround: { code: 'regexLookaround', pattern: '/a(?=b)/', construct: '(?=' },
  regexModifiers: { code: 'regexModifiers', pattern: '/(?i:a)/', construct: '(?i:' },
  regexUnicodeProperty: { code: 'regexUnicodeProperty', pattern: '/\\p{L}/u', construct: '\\p{L}' },
  regexNonAscii: { code: 'regexNonAscii', pattern: '/é/', construct: 'é' },
  regexRepeat: { code: 'regexRepeat', pattern: '/a{1001}/', max: 1000 },
  tooMany: { code: 'tooMany', count: 33, max: 32, unit: 'steps' },
  tooLong: { code: 'tooLong', length: 201, max: 200 },
  scriptBody: { code: 'scriptBody', step: 'then[1].request.api' },
  regexSize: { code: 'regexSize', pattern: '/a{1000}/', max: 10000 },
  wrongType: { code: 'wrongType', expected: 'number' },
  oneOf: { code: 'oneOf', values: ['loopback', 'local'] },
  emptyFile: { code: 'emptyFile' },
  notAnObject: { code: 'notAnObject' },
  duplicateId: { code: 'duplicateId', id: 'simple-get', source: 'a.json' },
  unknownFields: { code: 'unknownFields', keys: ['colour'] },
  expected: { code: 'expected', field: 'outcome', want: 'allowed', got: 'blocked' },
  expectedReadable: { code: 'expectedReadable', name: 'x-total' },
  expectedHidden: { code: 'expectedHidden', name: 'x-total' },
  predicted: { code: 'predicted', field: 'reason', want: 'PreflightMissingAllowOriginHeader', got: 'nothing' },
  journalEvicted: { code: 'journalEvicted', fullOf: { runs: 5000 }, client: '192.168.1.20' },
};

/**
 * The values a message is about (names, values, paths, fields, numbers): each language shows them as written.
 * A limit's `unit` (limits.ts) is not a value but a word, said in the reader's language, so it is left out.
 */
const kept = (problem: Problem): string[] =>
  Object.entries(problem)
    .filter(([key]) => key !== 'code' && key !== 'unit')
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([, value]) => String(value));

describe('problem messages', () => {
  it('say every problem in Chinese under zh-CN, keeping names, values and field paths as written', () => {
    for (const problem of Object.values(EVERY)) {
      const zh = problemText(problem, 'zh-CN');
      expect(zh, problem.code).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, problem.code).not.toBe(problemText(problem));
      expect(glossaryProblems(zh), problem.code).toEqual([]);
      // The values the problem names (lists too) are the reader's own words: only the sentence around them
      // is held to the rule. Longest first, so a name inside another (connection, proxy-connection) goes with it.
      const named = Object.entries(problem).flatMap(([key, value]) => (key === 'code' ? [] : [value].flat().map(String)));
      const sentence = named
        .sort((a, b) => b.length - a.length)
        .reduce((t, value) => t.replaceAll(JSON.stringify(value), '0').replaceAll(value, '0'), zh);
      expect(englishWords(sentence), `${problem.code}: ${zh}`).toEqual([]);
      for (const value of kept(problem)) {
        // A value may be shown JSON-quoted ("a\r\nb"), the same in both languages.
        const shown = problemText(problem).includes(JSON.stringify(value)) ? JSON.stringify(value) : value;
        expect(problemText(problem), problem.code).toContain(shown);
        expect(zh, problem.code).toContain(shown);
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
