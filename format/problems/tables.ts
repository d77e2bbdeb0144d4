/**
 * The problems' words by language. English is always here; another language's words are registered
 * by its module: `index.ts` registers them all for Node (the CLI, the library, the servers), while the
 * playground's build swaps `index.ts` for this file (scripts/browser-model-messages-plugin.ts) and
 * registers the Chinese words with the Chinese page's messages (client/i18n/zh-CN/locale.ts), so an
 * English page does not download them (issue 16: the first load).
 */
import { LANGUAGES, isLanguage, type Language } from '../i18n/languages.ts';
import { en } from './en.ts';
import type { Problem, ProblemMessages } from './problem-messages.ts';

/** Each language's words; a language may come in parts (its table, and the limits' words: limit-words.ts). */
const TABLES = new Map<Language, Partial<ProblemMessages>>([['en', en]]);

/** Adds a language's words (a whole table, or a part such as the limits' words, which load with the schema). */
export function registerProblemMessages(lang: Language, table: Partial<ProblemMessages>): void {
  TABLES.set(lang, { ...TABLES.get(lang), ...table });
}

/**
 * A problem in words, in the reader's language; English when none is asked for. A value from plain
 * JavaScript that is no language gets a TypeError naming it, a language whose words are not loaded
 * (a page that did not load its language, or the limits' words before the schema) an Error naming it.
 */
export function problemText(problem: Problem, lang: Language = 'en'): string {
  if (!isLanguage(lang)) {
    throw new TypeError(`lang: unknown language ${JSON.stringify(lang)}; use one of ${LANGUAGES.join(', ')}`);
  }
  // The union of codes and params is correlated: the table entry for `problem.code` takes exactly this
  // problem's params.
  const message = TABLES.get(lang)?.[problem.code] as ((params: Problem) => string) | undefined;
  if (!message) throw new Error(`lang: the problems' ${lang} words are not loaded; load that language first`);
  return message(problem);
}

export type { JournalEviction, Problem, ProblemCode, ProblemMessages } from './problem-messages.ts';
