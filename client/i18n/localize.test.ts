import { describe, expect, it, vi } from 'vitest';

vi.mock('@lit/localize', () => ({ configureLocalization: () => ({ getLocale: () => 'en', setLocale: async () => {} }) }));
const { initialLanguage } = await import('./localize.ts');

describe('initialLanguage', () => {
  it('prefers ?lang=, then the stored choice, then the browser, then English', () => {
    expect(initialLanguage('?lang=zh-CN', 'en', ['en-US'])).toBe('zh-CN');
    expect(initialLanguage('?lang=xx', 'zh-CN', ['en-US'])).toBe('zh-CN');
    expect(initialLanguage('', null, ['fr-FR', 'zh-Hans'])).toBe('zh-CN');
    expect(initialLanguage('', 'bogus', ['fr'])).toBe('en');
  });
});
