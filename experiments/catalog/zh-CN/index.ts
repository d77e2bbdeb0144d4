/**
 * The Simplified Chinese title and explain of every catalog experiment, by id.
 * Each group keeps its own file, named like the English one in
 * `experiments/catalog/`; this one only gathers them. `catalog-zh.test.ts`
 * fails when an experiment has no entry, an entry names no experiment of its
 * group, or an explain's code spans, links or **修复：** lines differ from the English.
 */
import { cache } from './cache.ts';
import { cachePoisoning } from './cache-poisoning.ts';
import { cookies } from './cookies.ts';
import { credentials } from './credentials.ts';
import { expose } from './expose.ts';
import { exploits } from './exploits.ts';
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
import { corp } from './corp.ts';
import { isolation } from './isolation.ts';
import { csrf } from './csrf.ts';
import { beacon } from './beacon.ts';
import { frames } from './frames.ts';
import { postmessage } from './postmessage.ts';
import { websocket } from './websocket.ts';
import { eventsource } from './eventsource.ts';
import { mixedContent } from './mixed-content.ts';
import { csp } from './csp.ts';

export interface CatalogText {
  title: string;
  explain: string;
}

/** By catalog group, in the catalog's order, so a text filed under the wrong group is caught. */
export const catalogZhCNByGroup: Readonly<Record<string, Readonly<Record<string, CatalogText>>>> = {
  simple,
  preflight,
  credentials,
  redirect,
  expose,
  cache,
  'no-cors': noCors,
  'null-origin': nullOrigin,
  xhr,
  'cache-poisoning': cachePoisoning,
  cookies,
  'hono-cors': honoCors,
  'express-cors': expressCors,
  'local-network-access': localNetworkAccess,
  exploits,
  resources,
  'canvas-and-errors': canvasAndErrors,
  corp,
  isolation,
  csrf,
  beacon,
  frames,
  postmessage,
  websocket,
  eventsource,
  'mixed-content': mixedContent,
  csp,
};

/** By experiment id. */
export const catalogZhCN: Readonly<Record<string, CatalogText>> = Object.fromEntries(
  Object.values(catalogZhCNByGroup).flatMap((texts) => Object.entries(texts)),
);
