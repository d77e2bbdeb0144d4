/** The built-in catalog, validated by the same schema as users' files. */
import type { Experiment } from '../schema.ts';
import { validateExperiments } from '../validate.ts';
import { cookies } from './cookies.ts';
import { credentials } from './credentials.ts';
import { expressCors } from './express-cors.ts';
import { honoCors } from './hono-cors.ts';
import { localNetworkAccess } from './local-network-access.ts';
import { preflight } from './preflight.ts';
import { redirect } from './redirect.ts';
import { simple } from './simple.ts';

export const CATALOG_SOURCE = 'catalog';

export const catalog: readonly Experiment[] = validateExperiments([...simple, ...preflight, ...credentials, ...redirect, ...cookies, ...honoCors, ...expressCors, ...localNetworkAccess], CATALOG_SOURCE);
