/**
 * In the playground's build, `experiments/model/messages/index.ts` (every language's model messages,
 * for Node) resolves to `tables.ts` (English only, other languages registered when their page loads
 * them: client/i18n/zh-CN/locale.ts), so an English page does not download the Chinese messages; the
 * problems' words (`format/problems/index.ts`) the same way.
 * https://vite.dev/guide/api-plugin#universal-hooks (resolveId)
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Each Node entry (every language) and the browser's entry (English, the others registered). */
const BROWSER_ENTRIES = new Map(
  ['../experiments/model/messages/', '../format/problems/'].map((folder) => [
    fileURLToPath(new URL(`${folder}index.ts`, import.meta.url)),
    fileURLToPath(new URL(`${folder}tables.ts`, import.meta.url)),
  ]),
);

export function browserModelMessagesPlugin(): Plugin {
  return {
    name: 'cors-lab-browser-model-messages',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/(messages|problems)\/index\.ts$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return (resolved && BROWSER_ENTRIES.get(resolved.id)) ?? null;
    },
  };
}
