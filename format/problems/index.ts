/**
 * A problem in words, in the reader's language, every language loaded (the CLI, the library, the
 * servers); English when none is asked for. The playground's build uses tables.ts instead.
 */
import { registerProblemMessages } from './tables.ts';
import { zhCN } from './zh-CN.ts';
// The limits' words, every language (in the playground they load with the schema instead).
import './limit-words.ts';

registerProblemMessages('zh-CN', zhCN);

export { problemText } from './tables.ts';
export type { JournalEviction, Problem, ProblemCode, ProblemMessages } from './problem-messages.ts';
