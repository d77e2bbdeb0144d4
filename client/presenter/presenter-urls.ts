/**
 * The two windows' addresses, both on the app origin (BroadcastChannel
 * reaches only the same origin): the presenter window `?presenter=<id>` and
 * the projected lesson, the lesson's own link plus `present`, which turns on
 * stepping keys, the channel and large type there. `?lang=` is kept.
 */
import type { Language } from '../../experiments/i18n/languages.ts';

export const PRESENTER_PARAM = 'presenter';
export const PRESENT_PARAM = 'present';

/** The lesson id a presenter page was opened for, or null when the URL does not ask for one. */
export function presenterLessonOf(search: string): string | null {
  return new URLSearchParams(search).get(PRESENTER_PARAM);
}

/** Whether a lesson page is the projected window of a presenter. */
export function isProjected(search: string): boolean {
  return new URLSearchParams(search).has(PRESENT_PARAM);
}

export function presenterUrl(lessonId: string, lang: Language): string {
  return `/?${new URLSearchParams({ [PRESENTER_PARAM]: lessonId, lang })}`;
}

export function projectedUrl(lessonId: string, lang: Language): string {
  return `/?${new URLSearchParams({ lesson: lessonId, lang, [PRESENT_PARAM]: '' })}`;
}
