/**
 * The two windows' addresses, both on the app origin (BroadcastChannel
 * reaches only the same origin): the presenter window `?presenter=<id>` and
 * the projected lesson, the lesson's own link (`?lesson=<id>`) plus
 * `present`, which turns on the channel, stepping keys and large type there.
 * `?lang=` is kept.
 */
import type { Language } from '../../format/i18n/languages.ts';
import { lessonHref } from '../lessons/lesson-link.ts';

export const PRESENTER_PARAM = 'presenter';
export const PRESENT_PARAM = 'present';

/** The lesson id a presenter page was opened for ('' for none yet), or null when the URL does not ask for the presenter. */
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
  const params = new URLSearchParams(lessonHref(lessonId, `?lang=${lang}`));
  params.set(PRESENT_PARAM, '');
  return `/?${params}`;
}
