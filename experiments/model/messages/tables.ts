/**
 * The model's message tables by language. English is always here; another language's table is
 * registered by its module: `index.ts` registers them all for Node (the CLI, the library), while
 * the playground's build swaps `index.ts` for this file (scripts/browser-model-messages-plugin.ts)
 * and registers the Chinese table with the Chinese page's messages (client/i18n/zh-CN/locale.ts),
 * so an English page does not download it (issue 16: the first load).
 */
import { LANGUAGES, isLanguage, type Language } from '../../../format/i18n/languages.ts';
import type { Outcome } from '../../../format/reasons.ts';
import { isModelReason } from '../model-reasons.ts';
import { en } from './en.ts';
import type { ModelMessages } from './model-messages.ts';

const TABLES = new Map<Language, ModelMessages>([['en', en]]);

export function registerModelMessages(lang: Language, table: ModelMessages): void {
  TABLES.set(lang, table);
}

/**
 * The table for `lang`; a value from plain JavaScript that is no language gets a TypeError naming
 * it, a language whose table is not loaded (a page that did not load its language) an Error naming it.
 */
export function modelMessages(lang: Language = 'en'): ModelMessages {
  if (!isLanguage(lang)) {
    throw new TypeError(`lang: unknown language ${JSON.stringify(lang)}; use one of ${LANGUAGES.join(', ')}`);
  }
  const table = TABLES.get(lang);
  if (!table) throw new Error(`lang: the model's ${lang} messages are not loaded; load that language first`);
  return table;
}

export type { ModelMessages } from './model-messages.ts';

/** The word for an outcome (allowed, blocked, opaque) in the reader's language. */
export function outcomeWord(outcome: Outcome, lang: Language = 'en'): string {
  return modelMessages(lang).outcome[outcome];
}

/**
 * What a reason means, in the reader's language, for a list to choose from (a lesson's
 * reasons); null for a reason the model never returns and no lesson offers. The name itself stays as it is.
 */
export function reasonDescription(reason: string, lang: Language = 'en'): string | null {
  if (isModelReason(reason)) return modelMessages(lang).reasons[reason];
  const offeredOnly = modelMessages(lang).offeredOnly;
  return Object.hasOwn(offeredOnly, reason) ? offeredOnly[reason as keyof typeof offeredOnly] : null;
}
