import { describe, expect, it } from 'vitest';
import { languageForTag } from './languages.ts';

describe('languageForTag', () => {
  it('maps browser tags to the languages cors-lab has', () => {
    expect(languageForTag('zh-CN')).toBe('zh-CN');
    expect(languageForTag('zh')).toBe('zh-CN');
    expect(languageForTag('zh-Hans-CN')).toBe('zh-CN');
    expect(languageForTag('ZH-cn')).toBe('zh-CN');
    expect(languageForTag('en-GB')).toBe('en');
    expect(languageForTag('zh-TW')).toBeNull();
    expect(languageForTag('zh-Hant')).toBeNull();
    expect(languageForTag('fr')).toBeNull();
    expect(languageForTag('')).toBeNull();
  });
});
