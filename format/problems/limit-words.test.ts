/**
 * The limits' words load apart from each language's table (limit-words.ts), as in the playground, where they come
 * with the schema: this file imports tables.ts, not index.ts (which loads every word for Node).
 */
import { describe, expect, it } from 'vitest';
import { problemText, registerProblemMessages } from './tables.ts';
import { zhCN } from './zh-CN.ts';

const over = { code: 'tooMany', count: 33, max: 32, unit: 'steps' } as const;

describe('the limits\' words', () => {
  it('are not there before they load, and then are, whichever part of a language comes first', async () => {
    expect(() => problemText(over)).toThrow("lang: the problems' en words are not loaded; load that language first");
    expect(problemText({ code: 'emptyHeaderName' })).toBe('empty header name');
    await import('./limit-words.ts');
    expect(problemText(over)).toBe('33 steps; at most 32 (README: Limits)');
    // The Chinese page registers its table after the schema loaded the limits' words: both parts stay.
    registerProblemMessages('zh-CN', zhCN);
    expect(problemText(over, 'zh-CN')).toBe('33 个步骤；最多 32（见 README 的“限制”表）');
    expect(problemText({ code: 'emptyHeaderName' }, 'zh-CN')).toBe(zhCN.emptyHeaderName());
  });
});
