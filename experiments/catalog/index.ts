/**
 * The built-in catalog. It passes the same schema as users' files, checked by its tests
 * (catalog.test.ts: unchanged by validation, ids unique) rather than on every load: the playground's
 * first load then needs no zod (issue 16), and the schema's transforms only narrow types.
 */
import type { Experiment, ExperimentInput } from '../../format/schema.ts';
import { cache } from './cache.ts';
import { cachePoisoning } from './cache-poisoning.ts';
import { cookies } from './cookies.ts';
import { credentials } from './credentials.ts';
import { expose } from './expose.ts';
import { exploits } from './exploits/index.ts';
import { expressCors } from './express-cors.ts';
import { honoCors } from './hono-cors.ts';
import { localNetworkAccess } from './local-network-access.ts';
import { noCors } from './no-cors.ts';
import { nullOrigin } from './null-origin.ts';
import { preflight } from './preflight.ts';
import { redirect } from './redirect.ts';
import { simple } from './simple.ts';
import { xhr } from './xhr.ts';
import { resources } from './resources.ts';
import { canvasAndErrors } from './canvas-and-errors.ts';
import { corpGroup } from './corp.ts';
import { isolation } from './isolation.ts';
import { csrf } from './csrf.ts';
import { beacon } from './beacon.ts';
import { frames } from './frames.ts';
import { postmessage } from './postmessage.ts';
import { websocket } from './websocket.ts';
import { eventsource } from './eventsource.ts';
import { mixedContent } from './mixed-content.ts';
import { csp } from './csp.ts';

export const CATALOG_SOURCE = 'catalog';

const entries: readonly ExperimentInput[] = [
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
  ...exploits,
  ...resources,
  ...canvasAndErrors,
  ...corpGroup,
  ...isolation,
  ...csrf,
  ...beacon,
  ...frames,
  ...postmessage,
  ...websocket,
  ...eventsource,
  ...mixedContent,
  ...csp,
];

export const catalog = entries as readonly Experiment[];
