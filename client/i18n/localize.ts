/**
 * The playground's language, with @lit/localize in runtime mode and explicit
 * message ids (`msg('…', { id: 'area.name' })`), translations hand-written per
 * area in `zh-CN/`. Chosen by `?lang=`, else what the learner picked last
 * time, else the browser's languages, else English.
 * https://lit.dev/docs/localization/runtime-mode/
 */
import { configureLocalization } from '@lit/localize';
import { LANGUAGES, SOURCE_LANGUAGE, isLanguage, languageForTag, type Language } from '../../format/i18n/languages.ts';

const STORED_LANGUAGE = 'cors-lab:lang';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: SOURCE_LANGUAGE,
  targetLocales: LANGUAGES.filter((l) => l !== SOURCE_LANGUAGE),
  loadLocale: () => import('./zh-CN/locale.ts'),
});

export function currentLanguage(): Language {
  const locale = getLocale();
  return isLanguage(locale) ? locale : SOURCE_LANGUAGE;
}

/** The language to start in, from the URL, storage and the browser, in that order. */
export function initialLanguage(search: string, storedValue: string | null, browserLanguages: readonly string[]): Language {
  const asked = new URLSearchParams(search).get('lang');
  if (asked !== null) {
    const lang = languageForTag(asked);
    if (lang) return lang;
  }
  if (storedValue !== null && isLanguage(storedValue)) return storedValue;
  for (const tag of browserLanguages) {
    const lang = languageForTag(tag);
    if (lang) return lang;
  }
  return SOURCE_LANGUAGE;
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORED_LANGUAGE);
  } catch {
    return null;
  }
}

/** Switches the whole page: messages, `<html lang>`, and the remembered choice. */
export async function useLanguage(lang: Language, remember: boolean): Promise<void> {
  await setLocale(lang);
  document.documentElement.lang = lang;
  if (!remember) return;
  try {
    localStorage.setItem(STORED_LANGUAGE, lang);
  } catch {
    // storage disabled: the choice lasts this visit
  }
}

/** Called once before the app renders, so the first paint is already in the chosen language. */
export function startLanguage(): Promise<void> {
  return useLanguage(initialLanguage(location.search, storedLanguage(), navigator.languages ?? [navigator.language]), false);
}
