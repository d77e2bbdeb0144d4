/**
 * What a Chinese page downloads with its language (localize.ts): the messages, the model's
 * messages (experiments/model/messages/tables.ts) and the catalog's explanations as the HTML the
 * build rendered (scripts/catalog-prose-plugin.ts): here the HTML of the group the playground opens
 * on, the other groups when an experiment of theirs shows (client/lab/prose-view.ts). Kept apart from index.ts, which Node tests
 * import without Vite.
 */
import catalogHtmlLoaders from 'virtual:cors-lab/catalog-html/zh-CN';
import { catalog } from '../../../experiments/catalog/index.ts';
import { registerModelMessages } from '../../../experiments/model/messages/tables.ts';
import { zhCN } from '../../../experiments/model/messages/zh-CN.ts';
import { loadCatalogHtml, registerCatalogHtml } from '../catalog-html.ts';

registerCatalogHtml('zh-CN', catalogHtmlLoaders);
// The playground opens on the catalog's first experiment: its group's HTML is here with the
// language, so the first Chinese paint has its "Why".
await loadCatalogHtml('zh-CN', catalog[0]?.group ?? '');
registerModelMessages('zh-CN', zhCN);

export { templates } from './index.ts';
