/**
 * What a Chinese page downloads with its language (localize.ts): the messages, the model's
 * messages (experiments/model/messages/tables.ts) and the catalog's explanations as the HTML the
 * build rendered (scripts/catalog-prose-plugin.ts). Kept apart from index.ts, which Node tests
 * import without Vite.
 */
import catalogHtml from 'virtual:cors-lab/catalog-html/zh-CN';
import { registerModelMessages } from '../../../experiments/model/messages/tables.ts';
import { zhCN } from '../../../experiments/model/messages/zh-CN.ts';
import { registerCatalogHtml } from '../catalog-html.ts';

registerCatalogHtml('zh-CN', catalogHtml);
registerModelMessages('zh-CN', zhCN);

export { templates } from './index.ts';
