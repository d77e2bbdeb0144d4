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
export const PRESENTER_CHANNEL = 'cors-lab-presenter';
export const PROTOCOL_VERSION = 1;
/** More steps than any lesson has (1 + at most 6 experiments + 1); a larger step is not from us. */
const MAX_STEP = 64;
const LESSON_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LESSON_ID_MAX_LENGTH = 100;

export type PresenterRole = 'presenter' | 'projected';

interface Envelope {
  protocol: typeof PRESENTER_CHANNEL;
  version: typeof PROTOCOL_VERSION;
  role: PresenterRole;
  lessonId: string;
}

export type PresenterMessage = (Envelope & { type: 'step'; step: number }) | (Envelope & { type: 'hello' });

/** The fields each message type has, no more (a message with any other field is not ours). */
const FIELDS: Record<PresenterMessage['type'], readonly string[]> = {
  step: ['protocol', 'version', 'role', 'lessonId', 'type', 'step'],
  hello: ['protocol', 'version', 'role', 'lessonId', 'type'],
};

function isRole(value: unknown): value is PresenterRole {
  return value === 'presenter' || value === 'projected';
}

/**
 * The message if `data` is a valid presenter message, else null. Checked by hand, not with the
 * schema library (zod), which the playground's first load does without (issue 16).
 */
export function parsePresenterMessage(data: unknown): PresenterMessage | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const { protocol, version, role, lessonId, type, step } = data as Record<string, unknown>;
  if (protocol !== PRESENTER_CHANNEL || version !== PROTOCOL_VERSION || !isRole(role)) return null;
  if (typeof lessonId !== 'string' || lessonId.length > LESSON_ID_MAX_LENGTH || !LESSON_ID.test(lessonId)) return null;
  if (type !== 'step' && type !== 'hello') return null;
  const fields = FIELDS[type];
  if (Object.keys(data).some((key) => !fields.includes(key))) return null;
  const envelope: Envelope = { protocol, version, role, lessonId };
  if (type === 'hello') return { ...envelope, type };
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > MAX_STEP) return null;
  return { ...envelope, type, step };
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
