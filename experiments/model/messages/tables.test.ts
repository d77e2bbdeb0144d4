/**
 * The tables the playground's build uses instead of index.ts: English only until a page
 * registers its language (client/i18n/zh-CN/locale.ts). index.ts, for Node, has them all.
 */
import { describe, expect, it, vi } from 'vitest';

/**
 * The tables as a page starts with them: a fresh copy, so each test holds whatever ran before it in this process
 * (the other test here registers zh-CN; a run without isolation, `vitest --no-isolate`, shares modules across files).
 */
async function fresh() {
  vi.resetModules();
  const [tables, { en }, { zhCN }] = await Promise.all([
    import('./tables.ts'), import('./en.ts'), import('./zh-CN.ts'),
  ]);
  return { ...tables, en, zhCN };
}

describe('model message tables', () => {
  it('has English, and says a language whose table is not loaded is not, naming it', async () => {
    const { modelMessages, en } = await fresh();
    expect(modelMessages()).toBe(en);
    expect(() => modelMessages('zh-CN')).toThrow("lang: the model's zh-CN messages are not loaded; load that language first");
  });

  it('has a language once registered', async () => {
    const { modelMessages, outcomeWord, registerModelMessages, zhCN } = await fresh();
    registerModelMessages('zh-CN', zhCN);
    expect(modelMessages('zh-CN')).toBe(zhCN);
    expect(outcomeWord('blocked', 'zh-CN')).toBe(zhCN.outcome.blocked);
  });
});
