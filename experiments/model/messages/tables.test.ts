/**
 * The tables the playground's build uses instead of index.ts: English only until a page
 * registers its language (client/i18n/zh-CN/locale.ts). index.ts, for Node, has them all.
 */
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { modelMessages, outcomeWord, registerModelMessages } from './tables.ts';
import { zhCN } from './zh-CN.ts';

describe('model message tables', () => {
  it('has English, and says a language whose table is not loaded is not, naming it', () => {
    expect(modelMessages()).toBe(en);
    expect(() => modelMessages('zh-CN')).toThrow("lang: the model's zh-CN messages are not loaded; load that language first");
  });

  it('has a language once registered', () => {
    registerModelMessages('zh-CN', zhCN);
    expect(modelMessages('zh-CN')).toBe(zhCN);
    expect(outcomeWord('blocked', 'zh-CN')).toBe(zhCN.outcome.blocked);
  });
});
