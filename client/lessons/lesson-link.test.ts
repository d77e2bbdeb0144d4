import { describe, expect, test } from 'vitest';
import { lessonHref, lessonIdFrom, unknownLanguageFrom } from './lesson-link.ts';

describe('lesson links', () => {
  test('a lesson link keeps the language and drops everything else', () => {
    expect(lessonHref('the-preflight', '?lang=zh-CN&lesson=old&x=1')).toBe('?lesson=the-preflight&lang=zh-CN');
    expect(lessonHref('the-preflight', '')).toBe('?lesson=the-preflight');
  });
  test('the way back to the playground keeps the language', () => {
    expect(lessonHref(null, '?lesson=a&lang=en')).toBe('?lang=en');
    expect(lessonHref(null, '?lesson=a')).toBe('?');
  });
  test('reads the lesson id, and nothing from an empty or missing one', () => {
    expect(lessonIdFrom(lessonHref('redirects', '?lang=zh-CN'))).toBe('redirects');
    expect(lessonIdFrom('?lesson=')).toBeNull();
    expect(lessonIdFrom('?lang=en')).toBeNull();
  });
  test('a ?lang= the lab does not have is named, and links do not pass it on', () => {
    expect(unknownLanguageFrom('?lesson=a&lang=xx')).toBe('xx');
    expect(unknownLanguageFrom('?lang=')).toBe('');
    for (const search of ['?lang=zh-CN', '?lang=en-GB', '?lang=zh', '?lesson=a', '']) expect(unknownLanguageFrom(search), search).toBeNull();
    expect(lessonHref('redirects', '?lang=xx')).toBe('?lesson=redirects');
    expect(lessonHref(null, '?lesson=a&lang=xx')).toBe('?');
    expect(lessonHref('redirects', '?lang=en-GB')).toBe('?lesson=redirects&lang=en-GB');
  });
});
