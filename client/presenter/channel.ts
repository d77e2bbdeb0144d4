/**
 * The presenter protocol: the presenter window and the projected window of a
 * lesson (same origin, same browser) keep one step between them over a
 * BroadcastChannel named `cors-lab-presenter`.
 * https://html.spec.whatwg.org/multipage/web-messaging.html#broadcasting-to-other-browsing-contexts
 *
 * - `step`: "this lesson is now at this step", sent when someone steps.
 * - `hello`: sent by a window that has just opened; every other window of
 *   the same lesson answers with a `step` message, so a late window catches up.
 *
 * Anything else on the channel (another page's messages, an older or newer
 * version, a malformed or out-of-range message, another lesson) is ignored:
 * any script of the origin can post there.
 */
import { z } from 'zod';

export const PRESENTER_CHANNEL = 'cors-lab-presenter';
export const PROTOCOL_VERSION = 1;
/** More steps than any lesson has (1 + at most 6 experiments + 1); a larger step is not from us. */
const MAX_STEP = 64;

export type PresenterRole = 'presenter' | 'projected';

const envelope = {
  protocol: z.literal(PRESENTER_CHANNEL),
  version: z.literal(PROTOCOL_VERSION),
  role: z.enum(['presenter', 'projected']),
  lessonId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(100),
};

const messageSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...envelope, type: z.literal('step'), step: z.number().int().min(0).max(MAX_STEP) }),
  z.strictObject({ ...envelope, type: z.literal('hello') }),
]);

export type PresenterMessage = z.output<typeof messageSchema>;

/** The message if `data` is a valid presenter message, else null. */
export function parsePresenterMessage(data: unknown): PresenterMessage | null {
  const parsed = messageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** The part of BroadcastChannel the link uses, so tests can give it a channel of their own. */
export interface ChannelPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface PresenterLinkOptions {
  lessonId: string;
  role: PresenterRole;
  /** The step this window shows now, for answering a `hello`. */
  current: () => number;
  /** Another window of this lesson moved to `step` (not yet clamped to the deck). */
  onStep: (step: number, from: PresenterRole) => void;
  channel?: ChannelPort;
}

/** One window's end of the channel, for one lesson. */
export class PresenterLink {
  readonly #options: PresenterLinkOptions;
  readonly #channel: ChannelPort;

  constructor(options: PresenterLinkOptions) {
    this.#options = options;
    this.#channel = options.channel ?? new BroadcastChannel(PRESENTER_CHANNEL);
    this.#channel.addEventListener('message', (event) => this.#receive(event.data));
  }

  /** Asks the other windows of this lesson where they are. */
  hello(): void {
    this.#post({ type: 'hello' });
  }

  /** Tells the other windows this one moved to `step`. */
  step(step: number): void {
    this.#post({ type: 'step', step });
  }

  close(): void {
    this.#channel.close();
  }

  #post(body: { type: 'hello' } | { type: 'step'; step: number }): void {
    const message: PresenterMessage = { protocol: PRESENTER_CHANNEL, version: PROTOCOL_VERSION, role: this.#options.role, lessonId: this.#options.lessonId, ...body };
    this.#channel.postMessage(message);
  }

  #receive(data: unknown): void {
    const message = parsePresenterMessage(data);
    if (!message || message.lessonId !== this.#options.lessonId) return;
    if (message.type === 'hello') this.step(this.#options.current());
    else this.#options.onStep(message.step, message.role);
  }
}
