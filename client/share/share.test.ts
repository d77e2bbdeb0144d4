import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { problemText } from '../../format/problems/index.ts';
import { ExperimentError } from '../../format/validate.ts';
import { experimentFromHash, experimentHash, linkProblemText } from './experiment-link.ts';
import { curlPair, fetchSnippet } from './snippets.ts';
import { toBase64Url } from '../../plan/plan-url.ts';

const put = catalog.find((e) => e.id === 'preflight-custom-header-allowed')!;
const URL_ = 'http://localhost:5311/__cl/r/0/abc/';

describe('share links', () => {
  it('round-trip every catalog experiment', async () => {
    for (const e of catalog) expect(await experimentFromHash(experimentHash(e))).toEqual(e);
  });
  it('read nothing from an empty hash', async () => expect(await experimentFromHash('')).toBeNull());
  it('refuse a broken or invalid experiment with a message', async () => {
    await expect(experimentFromHash('#x=@@@')).rejects.toThrow(ExperimentError);
    await expect(experimentFromHash(`#x=${toBase64Url('{"id":"a"}')}`)).rejects.toThrow(/link: request: /);
  });
  it('refuse an origin pattern the linear engine does not take, naming the field, in the reader\'s language', async () => {
    const origin = ['{page}', '/^http:\\/\\/(a+)+$/', '/^(?!http:\\/\\/evil)/'];
    const link = experimentHash({ ...put, server: { middleware: { name: 'cors', options: { origin } } } });
    let error: unknown;
    try {
      await experimentFromHash(link);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ExperimentError);
    const problem = { code: 'regexLookaround', pattern: origin[2]!, construct: '(?!' } as const;
    expect(linkProblemText(error as ExperimentError, 'en')).toBe(`link: server.middleware.options.origin[2]: ${problemText(problem)}`);
    expect(linkProblemText(error as ExperimentError, 'zh-CN')).toBe(`link: server.middleware.options.origin[2]: ${problemText(problem, 'zh-CN')}`);
    expect(problemText(problem, 'zh-CN')).toContain('环视断言');
  });
});

describe('snippets', () => {
  it('fetch() carries the headers and only non-default options', () => {
    const code = fetchSnippet(put, URL_);
    expect(code).toContain(`fetch("${URL_}", {`);
    expect(code).toContain('"X-Custom"');
    expect(code).not.toContain('"mode"');
  });
  it('curl pair: the preflight the browser would send, then the request', () => {
    const pair = curlPair(put, URL_, 'http://localhost:5310').split('\n');
    expect(pair[1]).toBe(`curl -i -X OPTIONS '${URL_}' -H 'Origin: http://localhost:5310' -H 'Access-Control-Request-Method: GET' -H 'Access-Control-Request-Headers: x-another,x-custom'`);
    expect(pair[3]).toContain(`curl -i -X GET '${URL_}' -H 'Origin: http://localhost:5310' -H 'X-Custom: 1' -H 'X-Another: 2'`);
  });
  it('no preflight line for a simple request', () => {
    expect(curlPair(catalog.find((e) => e.id === 'simple-get-no-acao')!, URL_, 'http://localhost:5310')).not.toContain('OPTIONS');
  });
});
