/**
 * Makes the Chinese catalog titles available to `prose-in.ts`; loaded with the zh-CN messages only.
 * In the browser's build scripts/catalog-in-browser-plugin.ts writes this registration out as data,
 * so the explains (which the page downloads per group) stay out of the messages' chunk.
 */
import { registerCatalogTranslation } from '../prose-in.ts';
import { catalogZhCN } from './index.ts';
import { thenTitles } from './then-titles.ts';

const titles = Object.fromEntries(Object.entries(catalogZhCN).map(([id, text]) => [id, text.title]));
registerCatalogTranslation('zh-CN', { titles, thenTitles });
