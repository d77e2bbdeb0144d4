/** The model's message table for a language; English when none is asked for (the CLI, the library). */
import { LANGUAGES, isLanguage, type Language } from '../../i18n/languages.ts';
import type { Outcome } from '../../reasons.ts';
import { isModelReason } from '../model-reasons.ts';
import { en } from './en.ts';
import type { ModelMessages } from './model-messages.ts';
import { zhCN } from './zh-CN.ts';

const TABLES: Record<Language, ModelMessages> = { en, 'zh-CN': zhCN };

/** The table for `lang`; a value from plain JavaScript that is no language gets a TypeError naming it. */
export function modelMessages(lang: Language = 'en'): ModelMessages {
  if (!isLanguage(lang)) throw new TypeError(`lang: unknown language ${JSON.stringify(lang)}; use one of ${LANGUAGES.join(', ')}`);
  return TABLES[lang];
}

export type { ModelMessages } from './model-messages.ts';

/** The word for an outcome (allowed, blocked, opaque) in the reader's language. */
export function outcomeWord(outcome: Outcome, lang: Language = 'en'): string {
  return modelMessages(lang).outcome[outcome];
}

/**
 * What a reason means, in the reader's language, for a list to choose from (a lesson's
 * reasons); null for a reason the model never returns. The name itself stays as it is.
 */
export function reasonDescription(reason: string, lang: Language = 'en'): string | null {
  return isModelReason(reason) ? modelMessages(lang).reasons[reason] : null;
}
