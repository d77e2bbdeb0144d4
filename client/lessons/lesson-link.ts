/**
 * A lesson's own URL: `?lesson=<id>` on the playground, keeping `?lang=` so a
 * link a teacher sends opens the lesson, in the chosen language, in a fresh
 * page. A query rather than a path: the app origin serves the playground at
 * `/` only, and a query needs no server route.
 */
const LESSON = 'lesson';
const LANG = 'lang';

/** The lesson id asked for by a location's query, or null (the playground). */
export function lessonIdFrom(search: string): string | null {
  const id = new URLSearchParams(search).get(LESSON);
  return id === null || id === '' ? null : id;
}

/** `?lesson=<id>` (with the current `lang`, when the current URL has one); null id: the playground itself. */
export function lessonHref(id: string | null, currentSearch: string): string {
  const params = new URLSearchParams();
  if (id !== null) params.set(LESSON, id);
  const lang = new URLSearchParams(currentSearch).get(LANG);
  if (lang !== null) params.set(LANG, lang);
  const query = params.toString();
  return query ? `?${query}` : '?';
}
