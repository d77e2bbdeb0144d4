/**
 * The model's message table for a language, every language loaded (the CLI, the library); English
 * when none is asked for. The playground's build uses tables.ts instead.
 */
import { registerModelMessages } from './tables.ts';
import { zhCN } from './zh-CN.ts';

registerModelMessages('zh-CN', zhCN);

export { modelMessages, outcomeWord, reasonDescription, type ModelMessages } from './tables.ts';
