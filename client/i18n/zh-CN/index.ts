/**
 * Every Simplified Chinese message of the playground, by message id. Each
 * area keeps its own file; this one only gathers them. A message id used in
 * the client without an entry here fails `client/i18n/translations.test.ts`.
 */
// The catalog's Chinese titles and explanations travel with these messages, not in every page.
import '../../../experiments/catalog/zh-CN/register.ts';
import { app } from './app.ts';
import { catalog } from './catalog.ts';
import { checks } from './checks.ts';
import { editor } from './editor.ts';
import { engines } from './engines.ts';
import { fix } from './fix.ts';
import { lessons } from './lessons.ts';
import { log } from './log.ts';
import { origins } from './origins.ts';
import { outcome } from './outcome.ts';
import { prediction } from './prediction.ts';
import { presenter } from './presenter.ts';
import { runner } from './runner.ts';
import { sequence } from './sequence.ts';
import { share } from './share.ts';
import { start } from './start.ts';
import { timeline } from './timeline.ts';
import { url } from './url.ts';

export const templates = { ...app, ...catalog, ...checks, ...editor, ...engines, ...fix, ...lessons, ...log, ...origins, ...outcome, ...prediction, ...presenter, ...runner, ...sequence, ...share, ...start, ...timeline, ...url };
