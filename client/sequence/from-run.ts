/**
 * Sequences from what the lab knows: the model's prediction of a step, or
 * what happened (the journal of what each origin received, and what the page
 * saw). In the user's browser a page never learns why a request was blocked:
 * the reason shown for an observed block is the model's, and says so.
 */
import { msg, str } from '@lit/localize';
import { stepTitleIn } from '../../experiments/catalog/prose-in.ts';
import { currentLanguage } from '../i18n/localize.ts';
import type { StepPrediction } from '../../experiments/model/prediction.ts';
import { failedCheck } from '../../experiments/model/trace.ts';
import { resolveRequest } from '../../format/format-defaults.ts';
import { isElementApi, type EmbeddingFacts } from '../../format/embedding.ts';
import { formEnctype, isSendingApi } from '../../format/form-and-beacon.ts';
import { beaconFetch } from '../../experiments/model/sending.ts';
import { isSocketApi } from '../../format/sockets.ts';
import { elementReadable } from '../../experiments/model/element-load.ts';
import { isFrameApi } from '../../format/frames.ts';
import type { Experiment } from '../../format/schema.ts';
import type { JournalEntry } from '../../plan/journal-entry.ts';
import { parsePlannedPath } from '../../plan/plan-url.ts';
import type { PageSeen } from '../../runner-page/step.ts';
import type { SequenceExchange, SequenceInput } from './sequence.ts';

/** A Location that carries a plan: its origin and the experiment's path, the plan elided. */
function shortLocation(lines: ReadonlyArray<[string, string]>): Array<[string, string]> {
  return lines.map(([name, value]) => {
    if (name.toLowerCase() !== 'location') return [name, value];
    try {
      const url = new URL(value);
      const planned = parsePlannedPath(url.pathname + url.search);
      // Userinfo stays: it can be what decided (RedirectContainsCredentials).
      const userinfo = url.username || url.password ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
      return [name, planned ? `${url.protocol}//${userinfo}${url.host}${planned.path}` : value];
    } catch {
      return [name, value];
    }
  });
}

/** The path the experiment asked for, without the plan that travels in the URL. */
function shortPath(pathAndQuery: string): string {
  return parsePlannedPath(pathAndQuery)?.path ?? pathAndQuery;
}

const requestOf = (experiment: Experiment, step: number) =>
  resolveRequest(experiment.request, step === 0 ? undefined : experiment.then?.[step - 1]?.request);

function callLines(experiment: Experiment, step: number): string[] {
  const r = requestOf(experiment, step);
  // Format 1.2: an element's request takes its mode and credentials from its crossorigin attribute alone.
  if (isElementApi(r.api)) return [`${r.api} GET ${r.target}${r.path}`, ...(r.crossorigin ? [`crossorigin ${r.crossorigin}`] : [])];
  // Format 1.2 frames: a navigation of a frame or a popup, and the message posted to it.
  if (r.api === 'iframe') return [`<iframe> ${r.target}${r.path}`];
  if (r.api === 'window-open') return [`window.open ${r.target}${r.path}`, ...(r.noopener ? ['noopener'] : [])];
  if (r.api === 'postMessage') {
    const opened = r.via === 'window-open'
      ? [`window.open ${r.target}${r.path}`, ...(r.noopener ? ['noopener'] : [])]
      : [`<iframe> ${r.target}${r.path}`];
    return [...opened, `postMessage, targetOrigin ${r.targetOrigin ?? '*'}`];
  }
  // Format 1.2: a form (into a popup) and a beacon choose only their method and Content-Type.
  if (r.api === 'form') return [`form ${r.method} ${r.target}${r.path}`, ...(r.method === 'POST' ? [`enctype ${formEnctype(r.headers)}`] : [])];
  if (r.api === 'beacon') return [`sendBeacon POST ${r.target}${r.path}`, `Content-Type ${beaconFetch(r).contentType}`];
  // Format 1.2: the socket APIs take a URL (and an EventSource withCredentials), nothing else.
  if (r.api === 'websocket') return [`new WebSocket(ws://${r.target}${r.path})`];
  if (r.api === 'eventsource') return [`new EventSource(${r.target}${r.path})`, ...(r.credentials === 'include' ? ['withCredentials'] : [])];
  const options = [
    r.mode !== 'cors' ? msg(str`mode ${r.mode}`, { id: 'sequence.mode' }) : '',
    r.credentials !== 'same-origin' ? msg(str`credentials ${r.credentials}`, { id: 'sequence.credentials' }) : '',
    r.redirect !== 'follow' ? msg(str`redirect ${r.redirect}`, { id: 'sequence.redirect' }) : '',
  ].filter(Boolean);
  const headers = Object.keys(r.headers).join(', ');
  return [
    `${r.api === 'xhr' ? 'XHR' : 'fetch'} ${r.method} ${r.target}${r.path}`,
    ...(options.length ? [options.join(', ')] : []),
    ...(headers ? [msg(str`headers: ${headers}`, { id: 'sequence.headers' })] : []),
  ];
}

/** Format 1.2: what the page can tell of an element: its load or error event, and whether it may read what loaded. */
function elementLines(outcome: StepPrediction['outcome'], facts: Partial<EmbeddingFacts>): string[] {
  if (outcome === 'blocked') return [msg('error event', { id: 'sequence.element-error' }), msg('JavaScript is not told why', { id: 'sequence.not-told' })];
  const readable = elementReadable(facts);
  const reading = readable === null ? [] : [!readable ? msg('shown, not readable by the page', { id: 'sequence.element-opaque' }) : msg('readable by the page', { id: 'sequence.element-readable' })];
  return [msg('load event', { id: 'sequence.element-load' }), ...reading];
}

/** Format 1.2 frames: what the page can tell of a frame or a popup, and of the message it posted. */
function frameLines(api: string, outcome: StepPrediction['outcome'], facts: Partial<EmbeddingFacts>): string[] {
  const readable = facts.domReadable
    ? msg('its document readable by the page', { id: 'sequence.frame-readable' })
    : msg('its document not readable by the page', { id: 'sequence.frame-not-readable' });
  const message = api === 'postMessage'
    ? [outcome === 'allowed' ? msg('message taken by the target', { id: 'sequence.message-taken' }) : msg('message not taken, no error', { id: 'sequence.message-dropped' })]
    : [];
  // A popup (window-open, or postMessage via window-open) has an opener to keep, and no frame to render.
  if (api === 'window-open' || (facts.openerKept !== null && facts.openerKept !== undefined)) {
    const opener = facts.openerKept
      ? msg('popup keeps window.opener', { id: 'sequence.opener-kept' })
      : msg('popup without window.opener', { id: 'sequence.opener-lost' });
    return [opener, readable, ...message];
  }
  if (facts.framed === false) return [msg('the frame shows an error page', { id: 'sequence.frame-refused' }), msg('JavaScript is not told why', { id: 'sequence.not-told' })];
  return [msg('the frame renders', { id: 'sequence.frame-rendered' }), readable, ...message];
}

/** Format 1.2: a form's or a beacon's page never sees the answer, whatever the servers did. */
const unseenLines = (): string[] => [msg('opaque: the page never sees the answer', { id: 'sequence.unseen' })];

/** The page each step runs on: a `then` step's own, else the experiment's. */
const pageOfStep = (experiment: Experiment, step: number): string => (step === 0 ? undefined : experiment.then?.[step - 1]?.page) ?? experiment.page ?? 'app';

/** Format 1.2: what a socket API tells the page, an open or a message event, or only that it failed. */
function socketLines(api: string, outcome: StepPrediction['outcome'], refusedByPage = false): string[] {
  if (outcome === 'blocked') {
    // A WebSocket the page's CSP refused gets an `error` event in Chromium, no close (runner-page/run-socket.ts).
    const close = api === 'websocket' && !refusedByPage;
    const event = close ? msg('close event (1006)', { id: 'sequence.socket-close' }) : msg('error event', { id: 'sequence.element-error' });
    return [event, msg('JavaScript is not told why', { id: 'sequence.not-told' })];
  }
  return api === 'websocket'
    ? [msg('open event', { id: 'sequence.socket-open' }), msg('the page reads the messages', { id: 'sequence.socket-reads' })]
    : [msg('message event', { id: 'sequence.event-message' }), msg('the page reads the event', { id: 'sequence.event-reads' })];
}

function resultLines(outcome: StepPrediction['outcome'], status: number | null, readable: readonly string[], responseHeaders: ReadonlyArray<[string, string]>, error: string | null): string[] {
  if (outcome === 'opaque') return [msg('opaque: status 0', { id: 'sequence.opaque' }), msg('JavaScript reads no headers, no body', { id: 'sequence.opaque-reads' })];
  if (outcome === 'blocked') return [error ?? 'TypeError: Failed to fetch', msg('JavaScript is not told why', { id: 'sequence.not-told' })];
  const hidden = [...new Set(responseHeaders.map(([n]) => n.toLowerCase()))].filter((n) => !readable.includes(n)).join(', ');
  const reads = readable.join(', ') || msg('no headers', { id: 'sequence.no-headers' });
  const shown = String(status ?? '');
  return [msg(str`status ${shown} readable`, { id: 'sequence.readable' }), msg(str`JavaScript reads: ${reads}`, { id: 'sequence.reads' }), ...(hidden ? [msg(str`hidden: ${hidden}`, { id: 'sequence.hidden' })] : [])];
}

function stopOf(p: StepPrediction): NonNullable<SequenceInput['stop']> {
  const check = failedCheck(p.checks);
  // Format 1.2: a refused WebSocket, an event stream that is none: the answer failed, with no reason to give.
  // A message not taken (postMessage to a frame or a popup) stops at the page's posting, not at the answer.
  const refused = p.opened === false && !p.refusedByCsp
    ? msg('refused by the server', { id: 'sequence.refused-by-server' })
    : p.delivered === false && p.framed !== false
      ? msg('message not taken, no error', { id: 'sequence.message-dropped' })
    : p.reachedServer ? msg('the answer failed the API\'s own check', { id: 'sequence.answer-failed' }) : null;
  return { reason: p.reason ?? refused ?? msg('refused by the page', { id: 'sequence.refused-by-page' }), text: check?.text ?? p.pageError ?? '', headers: (check?.headers ?? []).map(([n]) => n.toLowerCase()) };
}

/** "then step 2: PUT with X-New" for a later step, nothing for the first. */
function stepLabel(experiment: Experiment, step: number): string {
  if (step === 0) return '';
  const own = experiment.then?.[step - 1]?.title;
  const title = own === undefined ? undefined : stepTitleIn(own, currentLanguage());
  return title ? msg(str`, then step ${step}: ${title}`, { id: 'sequence.then-titled' }) : msg(str`, then step ${step}`, { id: 'sequence.then' });
}

/** The model's prediction of step `step` (0: the request, then each `then` step). */
export function predictedSequence(experiment: Experiment, step: number, p: StepPrediction, urls?: Readonly<Record<string, string>>): SequenceInput {
  const exchanges: SequenceExchange[] = p.requests.map((r) => {
    const url = new URL(r.url);
    return { kind: r.kind, origin: r.origin, hop: r.hop, method: r.method, path: shortPath(url.pathname + url.search), originHeader: r.originHeader, accessControlRequestMethod: r.accessControlRequestMethod, accessControlRequestHeaders: r.accessControlRequestHeaders, cookie: r.cookieSent, status: r.status, responseHeaders: shortLocation(r.responseHeaders) };
  });
  return {
    title: msg(str`Predicted by the model${stepLabel(experiment, step)}`, { id: 'sequence.predicted' }),
    page: pageOfStep(experiment, step),
    ...(urls ? { urls } : {}),
    call: callLines(experiment, step),
    exchanges,
    outcome: p.outcome,
    stop: p.outcome === 'blocked' ? stopOf(p) : null,
    result: isFrameApi(requestOf(experiment, step).api)
      ? frameLines(requestOf(experiment, step).api, p.outcome, p)
      : isSocketApi(requestOf(experiment, step).api)
      ? socketLines(requestOf(experiment, step).api, p.outcome, p.refusedByCsp !== undefined)
      : isElementApi(requestOf(experiment, step).api)
      ? elementLines(p.outcome, p)
      : isSendingApi(requestOf(experiment, step).api) ? unseenLines() : resultLines(p.outcome, p.status, p.readableHeaders, exchanges.at(-1)?.responseHeaders ?? [], p.pageError),
  };
}

/** What happened in step `step`: the journal and the page's view; the reason of a block is the model's. */
export function observedSequence(experiment: Experiment, step: number, serverSaw: readonly JournalEntry[], seen: Pick<PageSeen, 'outcome' | 'status' | 'readableHeaders' | 'error' | 'embedding'>, predicted: StepPrediction, urls?: Readonly<Record<string, string>>): SequenceInput {
  const exchanges: SequenceExchange[] = serverSaw.map((e) => ({
    kind: e.kind, origin: e.origin, hop: e.hop, method: e.method, path: shortPath(e.path), originHeader: e.originHeader,
    accessControlRequestMethod: e.accessControlRequestMethod, accessControlRequestHeaders: e.accessControlRequestHeaders, cookie: e.cookie !== null, status: e.status, responseHeaders: shortLocation(e.responseHeaders),
  }));
  const agrees = predicted.outcome === seen.outcome;
  const reason = predicted.reason ?? stopOf(predicted).reason;
  const stop =
    seen.outcome !== 'blocked'
      ? null
      : agrees
        ? { ...stopOf(predicted), reason: msg(str`${reason} (the model's reason)`, { id: 'sequence.models-reason' }) }
        : { reason: msg('blocked', { id: 'sequence.blocked' }), text: msg('the model predicted otherwise; this browser does not tell the page why', { id: 'sequence.not-predicted' }), headers: [] };
  return {
    title: msg(str`Observed in this browser${stepLabel(experiment, step)}`, { id: 'sequence.observed' }),
    page: pageOfStep(experiment, step),
    ...(urls ? { urls } : {}),
    call: callLines(experiment, step),
    exchanges,
    outcome: seen.outcome,
    stop,
    result: isFrameApi(requestOf(experiment, step).api)
      ? frameLines(requestOf(experiment, step).api, seen.outcome, seen.embedding ?? {})
      : isSocketApi(requestOf(experiment, step).api)
      ? socketLines(requestOf(experiment, step).api, seen.outcome)
      : isElementApi(requestOf(experiment, step).api)
      ? elementLines(seen.outcome, seen.embedding ?? {})
      : isSendingApi(requestOf(experiment, step).api) ? unseenLines() : resultLines(seen.outcome, seen.status, Object.keys(seen.readableHeaders), exchanges.at(-1)?.responseHeaders ?? [], seen.error),
  };
}
