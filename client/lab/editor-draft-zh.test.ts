/** The editor's problems in the language the learner reads (the page's language is mocked: the words come from format/problems). */
import { describe, expect, it, vi } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import '../../experiments/catalog/zh-CN/register.ts';
import { catalogZhCN } from '../../experiments/catalog/zh-CN/index.ts';
import { draftOf, experimentFromDraft } from './editor-draft.ts';

vi.mock('../i18n/localize.ts', () => ({ currentLanguage: () => 'zh-CN' }));

const put = catalog.find((e) => e.id === 'preflight-put-missing-allow-methods')!;

describe('editor draft under zh-CN', () => {
  it('says schema problems in Chinese, keeping the field path, the line and the header name', async () => {
    const { problems } = (await experimentFromDraft({ ...draftOf(put), requestHeaders: 'X-Ok: 1\nBad Name: 2' }, put));
    expect(problems.requestHeaders).toEqual([`request.headers["Bad Name"] (line 2): 无效的头部名称 "Bad Name"：名称必须是 token（字母、数字和 !#$%&'*+-.^_\`|~）`]);
  });
  it('says problems of the whole experiment in Chinese too', async () => {
    const { problems } = (await experimentFromDraft({ ...draftOf(put), redirects: '[{"to": "api2", "colour": 1}]' }, put));
    expect(problems.redirects).toEqual(['server.redirects[0]: 未知的字段 "colour"']);
  });
  it('titles an edited catalog experiment from its setup, not by the catalog title that states the outcome', async () => {
    const { experiment } = (await experimentFromDraft({ ...draftOf(put), method: 'PATCH' }, put));
    expect(experiment?.title).not.toContain(catalogZhCN[put.id]!.title);
    expect(experiment?.title).toContain('PATCH api/');
  });
});

describe("editor draft under zh-CN: zod's own checks", () => {
  it('says a status that is no number, and a value outside its list, in Chinese', async () => {
    expect((await experimentFromDraft({ ...draftOf(put), preflightStatus: 'abc' }, put)).problems.preflightStatus).toEqual(['server.preflight.status: 类型应为 number']);
    expect((await experimentFromDraft({ ...draftOf(put), browser: '{"thirdPartyCookies": "maybe"}' }, put)).problems.browser).toEqual(['browser.thirdPartyCookies: 取值应为以下之一：blocked, allowed']);
  });
});
