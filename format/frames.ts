/**
 * Format 1.2 "Cross-origin beyond fetch", frames: the APIs that put another origin's page in a frame and
 * talk to it (`iframe`, `postMessage`), and what that framed page does, as data (`server.actual.page`).
 * The framed page is always the lab's own target page (plan/target-page.ts): a plan says whom it takes
 * messages from, never what script it runs. Plain code without zod, like embedding.ts.
 */

/** APIs whose target is a page the runner page frames (`iframe`, `postMessage`) or opens as a popup (`window-open`). */
export const FRAME_APIS = ['iframe', 'postMessage', 'window-open'] as const;
export type FrameApi = (typeof FRAME_APIS)[number];

export function isFrameApi(api: string): api is FrameApi {
  return (FRAME_APIS as readonly string[]).includes(api);
}

/**
 * `request.via`, postMessage only: where the message goes, a frame the page inserts (`iframe`, the default) or a
 * popup it opens (`window-open`, which then takes `request.noopener` too).
 */
export const POST_MESSAGE_VIA = ['iframe', 'window-open'] as const;
export type PostMessageVia = (typeof POST_MESSAGE_VIA)[number];

/** Whether a step opens a popup to the target page: `window-open`, or `postMessage` via `window-open`. */
export function opensPopup(request: { api?: string | undefined; via?: string | undefined }): boolean {
  return request.api === 'window-open' || (request.api === 'postMessage' && request.via === 'window-open');
}

/**
 * Whether a step opens a window: a popup to the target page (opensPopup), or the named popup a `form` step
 * submits into (runner-page/run-form.ts opens it with `window.open` before it submits). The one list of the
 * steps that open windows: the schema bounds them (limits.ts), the playground runs them one at a time
 * (client/lab/step-turns.ts). No other API opens a window or a frame: img, script and stylesheet insert
 * elements, beacon, websocket and eventsource are fetches of the page (runner-page/run-step.ts).
 */
export function opensWindow(request: { api?: string | undefined; via?: string | undefined }): boolean {
  return request.api === 'form' || opensPopup(request);
}

/**
 * `server.actual.page`: what the framed target page does. `acceptMessagesFrom`: the origins (tokens as in
 * header values: `{page}`, `{origin:NAME}`) whose messages it takes, checking `event.origin` as a careful
 * receiver does; `"*"` takes any message, as a receiver that never checks. Default: `"*"`.
 * https://html.spec.whatwg.org/multipage/web-messaging.html#authors
 */
export interface TargetPageBehaviour {
  acceptMessagesFrom?: '*' | string[];
}

/** The message the runner page posts: a stand-in for the secret a real page would send. */
export const FRAME_MESSAGE = 'cors-lab: the secret';
