/** The built-in catalog, validated by the same schema as users' files. */
import type { Experiment } from '../schema.ts';
import { validateExperiments } from '../validate.ts';
import { cache } from './cache.ts';
import { cachePoisoning } from './cache-poisoning.ts';
import { cookies } from './cookies.ts';
import { credentials } from './credentials.ts';
import { expose } from './expose.ts';
import { expressCors } from './express-cors.ts';
import { honoCors } from './hono-cors.ts';
import { localNetworkAccess } from './local-network-access.ts';
import { noCors } from './no-cors.ts';
import { nullOrigin } from './null-origin.ts';
import { preflight } from './preflight.ts';
import { redirect } from './redirect.ts';
import { simple } from './simple.ts';
import { xhr } from './xhr.ts';

export const CATALOG_SOURCE = 'catalog';

export const catalog: readonly Experiment[] = validateExperiments([
  ...simple,
  ...preflight,
  ...credentials,
  ...redirect,
  ...expose,
  ...cache,
  ...noCors,
  ...nullOrigin,
  ...xhr,
  ...cachePoisoning,
  ...cookies,
  ...honoCors,
  ...expressCors,
  ...localNetworkAccess,
], CATALOG_SOURCE);
