/** The model's message table for a language, every language loaded; English when none is asked for (the CLI, the library). */
import { registerModelMessages } from './tables.ts';
import { zhCN } from './zh-CN.ts';

registerModelMessages('zh-CN', zhCN);

export { modelMessages, outcomeWord, reasonDescription, type ModelMessages } from './tables.ts';
