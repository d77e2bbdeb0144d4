/**
 * Format 1.2: one frame step of the model (`iframe`, `postMessage`): the navigation's hops asked of the
 * origins' own answering code (through predict.ts), the framing checks (frame-load.ts), and what the page
 * sees: `framed`, `domReadable`, `delivered`. No CORS check applies: the page never reads the answer, it
 * only embeds it; the same-origin policy then decides what it may touch.
 * https://html.spec.whatwg.org/multipage/document-sequences.html#navigables
 */
import { REDIRECT_STATUSES, type ResolvedRequest } from '../../format/format-defaults.ts';
import type { HeaderLines } from '../../format/headers.ts';
import type { OriginName } from '../../plan/origins.ts';
import type { PredictedRequest, StepPrediction } from './prediction.ts';
import type { CheckStage } from './trace.ts';
import type { EmbedderPolicy } from './page-policies.ts';
import { frameRefusal, messageTaken, openerKept } from './frame-load.ts';
import { opensPopup } from '../../format/frames.ts';
import type { FrameWords } from './messages/frames.ts';
import type { ModelReason } from './model-reasons.ts';

export interface FrameStepTools {
  /** The origin's answer to a GET navigation of `url` (a frame's destination, cookies as the jar sends them). */
  ask(url: URL, self: OriginName, cookieSent: boolean): { status: number; headers: HeaderLines };
  originOf(url: URL): OriginName | undefined;
  sendsCookie(url: URL, self: OriginName): boolean;
  /** The CORP check of the answer (resource-policy.ts), which the page's COEP applies to what it frames. */
  resourcePolicy(url: URL, self: OriginName, headers: HeaderLines): ModelReason | null;
  /** Records a check of hop `at.hop` at origin `at.origin` (trace.ts). */
  check(stage: CheckStage, ok: boolean, text: string, at: { hop: number; origin: OriginName }): boolean;
  pageOrigin: string;
  embedder: EmbedderPolicy;
  /** The page's own COOP value (page-policies.ts), for a popup's opener. */
  pageOpener: string;
  /** postMessage's targetOrigin, its token expanded ("*" and "/" as written). */
  targetOrigin: string;
  /** The origins the target page takes messages from (plan/target-page.ts), expanded. */
  accept: '*' | readonly string[];
  say: FrameWords;
}

/** Fetch's redirect limit: https://fetch.spec.whatwg.org/#http-redirect-fetch */
const MAX_HOPS = 20;

export function frameStep(url: string, request: ResolvedRequest, tools: FrameStepTools): { requests: PredictedRequest[]; fields: Partial<StepPrediction> } {
  const requests: PredictedRequest[] = [];
  const message = request.api === 'postMessage';
  const notFramed = (reason: StepPrediction['reason']): { requests: PredictedRequest[]; fields: Partial<StepPrediction> } => ({
    requests,
    fields: { outcome: 'blocked', reason, framed: false, domReadable: false, delivered: message ? false : null },
  });
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const self = tools.originOf(current);
    if (!self) return notFramed('net::ERR_CONNECTION_REFUSED');
    tools.check(hop ? 'redirect' : 'page', true, tools.say.navigation(current.origin), { hop, origin: self });
    const cookieSent = tools.sendsCookie(current, self);
    const reply = tools.ask(current, self, cookieSent);
    requests.push({
      url: current.href, origin: self, hop, kind: 'actual', method: 'GET', originHeader: null, accessControlRequestMethod: null,
      accessControlRequestHeaders: null, cookieSent, status: reply.status, responseHeaders: reply.headers,
    });
    const location = reply.headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
    if ((REDIRECT_STATUSES as readonly number[]).includes(reply.status) && location) {
      current = new URL(location, current);
      tools.check('redirect', true, tools.say.redirect(reply.status, current.origin), { hop, origin: self });
      continue;
    }
    const corp = tools.resourcePolicy(current, self, reply.headers);
    if (opensPopup(request)) {
      return { requests, fields: popupFacts(request, reply.headers, current, tools, { hop, origin: self }) };
    }
    const refusal = frameRefusal(reply.headers, tools.pageOrigin, current.href, tools.embedder, corp);
    if (refusal) {
      tools.check('actual', false, tools.say.refused(refusal.by), { hop, origin: self });
      return notFramed(refusal.reason);
    }
    tools.check('actual', true, tools.say.framed(), { hop, origin: self });
    const readable = tools.pageOrigin !== 'null' && current.origin === tools.pageOrigin;
    tools.check('actual', true, tools.say.domReadable(readable), { hop, origin: self });
    if (!message) return { requests, fields: { outcome: 'allowed', reason: null, framed: true, domReadable: readable, delivered: null } };
    const taken = postTo('frame', current, tools, { hop, origin: self });
    // A message not delivered is no failure the browser reports: no reason, the observation tells.
    return { requests, fields: { outcome: taken ? 'allowed' : 'blocked', reason: null, framed: true, domReadable: readable, delivered: taken } };
  }
  return notFramed('net::ERR_TOO_MANY_REDIRECTS');
}

/** The message posted to the frame or popup at `current`: whether the browser delivers it and the target takes it. */
function postTo(
  where: 'frame' | 'popup', current: URL, tools: FrameStepTools, at: { hop: number; origin: OriginName },
): boolean {
  const { arrives, taken } = messageTaken(tools.targetOrigin, current.origin, tools.pageOrigin, tools.accept);
  tools.check('actual', arrives, tools.say.message(arrives, tools.targetOrigin, current.origin, where), at);
  if (arrives) tools.check('actual', taken, tools.say.taken(taken, tools.pageOrigin), at);
  return taken;
}

/**
 * A popup (`window-open`, or `postMessage` via `window-open`): a top-level navigation, which X-Frame-Options and
 * frame-ancestors do not govern; the page cannot read its answer (`opaque`), and reaches its document only while
 * it keeps the opener, on one origin. A message needs a live handle: with `noopener` the page has none, and when
 * COOP severs the opener its handle is closed (measured in Chromium 156: posting to it throws nothing, delivers
 * nothing). https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policies
 */
function popupFacts(
  request: ResolvedRequest,
  headers: HeaderLines,
  current: URL,
  tools: FrameStepTools,
  at: { hop: number; origin: OriginName },
): Partial<StepPrediction> {
  const noopener = request.noopener === true;
  const kept = openerKept(noopener, tools.pageOpener, tools.pageOrigin, headers, current.href);
  const readable = kept && tools.pageOrigin !== 'null' && current.origin === tools.pageOrigin;
  tools.check('actual', true, tools.say.opener(kept, noopener), at);
  tools.check('actual', true, tools.say.domReadable(readable), at);
  const facts = { reason: null, framed: null, domReadable: readable, openerKept: kept } as const;
  if (request.api !== 'postMessage') return { ...facts, outcome: 'opaque', delivered: null };
  if (!kept) {
    tools.check('actual', false, tools.say.noHandle(noopener), at);
    return { ...facts, outcome: 'blocked', delivered: false };
  }
  const taken = postTo('popup', current, tools, at);
  return { ...facts, outcome: taken ? 'allowed' : 'blocked', delivered: taken };
}
