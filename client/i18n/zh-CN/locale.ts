/**
 * What a Chinese page downloads with its language (localize.ts): the messages (with the catalog's
 * titles, no explains), the model's messages (experiments/model/messages/tables.ts), the problems'
 * words (experiments/problems/tables.ts) and the loaders
 * of the catalog's explanations (scripts/catalog-prose-plugin.ts): here the HTML of the group the
 * playground opens on, the other groups when an experiment of theirs shows (client/lab/prose-view.ts),
 * the Markdown when the search reads it. Kept apart from index.ts, which Node tests import without Vite.
 */
import catalogHtmlLoaders from 'virtual:cors-lab/catalog-html/zh-CN';
import catalogMarkdownLoaders from 'virtual:cors-lab/catalog-markdown/zh-CN';
import { catalog } from '../../../experiments/catalog/index.ts';
import { registerModelMessages } from '../../../experiments/model/messages/tables.ts';
import { zhCN } from '../../../experiments/model/messages/zh-CN.ts';
import { registerProblemMessages } from '../../../experiments/problems/tables.ts';
import { zhCN as zhCNProblems } from '../../../experiments/problems/zh-CN.ts';
import { loadCatalogProse, registerCatalogProse } from '../catalog-prose.ts';

registerCatalogProse('html', 'zh-CN', catalogHtmlLoaders);
// The Markdown as written, for the search: downloaded when the learner types in it.
registerCatalogProse('markdown', 'zh-CN', catalogMarkdownLoaders);
// The playground opens on the catalog's first experiment: its group's HTML is here with the
// language, so the first Chinese paint has its "Why".
await loadCatalogProse('html', 'zh-CN', catalog[0]?.group ?? '');
registerModelMessages('zh-CN', zhCN);
registerProblemMessages('zh-CN', zhCNProblems);

export { templates } from './index.ts';
