/**
 * In the playground's build, `experiments/model/messages/index.ts` (every language's model messages,
 * for Node) resolves to `tables.ts` (English only, other languages registered when their page loads
 * them: client/i18n/zh-CN/locale.ts), so an English page does not download the Chinese messages.
 * https://vite.dev/guide/api-plugin#universal-hooks (resolveId)
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const NODE_ENTRY = fileURLToPath(new URL('../experiments/model/messages/index.ts', import.meta.url));
const BROWSER_ENTRY = fileURLToPath(new URL('../experiments/model/messages/tables.ts', import.meta.url));

export function browserModelMessagesPlugin(): Plugin {
  return {
    name: 'cors-lab-browser-model-messages',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('messages/index.ts')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === NODE_ENTRY ? BROWSER_ENTRY : null;
    },
  };
}
