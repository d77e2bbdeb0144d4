import { describe, expect, test } from 'vitest';
import { lessonHref, lessonIdFrom } from './lesson-link.ts';

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
});
