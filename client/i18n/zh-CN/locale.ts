/**
 * What a Chinese page downloads with its language (localize.ts): the messages (with the catalog's
 * titles, no explains), the model's messages (experiments/model/messages/tables.ts), the problems'
 * words (format/problems/tables.ts) and the loaders of the catalog's explanations
 * (scripts/catalog-prose-plugin.ts): the HTML of a group when an experiment of theirs shows (the
 * playground's first one with its elements: client/lab/prose-view.ts), the Markdown when the search
 * reads it. Kept apart from index.ts, which Node tests import without Vite.
 */
import catalogHtmlLoaders, { first as firstHtml } from 'virtual:cors-lab/catalog-html/zh-CN';
import catalogMarkdownLoaders from 'virtual:cors-lab/catalog-markdown/zh-CN';
import { registerModelMessages } from '../../../experiments/model/messages/tables.ts';
import { zhCN } from '../../../experiments/model/messages/zh-CN.ts';
import { registerProblemMessages } from '../../../format/problems/tables.ts';
import { zhCN as zhCNProblems } from '../../../format/problems/zh-CN.ts';
import { registerCatalogProse } from '../catalog-prose.ts';

// With the HTML of the experiment the playground shows first: its first paint downloads no group.
registerCatalogProse('html', 'zh-CN', catalogHtmlLoaders, firstHtml);
// The Markdown as written, for the search: downloaded when the learner types in it.
registerCatalogProse('markdown', 'zh-CN', catalogMarkdownLoaders);
registerModelMessages('zh-CN', zhCN);
registerProblemMessages('zh-CN', zhCNProblems);

export { templates } from './index.ts';
