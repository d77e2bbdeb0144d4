/**
 * Every Simplified Chinese message of the playground, by message id. Each
 * area keeps its own file; this one only gathers them. A message id used in
 * the client without an entry here fails `client/i18n/translations.test.ts`.
 */
import { app } from './app.ts';
import { lessons } from './lessons.ts';
import { presenter } from './presenter.ts';

export const templates = { ...app, ...lessons, ...presenter };
