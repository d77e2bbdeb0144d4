/**
 * What a Chinese page downloads with its language (localize.ts): the messages, and the catalog's
 * explanations as the HTML the build rendered (scripts/catalog-prose-plugin.ts). Kept apart from
 * index.ts, which Node tests import without Vite.
 */
import catalogHtml from 'virtual:cors-lab/catalog-html/zh-CN';
import { registerCatalogHtml } from '../../lab/prose-view.ts';

registerCatalogHtml('zh-CN', catalogHtml);

export { templates } from './index.ts';
