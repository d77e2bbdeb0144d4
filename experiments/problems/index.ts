/** A problem in words, in the reader's language; English when none is asked for (the CLI, the library, the servers). */
import type { Language } from '../i18n/languages.ts';
import { en } from './en.ts';
import type { Problem, ProblemMessages } from './problem-messages.ts';
import { zhCN } from './zh-CN.ts';

const TABLES: Record<Language, ProblemMessages> = { en, 'zh-CN': zhCN };

export function problemText(problem: Problem, lang: Language = 'en'): string {
  // The union of codes and params is correlated: the table entry for `problem.code` takes exactly this problem's params.
  const message = TABLES[lang][problem.code] as (params: Problem) => string;
  return message(problem);
}

export type { JournalEviction, Problem, ProblemCode, ProblemMessages } from './problem-messages.ts';
