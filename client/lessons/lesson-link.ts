/**
 * A lesson's own URL: `?lesson=<id>` on the playground, keeping `?lang=` so a
 * link a teacher sends opens the lesson, in the chosen language, in a fresh
 * page. A query rather than a path: the app origin serves the playground at
 * `/` only, and a query needs no server route.
 */
import { languageForTag } from '../../format/i18n/languages.ts';

const LESSON = 'lesson';
const LANG = 'lang';

/** The lesson id asked for by a location's query, or null (the playground). */
export function lessonIdFrom(search: string): string | null {
  const id = new URLSearchParams(search).get(LESSON);
  return id === null || id === '' ? null : id;
}

/** The `?lang=` value when the lab has no such language (the page then falls back, see client/i18n/localize.ts), else null. */
export function unknownLanguageFrom(search: string): string | null {
  const asked = new URLSearchParams(search).get(LANG);
  return asked !== null && languageForTag(asked) === null ? asked : null;
}

/** `?lesson=<id>` (with the current `lang`, when the current URL has one the lab knows: a mistyped one is not passed on); null id: the playground itself. */
export function lessonHref(id: string | null, currentSearch: string): string {
  const params = new URLSearchParams();
  if (id !== null) params.set(LESSON, id);
  const lang = new URLSearchParams(currentSearch).get(LANG);
  if (lang !== null && languageForTag(lang) !== null) params.set(LANG, lang);
  const query = params.toString();
  return query ? `?${query}` : '?';
}
