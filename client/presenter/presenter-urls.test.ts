import { describe, expect, it } from 'vitest';
import { lessonIdFrom } from '../lessons/lesson-link.ts';
import { isProjected, presenterLessonOf, presenterUrl, projectedUrl } from './presenter-urls.ts';

describe('presenter URLs', () => {
  it('opens the presenter of a lesson, in a language', () => {
    const url = presenterUrl('the-preflight', 'zh-CN');
    expect(url).toBe('/?presenter=the-preflight&lang=zh-CN');
    expect(presenterLessonOf(url.slice(1))).toBe('the-preflight');
    expect(isProjected(url.slice(1))).toBe(false);
  });

  it("projects the lesson's own link with present added, and the lesson view reads it as that lesson", () => {
    const search = projectedUrl('redirects', 'en').slice(1);
    expect(lessonIdFrom(search)).toBe('redirects');
    expect(new URLSearchParams(search).get('lang')).toBe('en');
    expect(isProjected(search)).toBe(true);
    expect(presenterLessonOf(search)).toBeNull();
  });

  it('tells the playground and a learner\'s lesson page from a presenter or projected window', () => {
    for (const search of ['', '?lesson=redirects', '?lang=zh-CN']) {
      expect(presenterLessonOf(search), search).toBeNull();
      expect(isProjected(search), search).toBe(false);
    }
    expect(presenterLessonOf('?presenter=')).toBe('');
  });
});
